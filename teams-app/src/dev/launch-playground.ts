import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../config';
import { startBotServer } from '../http/server';
import { createLogger } from '../logger';
import { openStore } from '../store';
import { DEMO_MANAGER, DEMO_OTHER_REPS, DEMO_REP, DEMO_TENANT_ID } from './demo-people';
import { type RunningPlayground, startPlayground } from './playground';

const appRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const { version } = JSON.parse(readFileSync(path.join(appRoot, 'package.json'), 'utf8')) as { version: string };

/**
 * The local demo: the bot on 127.0.0.1:3978 with the SQLite default, and two Agents Playgrounds against it,
 * one signed in as a rep (56150) and one as that rep's manager (56151), linked by `dev/demo-org.json`.
 */
async function main(): Promise<void> {
  const loaded = loadConfig({ REBOUND_ORG_FILE: path.join(appRoot, 'dev', 'demo-org.json'), ...process.env });
  if (!loaded.ok) {
    console.error('Rebound bot cannot start. Fix these settings:');
    for (const problem of loaded.problems) console.error(`  - ${problem}`);
    process.exit(1);
  }
  const { config } = loaded;
  if (config.credentials) {
    console.error('The Playground demo runs without credentials; unset MicrosoftAppId and friends.');
    process.exit(1);
  }
  const logger = createLogger(config.logLevel);
  const store = await openStore(config.databaseUrl);
  const bot = await startBotServer({ config, store, logger, version });
  const botEndpoint = `${bot.url}/api/messages`;
  const playgrounds: RunningPlayground[] = [];
  const stop = async () => {
    await Promise.all(playgrounds.map((p) => p.stop()));
    await bot.close();
    await store.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);

  const dataDir = path.join(appRoot, '.data');
  const rep = await startPlayground({
    port: Number(process.env.REBOUND_PLAYGROUND_PORT ?? 56150),
    botEndpoint,
    tenantId: DEMO_TENANT_ID,
    currentUser: DEMO_REP,
    users: [DEMO_MANAGER, ...DEMO_OTHER_REPS],
    workDir: path.join(dataDir, 'playground-rep'),
    conversationId: 'personal-chat-aoi',
  });
  playgrounds.push(rep);
  const manager = await startPlayground({
    port: Number(process.env.REBOUND_PLAYGROUND_MANAGER_PORT ?? 56151),
    botEndpoint,
    tenantId: DEMO_TENANT_ID,
    currentUser: DEMO_MANAGER,
    users: [DEMO_REP, ...DEMO_OTHER_REPS],
    workDir: path.join(dataDir, 'playground-manager'),
    conversationId: 'personal-chat-ken',
  });
  playgrounds.push(manager);

  console.log(`
Rebound is running locally.
  Bot:                      ${botEndpoint}  (store: ${config.databaseUrl})
  Open as the rep (${DEMO_REP.name}):      ${rep.url}
  Open as the manager (${DEMO_MANAGER.name}): ${manager.url}
Type "help" (or 「ヘルプ」) in the chat. Press Ctrl+C to stop.
`);
}

main().catch((err: unknown) => {
  console.error('Could not start the local demo:', err instanceof Error ? err.message : err);
  process.exit(1);
});
