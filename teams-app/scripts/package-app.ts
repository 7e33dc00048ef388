/**
 * Builds the Teams app package: `pnpm --filter @rebound/teams-app package [-- --env env/.env.dev]`.
 * Writes appPackage/build/rebound-<env>.zip, ready to upload in Teams.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildAppPackage } from './app-package/build';
import { TEAMS_APP_DIR } from './app-package/paths';
import { AppPackageError } from './app-package/validate';

// pnpm may pass a literal `--` through (`pnpm ... package -- --env ...`); it is not an argument of ours.
const { values } = parseArgs({
  args: process.argv.slice(2).filter((arg) => arg !== '--'),
  options: { env: { type: 'string', default: 'env/.env.local' } },
});
const envFile = path.resolve(TEAMS_APP_DIR, values.env!);

try {
  const built = await buildAppPackage({ envFile });
  console.log(`built ${path.relative(process.cwd(), built.zipPath)} (${built.entries.map((e) => e.name).join(', ')})`);
} catch (error) {
  if (!(error instanceof AppPackageError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
}
