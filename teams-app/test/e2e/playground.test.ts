import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_MANAGER, DEMO_OTHER_REPS, DEMO_REP, DEMO_TENANT_ID } from '../../src/dev/demo-people';
import { freePort, type RunningPlayground, startPlayground } from '../../src/dev/playground';
import { launchChromium } from '../support/browser';
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

  it('answers what was typed in the message box (an unknown word gets the short help)', async () => {
    const page = await chromium.context.newPage();
    await page.goto(playground.url);
    const editor = page.locator('[data-lexical-editor="true"]');
    await editor.click();
    await page.keyboard.type('hello');
    await page.keyboard.press('Enter');
    const answer = page.getByText('I did not catch that.').last();
    await answer.waitFor({ state: 'visible', timeout: 20_000 });
    expect(await answer.isVisible()).toBe(true);
    const fromRep = bot.logs.filter(
      (l) => l.msg === 'activity' && l.type === 'message' && l.personId === DEMO_REP.aadObjectId,
    );
    expect(fromRep).toHaveLength(1);
  });
});
