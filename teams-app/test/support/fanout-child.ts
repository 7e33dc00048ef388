/**
 * The bot's delivery side as a process of its own, for the crash tests: it sends what is due in a SQLite file
 * once and exits, or kills itself with SIGKILL at a chosen point of the fan-out (`KILL_AT` = before-send,
 * after-send or after-record, at the `KILL_AFTER`-th delivery). One send at a time, so the point is exact.
 */
import type { Delivery } from '@rebound/core';
import pino from 'pino';
import { loadConfig } from '../../src/config';
import { startBotServer } from '../../src/http/server';
import { openStore } from '../../src/store';

const killAt = process.env.KILL_AT ?? '';
const killAfter = Number(process.env.KILL_AFTER ?? '0');
let reached = 0;
const point = (name: string) => (_d: Delivery) => {
  if (name === killAt && ++reached === killAfter) process.kill(process.pid, 'SIGKILL');
};

const loaded = loadConfig({
  HOST: '127.0.0.1',
  LOG_LEVEL: 'silent',
  REBOUND_SCHEDULER: 'off',
  REBOUND_DATABASE_URL: process.env.REBOUND_DATABASE_URL,
});
if (!loaded.ok) throw new Error(loaded.problems.join('\n'));
const store = await openStore(loaded.config.databaseUrl);
const server = await startBotServer({
  config: { ...loaded.config, port: 0 },
  store,
  logger: pino({ level: process.env.DEBUG_LOG ? 'debug' : 'silent' }, process.stderr),
  version: '0.0.0-crash-test',
  delivery: {
    concurrency: 1,
    hooks: { beforeSend: point('before-send'), afterSend: point('after-send'), afterRecord: point('after-record') },
  },
});
const result = await server.delivery.queue.drain();
process.stdout.write(`${JSON.stringify(result)}\n`);
await server.close();
await store.close();
