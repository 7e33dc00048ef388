// One bot under test in its own process, so that its RSS is its own: `rebound` (the Rebound bot on a fresh
// SQLite file) or `echo` (the baseline). Prints `ready <url>` when it listens. The parent may ask the Rebound
// bot to register reps ahead of a round (`seed`), the way their first message to the bot would have.
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createRebound, type Store } from '@rebound/core';
import { loadConfig } from '../../teams-app/src/config';
import { startEchoBot } from '../../teams-app/src/dev/bench-echo-bot';
import { startBotServer } from '../../teams-app/src/http/server';
import { createLogger } from '../../teams-app/src/logger';
import { openStore } from '../../teams-app/src/store';

const [kind = 'rebound', portArg = '0'] = process.argv.slice(2);
const port = Number(portArg);
let seedInto: Store | undefined;

/** A seed request: reps `<prefix>-<n>` for n < count, named and localized as their turns will say. */
interface Seed {
  seed: { tenantId: string; prefix: string; count: number };
}

async function seed({ tenantId, prefix, count }: Seed['seed']): Promise<void> {
  if (!seedInto) throw new Error('only the rebound bot takes seeds');
  const core = createRebound({ store: seedInto, clock: () => new Date(), ids: randomUUID });
  for (let n = 0; n < count; n++) {
    await core.registerPerson(
      { tenantId, personId: `${prefix}-${n}` },
      { displayName: `Rep ${n}`, clientLocale: n % 2 ? 'ja-JP' : 'en-US' },
    );
  }
}

process.on('message', (message) => {
  // The parent asks for memory after a full collection (the process runs with --expose-gc).
  if (message === 'memory') {
    (globalThis as { gc?: () => void }).gc?.();
    process.send?.({ rss: process.memoryUsage().rss, heapUsed: process.memoryUsage().heapUsed });
    return;
  }
  if (message && typeof message === 'object' && 'seed' in message) {
    seed((message as Seed).seed).then(
      () => process.send?.({ seeded: (message as Seed).seed.count }),
      (err: unknown) => process.send?.({ seedError: String(err) }),
    );
  }
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
  seedInto = store;
  const bot = await startBotServer({
    config: { ...loaded.config, port },
    store,
    logger: createLogger('silent'),
    version: 'bench',
  });
  console.log(`ready ${bot.url}`);
}
