// Prints the closing line CI reads: "N passed, N failed", counted from vitest's JSON report.
// Build, typecheck or lint failures count as one failed check each run, so they can never pass silently.
import { existsSync, readFileSync } from 'node:fs';

const [reportPath, priorStatus = '0'] = process.argv.slice(2);
let passed = 0;
let failed = 0;
if (reportPath && existsSync(reportPath)) {
  const report = JSON.parse(readFileSync(reportPath, 'utf8'));
  passed = report.numPassedTests ?? 0;
  // A file that failed to load has no failed test of its own; count it once.
  const brokenFiles = (report.testResults ?? []).filter(
    (file) => file.status === 'failed' && !(file.assertionResults ?? []).some((t) => t.status === 'failed'),
  ).length;
  failed = (report.numFailedTests ?? 0) + brokenFiles;
  if (report.numTotalTests === 0) failed += 1;
} else {
  console.log('no vitest report was written');
  failed += 1;
}
if (priorStatus !== '0' && failed === 0) failed = 1;
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || priorStatus !== '0' ? 1 : 0);
