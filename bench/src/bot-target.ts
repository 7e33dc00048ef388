// One bot under test in its own process, so that its RSS is its own: `rebound` (the Rebound bot on a fresh
// SQLite file) or `echo` (the baseline). Prints `ready <url>` when it listens.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../teams-app/src/config';
import { startEchoBot } from '../../teams-app/src/dev/bench-echo-bot';
import { startBotServer } from '../../teams-app/src/http/server';
import { createLogger } from '../../teams-app/src/logger';
import { openStore } from '../../teams-app/src/store';

const [kind = 'rebound', portArg = '0'] = process.argv.slice(2);
const port = Number(portArg);
// The parent asks for memory after a full collection (the process runs with --expose-gc).
process.on('message', (message) => {
  if (message !== 'memory') return;
  (globalThis as { gc?: () => void }).gc?.();
  process.send?.({ rss: process.memoryUsage().rss, heapUsed: process.memoryUsage().heapUsed });
});
// Exit normally on a signal, so that `--cpu-prof` can write its profile.
process.once('SIGINT', () => process.exit(0));
process.once('SIGTERM', () => process.exit(0));

if (kind === 'echo') {
  const bot = await startEchoBot(port);
  console.log(`ready ${bot.url}`);
} else {
  const dir = mkdtempSync(path.join(tmpdir(), 'rebound-bench-'));
  const loaded = loadConfig({ HOST: '127.0.0.1', LOG_LEVEL: 'silent' });
  if (!loaded.ok) throw new Error(loaded.problems.join('\n'));
  const store = await openStore(`sqlite:${path.join(dir, 'bench.sqlite')}`);
  const bot = await startBotServer({
    config: { ...loaded.config, port },
    store,
    logger: createLogger('silent'),
    version: 'bench',
  });
  console.log(`ready ${bot.url}`);
}
