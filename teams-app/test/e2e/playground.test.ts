import { launchChromium } from '@rebound/cards/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_MANAGER, DEMO_OTHER_REPS, DEMO_REP, DEMO_TENANT_ID } from '../../src/dev/demo-people';
import { freePort, type RunningPlayground, startPlayground } from '../../src/dev/playground';
import { type RunningBot, startTestBot } from '../support/start-bot';

describe('Agents Playground in headless Chromium', () => {
  let bot: RunningBot;
  let playground: RunningPlayground;
  let chromium: Awaited<ReturnType<typeof launchChromium>>;

  beforeAll(async () => {
    bot = await startTestBot({ tenantId: DEMO_TENANT_ID });
    playground = await startPlayground({
      port: await freePort(),
      botEndpoint: `${bot.server.url}/api/messages`,
      tenantId: DEMO_TENANT_ID,
      currentUser: DEMO_REP,
      users: [DEMO_MANAGER, ...DEMO_OTHER_REPS],
      workDir: `${process.env.TMPDIR ?? '/tmp'}/rebound-playground-${process.pid}`,
      conversationId: 'personal-chat-e2e',
    });
    chromium = await launchChromium();
  });
  afterAll(async () => {
    await chromium?.close();
    await playground?.stop();
    await bot?.stop();
  });

  it('binds the Playground to 127.0.0.1 only', async () => {
    expect(playground.url).toMatch(/^http:\/\/127\.0\.0\.1:/);
    const port = new URL(playground.url).port;
    const { networkInterfaces } = await import('node:os');
    const external = Object.values(networkInterfaces())
      .flat()
      .find((i) => i && i.family === 'IPv4' && !i.internal);
    if (external) {
      await expect(fetch(`http://${external.address}:${port}/_debug/ping`)).rejects.toThrow();
    }
  });

  it('logs a rejection: type log, fill and submit the card, see the acknowledgement', async () => {
    const page = await chromium.context.newPage();
    await page.setViewportSize({ width: 1280, height: 2000 });
    await page.goto(playground.url);
    await page.locator('[data-lexical-editor="true"]').click();
    await page.keyboard.type('log');
    await page.keyboard.press('Enter');

    const form = page
      .locator('.ac-adaptiveCard')
      .filter({ has: page.getByText('Stage', { exact: true }) })
      .last();
    const customer = form.getByPlaceholder('A name or a nickname only you recognise');
    await customer.waitFor({ state: 'visible', timeout: 20_000 });
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
    await ack.waitFor({ state: 'visible', timeout: 20_000 });
    expect(await ack.isVisible()).toBe(true);
    const logs = await bot.store.listLogs(DEMO_TENANT_ID, { authorId: DEMO_REP.aadObjectId });
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatchObject({
      customerLabel: 'Bakery in Shibuya',
      stage: 'proposal',
      reason: 'timing',
      askedWhy: true,
    });
  });
});
