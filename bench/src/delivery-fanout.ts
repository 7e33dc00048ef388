// Fan-out of scheduled check-ins through the delivery queue to the fake connector (issue 7): 10,000 reps whose
// check-in fell due, the tenant limit scaled from Teams' 50/s to 500/s so the run stays short, the connector
// enforcing the same limits (over them it answers 429 and records a violation). Once without faults and once
// with 5% injected 429s. The bot's delivery side runs in its own process on a SQLite file, as in production.
//   node --conditions=source --import tsx src/delivery-fanout.ts      (BENCH_FANOUT_N to change the 10,000)
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { createSqlStore } from '@rebound/store-sql';
import { FakeConnector } from '../../teams-app/test/support/fake-connector';
import { seedFanout } from '../../teams-app/test/support/fanout-seed';
import { machine, table } from './harness';

const here = path.dirname(fileURLToPath(import.meta.url));
const N = Number(process.env.BENCH_FANOUT_N ?? 10_000);
const LIMIT = 500;
const TENANT = 'tenant-fanout';
const CONVERSATION_LIMITS = [
  { limit: 7, windowMs: 1000 },
  { limit: 8, windowMs: 2000 },
  { limit: 60, windowMs: 30_000 },
  { limit: 1800, windowMs: 3_600_000 },
];

interface TargetReport {
  result: Record<string, number>;
  seconds: number;
  http: { attempts: number; byStatus: Record<string, number> };
}

function runTarget(url: string): Promise<TargetReport> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        ...(process.env.BENCH_CPU_PROF ? ['--cpu-prof', '--cpu-prof-dir', process.env.BENCH_CPU_PROF] : []),
        '--conditions=source',
        '--import',
        'tsx',
        path.join(here, 'fanout-target.ts'),
        url,
        String(LIMIT),
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let out = '';
    child.stdout.on('data', (b: Buffer) => {
      out += b.toString();
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      const line = out.trim().split('\n').pop() ?? '';
      if (code !== 0 || !line) reject(new Error(`fan-out target exited with ${code}`));
      else resolve(JSON.parse(line) as TargetReport);
    });
  });
}

async function scenario(name: string, rate429: number) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'rebound-fanout-'));
  const url = `sqlite:${path.join(dir, 'fanout.sqlite')}`;
  const connector = await new FakeConnector({
    limits: { tenant: [{ limit: LIMIT, windowMs: 1000 }], conversation: CONVERSATION_LIMITS },
    faults: rate429 > 0 ? { rate429, seed: 7, retryAfterMs: 1000 } : undefined,
    recordCalls: false,
  }).start();
  try {
    const store = await createSqlStore({ url });
    const seedStart = performance.now();
    const people = await seedFanout(store, { tenantId: TENANT, count: N, serviceUrl: connector.url, now: new Date() });
    await store.close();
    const seedSeconds = (performance.now() - seedStart) / 1000;
    const report = await runTarget(url);
    const receipts = connector.receiptsByConversation();
    let lost = 0;
    let duplicates = 0;
    for (const p of people) {
      const got = receipts.get(p.conversationId) ?? 0;
      if (got === 0) lost++;
      if (got > 1) duplicates += got - 1;
    }
    const delivered = [...receipts.values()].reduce((a, b) => a + b, 0);
    const rate = delivered / report.seconds;
    console.log(
      `${name}: ${delivered} in ${report.seconds.toFixed(1)} s = ${rate.toFixed(0)}/s (seeded in ${seedSeconds.toFixed(0)} s)`,
    );
    return {
      name,
      delivered,
      seconds: report.seconds,
      rate,
      lost,
      duplicates,
      violations: connector.violations.length,
      attempts: report.http.attempts,
      byStatus: report.http.byStatus,
      outcome: report.result,
    };
  } finally {
    await connector.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

const load = os.loadavg();
const runs = [await scenario('no faults', 0), await scenario('5% injected 429s', 0.05)];
const loadAfter = os.loadavg();
const rows = runs.map((r) => [
  r.name,
  r.delivered.toLocaleString('en'),
  r.seconds.toFixed(1),
  Math.round(r.rate),
  `${((r.rate / LIMIT) * 100).toFixed(0)}%`,
  r.attempts.toLocaleString('en'),
  Object.entries(r.byStatus)
    .map(([k, v]) => `${k}: ${v}`)
    .join(', '),
  r.violations,
  r.duplicates,
  r.lost,
]);
const report = `### Delivery: fan-out of scheduled check-ins within Teams' limits (issue 7)

Machine: ${machine()}. Load average (1 / 5 / 15 min) ${load.map((l) => l.toFixed(1)).join(' / ')} at the start, ${loadAfter.map((l) => l.toFixed(1)).join(' / ')} at the end.

${N.toLocaleString('en')} reps whose daily check-in fell due an hour ago, planned by \`rebound.scheduler.plan\` into a SQLite file; the bot's delivery side (\`startBotServer\` with the scheduler off, then \`queue.drain()\`) runs in its own process and sends every check-in card through the rate-limited HTTP client to the fake connector (\`teams-app/test/support/fake-connector.ts\`) in this process. Tenant limit ${LIMIT} requests/s (Teams' 50/s scaled up ten times so the run stays short) on both sides; per-conversation limits as Teams' (7/1 s, 8/2 s, 60/30 s, 1800/h). The connector enforces the limits itself: a request over any window gets 429 and is counted as a violation. Rate = messages the connector accepted / seconds of \`drain()\`. Duplicates and losses are counted per conversation from what the connector accepted, without removing duplicates.

${table(['run', 'delivered', 'seconds', 'messages/s', 'of the limit', 'HTTP attempts', 'answers', 'violations', 'duplicates', 'lost'], rows)}

| target | measured | met |
| --- | --- | --- |
| ≥ 90% of the permitted rate without injected faults | ${((runs[0]!.rate / LIMIT) * 100).toFixed(0)}% | ${runs[0]!.rate >= 0.9 * LIMIT ? 'yes' : '**no**'} |
| 0 duplicates, 0 losses (no faults) | ${runs[0]!.duplicates} / ${runs[0]!.lost} | ${runs[0]!.duplicates + runs[0]!.lost === 0 ? 'yes' : '**no**'} |
| 0 duplicates, 0 losses (5% 429s) | ${runs[1]!.duplicates} / ${runs[1]!.lost} | ${runs[1]!.duplicates + runs[1]!.lost === 0 ? 'yes' : '**no**'} |
| limits never exceeded at the connector | ${runs.map((r) => r.violations).join(' / ')} violations | ${runs.every((r) => r.violations === 0) ? 'yes' : '**no**'} |
`;
console.log(report);
if (N === 10_000) {
  mkdirSync(path.join(here, '..', 'reports'), { recursive: true });
  writeFileSync(path.join(here, '..', 'reports', 'delivery.md'), report);
}
