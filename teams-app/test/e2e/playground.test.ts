import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { networkInterfaces, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium } from '@rebound/cards/testing';
import { createSqlStore } from '@rebound/store-sql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_REP, DEMO_TENANT_ID } from '../../src/dev/demo-people';
import { freePort, isPortFree } from '../../src/dev/playground';

// `npm start` as a person runs it: the launcher in its own process (the bot, its SQLite store and both Agents
// Playgrounds), the rep's Playground in headless Chromium, then Ctrl+C (SIGINT).
// Budgets hold on a busy 2-core machine: starting the launcher, two Playgrounds and Chromium, and loading the
// Playground's UI, cost about 15 s of CPU. Measured beside four CPU-bound loops (load average 17-20): start
// 156 s, the test 90 s; at load 11 without them: 46 s and 32 s.
const START_BUDGET_MS = 300_000;
const UI_WAIT_MS = 90_000;
const TEST_BUDGET_MS = 300_000;

const APP_ROOT = fileURLToPath(new URL('../..', import.meta.url));

describe('npm start: the Agents Playgrounds in headless Chromium', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'rebound-e2e-'));
  const databaseUrl = `sqlite:${path.join(dir, 'rebound.sqlite')}`;
  let launcher: ChildProcess;
  let stdout = '';
  let stderr = '';
  let repUrl = '';
  let managerUrl = '';
  let chromium: Awaited<ReturnType<typeof launchChromium>>;

  beforeAll(async () => {
    const [port, repPort, managerPort] = [await freePort(), await freePort(), await freePort()];
    launcher = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', 'src/dev/launch-playground.ts'], {
      cwd: APP_ROOT,
      env: {
        ...process.env,
        PORT: String(port),
        REBOUND_PLAYGROUND_PORT: String(repPort),
        REBOUND_PLAYGROUND_MANAGER_PORT: String(managerPort),
        REBOUND_PLAYGROUND_DIR: dir,
        REBOUND_DATABASE_URL: databaseUrl,
        REBOUND_SCHEDULER: 'off',
        LOG_LEVEL: 'warn',
        LOG_FORMAT: 'json',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    launcher.stderr?.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    // The banner says where each Playground is; waiting for it is waiting for the whole demo to be up.
    await new Promise<void>((resolve, reject) => {
      launcher.stdout?.on('data', (d: Buffer) => {
        stdout += d.toString();
        const rep = /Open as the rep \(.*\):\s+(\S+)/.exec(stdout);
        const manager = /Open as the manager \(.*\):\s+(\S+)/.exec(stdout);
        if (rep?.[1] && manager?.[1]) {
          repUrl = rep[1];
          managerUrl = manager[1];
          resolve();
        }
      });
      launcher.once('exit', (code, signal) => reject(new Error(`launcher ended (${code ?? signal}): ${stderr}`)));
    });
    chromium = await launchChromium();
  }, START_BUDGET_MS);

  afterAll(async () => {
    await chromium?.close();
    // After a failure the launcher may still run: SIGTERM lets it end its Playgrounds (a SIGKILL would leave
    // them running); SIGKILL only if it has not ended within a minute.
    if (launcher && launcher.exitCode === null && launcher.signalCode === null) {
      const exited = once(launcher, 'exit');
      launcher.kill('SIGTERM');
      const force = setTimeout(() => launcher.kill('SIGKILL'), 60_000);
      await exited;
      clearTimeout(force);
    }
    rmSync(dir, { recursive: true, force: true });
  }, 90_000);

  it('prints what to open with every address in one column', () => {
    const rows = stdout.split('\n').filter((line) => /^ {2}\S.*:\s+\S+/.test(line));
    expect(rows.map((row) => row.trim().split(':')[0])).toEqual([
      'Bot',
      'Store',
      'Open as the rep (Aoi Tanaka)',
      'Open as the manager (Ken Sato)',
    ]);
    const columns = rows.map((row) => row.search(/(http|sqlite):/));
    expect(new Set(columns).size).toBe(1);
  });

  it('binds both Playgrounds to 127.0.0.1 only', async () => {
    for (const url of [repUrl, managerUrl]) {
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:/);
      const external = Object.values(networkInterfaces())
        .flat()
        .find((i) => i && i.family === 'IPv4' && !i.internal);
      if (external)
        await expect(fetch(`http://${external.address}:${new URL(url).port}/_debug/ping`)).rejects.toThrow();
    }
  });

  it(
    'greets the rep by name, logs a rejection through the card, and stops cleanly on Ctrl+C',
    async () => {
      const page = await chromium.context.newPage();
      // Every wait of the page (navigation, clicks, fills) gets the busy-machine budget, not Playwright's 30 s.
      page.setDefaultTimeout(UI_WAIT_MS);
      await page.setViewportSize({ width: 1280, height: 2000 });
      await page.goto(repUrl, { waitUntil: 'domcontentloaded' });
      await page.locator('[data-lexical-editor="true"]').click();
      await page.keyboard.type('log');
      await page.keyboard.press('Enter');

      // First contact: the welcome card greets the demo rep by the name the Playground's roster gives.
      const welcome = page
        .locator('.ac-adaptiveCard')
        .filter({ has: page.getByText('Welcome to Rebound', { exact: true }) })
        .first();
      await welcome.getByText(DEMO_REP.name, { exact: true }).waitFor({ state: 'visible' });
      expect(await welcome.getByText(DEMO_REP.aadObjectId).count()).toBe(0);

      const form = page
        .locator('.ac-adaptiveCard')
        .filter({ has: page.getByText('Stage', { exact: true }) })
        .last();
      const customer = form.getByPlaceholder('A name or a nickname only you recognise');
      await customer.waitFor({ state: 'visible' });
      await customer.fill('Bakery in Shibuya');
      const comboboxes = form.locator('input[role="combobox"]:not([aria-haspopup="dialog"])');
      for (const [index, option] of [
        [0, 'Proposal'],
        [1, 'Timing'],
      ] as const) {
        await comboboxes.nth(index).click();
        await page.getByRole('option', { name: option, exact: true }).click();
      }
      await form.getByRole('checkbox').first().check();
      await form.getByRole('button', { name: 'Save' }).last().click();
      const ack = page.getByText('Thank you for logging it').last();
      await ack.waitFor({ state: 'visible' });

      // Ctrl+C: one line, exit 0, both Playgrounds gone, and the store closed with the log in it.
      const exited = once(launcher, 'exit');
      launcher.kill('SIGINT');
      const [code, signal] = (await exited) as [number | null, NodeJS.Signals | null];
      expect({ code, signal }, stderr).toEqual({ code: 0, signal: null });
      expect(stdout.trim().split('\n').at(-1)).toBe(
        'Rebound stopped: both Playgrounds ended, the bot server and its store closed.',
      );
      expect(stderr).not.toMatch(/DeprecationWarning|ERR_/);
      for (const url of [repUrl, managerUrl]) expect(await isPortFree(Number(new URL(url).port))).toBe(true);

      const store = await createSqlStore({ url: databaseUrl });
      try {
        const logs = await store.listLogs(DEMO_TENANT_ID, { authorId: DEMO_REP.aadObjectId });
        expect(logs).toHaveLength(1);
        expect(logs[0]).toMatchObject({
          customerLabel: 'Bakery in Shibuya',
          stage: 'proposal',
          reason: 'timing',
          askedWhy: true,
        });
        expect((await store.getPerson(DEMO_TENANT_ID, DEMO_REP.aadObjectId))?.displayName).toBe(DEMO_REP.name);
      } finally {
        await store.close();
      }
    },
    TEST_BUDGET_MS,
  );
});
