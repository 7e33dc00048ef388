// The bot's delivery side in a process of its own for the fan-out benchmark: it sends every due delivery of a
// SQLite file through the queue (tenant limit from the argument), then reports on stdout and exits.
//   node --conditions=source --import tsx src/fanout-target.ts <sqlite url> <tenant limit per second>
import { performance } from 'node:perf_hooks';
import { loadConfig } from '../../teams-app/src/config';
import { startBotServer } from '../../teams-app/src/http/server';
import { createLogger } from '../../teams-app/src/logger';
import { openStore } from '../../teams-app/src/store';

const [url = '', perSecond = '500'] = process.argv.slice(2);
const loaded = loadConfig({
  HOST: '127.0.0.1',
  LOG_LEVEL: 'silent',
  REBOUND_SCHEDULER: 'off',
  REBOUND_DATABASE_URL: url,
});
if (!loaded.ok) throw new Error(loaded.problems.join('\n'));
const store = await openStore(loaded.config.databaseUrl);
const server = await startBotServer({
  config: { ...loaded.config, port: 0 },
  store,
  logger: createLogger('silent'),
  version: 'bench',
  delivery: { limits: { tenant: [{ limit: Number(perSecond), windowMs: 1000 }] } },
});
const started = performance.now();
const result = await server.delivery.queue.drain();
const seconds = (performance.now() - started) / 1000;
process.stdout.write(`${JSON.stringify({ result, seconds, http: server.httpClient.stats() })}\n`);
await server.close();
await store.close();
