import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../config';
import { createLogger, logFormatFor } from '../logger';
import { DEMO_TENANT_ID } from './demo-people';
import { type LocalDemo, startLocalDemo } from './local-demo';

const appRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const { version } = JSON.parse(readFileSync(path.join(appRoot, 'package.json'), 'utf8')) as { version: string };

/**
 * `npm start`: the bot on 127.0.0.1:3978 with the SQLite default, and two Agents Playgrounds against it, one
 * signed in as a rep (56150) and one as that rep's manager (56151), linked by `dev/demo-org.json`.
 * Ctrl+C (SIGINT) or SIGTERM stops all of it and says so in one line.
 */
async function main(): Promise<void> {
  const loaded = loadConfig({
    REBOUND_ORG_FILE: path.join(appRoot, 'dev', 'demo-org.json'),
    REBOUND_ORG_TENANT: DEMO_TENANT_ID,
    ...process.env,
  });
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
  const logger = createLogger(config.logLevel, { format: logFormatFor(process.env, process.stdout.isTTY === true) });
  let demo: LocalDemo | null = null;
  let stopRequested = false;
  const stop = async () => {
    stopRequested = true;
    if (!demo) return; // still starting: stopped as soon as it is up
    try {
      await demo.stop();
      console.log('Rebound stopped: both Playgrounds ended, the bot server and its store closed.');
    } catch (err) {
      console.error('Rebound did not stop cleanly:', err instanceof Error ? err.message : err);
      process.exitCode = 1;
    }
    process.exit();
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);

  try {
    demo = await startLocalDemo({
      config,
      logger,
      version,
      repPort: portSetting('REBOUND_PLAYGROUND_PORT', 56150),
      managerPort: portSetting('REBOUND_PLAYGROUND_MANAGER_PORT', 56151),
      workDir: process.env.REBOUND_PLAYGROUND_DIR || path.join(appRoot, '.data'),
    });
  } catch (err) {
    // Ctrl+C while starting also reaches the Playgrounds (same process group): what started is stopped.
    if (!stopRequested) throw err;
    console.log('Rebound stopped before it was up.');
    process.exit();
  }
  if (stopRequested) return stop();
  console.log(`\n${demo.banner()}\n`);
}

function portSetting(name: string, fallback: number): number {
  const raw = process.env[name]?.trim();
  if (!raw) return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`${name}: set it to a port number between 1 and 65535 (default ${fallback})`);
  }
  return port;
}

main().catch((err: unknown) => {
  console.error('Could not start the local demo:', err instanceof Error ? err.message : err);
  process.exit(1);
});
