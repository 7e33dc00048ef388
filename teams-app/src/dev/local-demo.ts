import type { Store } from '@rebound/core';
import type { Logger } from 'pino';
import type { BotConfig } from '../config';
import { type BotServer, startBotServer } from '../http/server';
import { openStore } from '../store';
import { DEMO_MANAGER, DEMO_OTHER_REPS, DEMO_REP, DEMO_TENANT_ID } from './demo-people';
import { type RunningPlayground, startPlayground } from './playground';

export interface LocalDemoOptions {
  config: BotConfig;
  logger: Logger;
  version: string;
  /** Ports of the rep's and the manager's Playgrounds (56150 and 56151 by default). */
  repPort: number;
  managerPort: number;
  /** Where the Playgrounds keep their config files and logs. */
  workDir: string;
}

export interface LocalDemo {
  bot: BotServer;
  store: Store;
  botEndpoint: string;
  rep: RunningPlayground;
  manager: RunningPlayground;
  /** What to open, aligned, for the terminal. */
  banner(): string;
  /** Ends both Playgrounds, then closes the bot's server and its store. Safe to call more than once. */
  stop(): Promise<void>;
}

/**
 * The local demo: the bot and two Agents Playgrounds against it, one signed in as a rep and one as that rep's
 * manager (linked by `dev/demo-org.json`). If any part fails to start, what did start is stopped again.
 */
export async function startLocalDemo(o: LocalDemoOptions): Promise<LocalDemo> {
  const playgrounds: RunningPlayground[] = [];
  let store: Store | null = null;
  let bot: BotServer | null = null;
  let stopping: Promise<void> | null = null;
  const stop = () => {
    stopping ??= (async () => {
      await Promise.all(playgrounds.map((p) => p.stop()));
      await bot?.close();
      await store?.close();
    })();
    return stopping;
  };
  try {
    store = await openStore(o.config.databaseUrl);
    bot = await startBotServer({ config: o.config, store, logger: o.logger, version: o.version });
    const botEndpoint = `${bot.url}/api/messages`;
    const common = { botEndpoint, tenantId: DEMO_TENANT_ID };
    const rep = await startPlayground({
      ...common,
      port: o.repPort,
      currentUser: DEMO_REP,
      users: [DEMO_MANAGER, ...DEMO_OTHER_REPS],
      workDir: `${o.workDir}/playground-rep`,
      conversationId: 'personal-chat-aoi',
    });
    playgrounds.push(rep);
    const manager = await startPlayground({
      ...common,
      port: o.managerPort,
      currentUser: DEMO_MANAGER,
      users: [DEMO_REP, ...DEMO_OTHER_REPS],
      workDir: `${o.workDir}/playground-manager`,
      conversationId: 'personal-chat-ken',
    });
    playgrounds.push(manager);
    const banner = () =>
      [
        'Rebound is running locally.',
        ...alignedRows([
          ['Bot:', botEndpoint],
          ['Store:', o.config.databaseUrl],
          [`Open as the rep (${DEMO_REP.name}):`, rep.url],
          [`Open as the manager (${DEMO_MANAGER.name}):`, manager.url],
        ]).map((row) => `  ${row}`),
        'Type "help" (or 「ヘルプ」) in the chat. Press Ctrl+C to stop.',
      ].join('\n');
    return { bot, store, botEndpoint, rep, manager, banner, stop };
  } catch (err) {
    await stop().catch(() => {});
    throw err;
  }
}

/** `label value` rows with every value starting in the same column. */
export function alignedRows(rows: readonly (readonly [string, string])[]): string[] {
  const width = Math.max(...rows.map(([label]) => label.length));
  return rows.map(([label, value]) => `${label.padEnd(width)}  ${value}`);
}
