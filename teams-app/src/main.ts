import { readFileSync } from 'node:fs';
import { loadConfig } from './config';
import { ConfigError, type OrgCharts, readOrgChart } from './http/org-chart';
import { startBotServer } from './http/server';
import { createLogger, logFormatFor } from './logger';
import { openStore } from './store';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  version: string;
};

function refuseToStart(problems: readonly string[]): never {
  console.error('Rebound bot cannot start. Fix these settings:');
  for (const problem of problems) console.error(`  - ${problem}`);
  process.exit(1);
}

async function main(): Promise<void> {
  const loaded = loadConfig(process.env);
  if (!loaded.ok) refuseToStart(loaded.problems);
  const { config } = loaded;
  // The org chart file is read and checked before anything opens: its problems are settings to fix too.
  let orgCharts: OrgCharts | null;
  try {
    orgCharts = readOrgChart(config);
  } catch (err) {
    if (err instanceof ConfigError) refuseToStart(err.problems);
    throw err;
  }
  const logger = createLogger(config.logLevel, { format: logFormatFor(process.env, process.stdout.isTTY === true) });
  const store = await openStore(config.databaseUrl);
  const server = await startBotServer({ config, store, logger, version, orgCharts });
  logger.info(
    { url: server.url, mode: config.credentials ? 'authenticated' : 'anonymous (local only)' },
    `Rebound bot listening on ${server.url}/api/messages`,
  );
  const stop = async (signal: NodeJS.Signals) => {
    try {
      await server.close();
      await store.close();
      logger.info({ signal }, 'Rebound bot stopped: server and store closed');
    } catch (err) {
      logger.error({ err, signal }, 'Rebound bot did not stop cleanly');
      process.exitCode = 1;
    }
    // pino's transport (pretty logs) flushes on exit; the JSON destination writes synchronously.
    process.exit();
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((err: unknown) => {
  console.error('Rebound bot failed to start:', err instanceof Error ? err.message : err);
  process.exit(1);
});
