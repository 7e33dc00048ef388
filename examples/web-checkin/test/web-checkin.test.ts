import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type HostTheme, hostConfigs } from '@rebound/cards/host-configs';
import { launchChromium, truncatedTexts } from '@rebound/cards/testing';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CheckinServer, startCheckinServer } from '../src/server';

let dir: string;
let server: CheckinServer;
let chromium: Awaited<ReturnType<typeof launchChromium>>;
let page: Page;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rebound-web-checkin-'));
  server = await startCheckinServer({ storeUrl: `sqlite:${join(dir, 'rebound.db')}` });
  chromium = await launchChromium();
  page = await chromium.context.newPage();
});

afterAll(async () => {
  await chromium?.close();
  await server?.close();
  await rm(dir, { recursive: true, force: true });
});

async function open(lang: 'ja' | 'en', theme?: HostTheme): Promise<void> {
  await page.goto(`${server.url}/?lang=${lang}${theme ? `&theme=${theme}` : ''}`);
  await page.locator('#log[data-ready="true"]').waitFor();
  await page.locator('#check-in[data-ready="true"]').waitFor();
}

describe('web check-in example: the cards in an HR tool’s page, on a server embedding @rebound/core', () => {
  it('stores a rejection log filled in the rendered card, and shows the acknowledgement', async () => {
    await open('ja');
    const log = page.locator('#log');
    // Both cards have a "visibility" radio group; each keeps its own default on one page.
    expect(await log.getByRole('radio', { name: '自分だけ' }).isChecked()).toBe(true);
    expect(await page.locator('#check-in').getByRole('radio', { name: '自分だけ' }).isChecked()).toBe(true);
    await log.getByRole('textbox', { name: 'お客様', exact: true }).fill('渋谷のパン屋さん **太字** ${1+1}');
    await log.locator('select').nth(0).selectOption('proposal');
    await log.locator('select').nth(1).selectOption('budget');
    await log.getByLabel('お客様の言葉').fill('来期にまた声をかけてください。');
    await log.getByRole('button', { name: '記録する' }).click();
    await expect.poll(() => log.getAttribute('data-status'), { timeout: 10_000 }).toBe('200');
    await expect.poll(() => log.innerText(), { timeout: 10_000 }).toContain('記録してくれてありがとうございます');

    const logs = await server.store.listLogs(server.actor.tenantId, { authorId: server.actor.personId });
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatchObject({
      customerLabel: '渋谷のパン屋さん **太字** ${1+1}',
      stage: 'proposal',
      reason: 'budget',
      customerWords: '来期にまた声をかけてください。',
      visibility: 'private',
    });
  });

  it('sends a bad log submission back as the form, with the field errors and the typed values, storing nothing', async () => {
    await open('en');
    const log = page.locator('#log');
    const before = await server.store.listLogs(server.actor.tenantId, { authorId: server.actor.personId });
    // Spaces pass the browser's "required" check; the server's validation trims and refuses them.
    await log.getByRole('textbox', { name: 'Customer', exact: true }).fill('   ');
    await log.locator('select').nth(0).selectOption('closing');
    await log.locator('select').nth(1).selectOption('price');
    await log.getByLabel('What I learned').fill('Ask earlier about the budget cycle.');
    await log.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => log.getAttribute('data-status'), { timeout: 10_000 }).toBe('422');
    const text = await log.innerText();
    expect(text).toContain('A few things need another look.');
    expect(text).toContain('• Customer is required.');
    await expect.poll(() => log.getByLabel('What I learned').inputValue()).toBe('Ask earlier about the budget cycle.');
    expect(await log.locator('select').nth(0).inputValue()).toBe('closing');
    const after = await server.store.listLogs(server.actor.tenantId, { authorId: server.actor.personId });
    expect(after).toHaveLength(before.length);

    // Fixing the one field is enough now.
    await log.getByRole('textbox', { name: 'Customer', exact: true }).fill('Harbour Cafe');
    await log.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => log.getAttribute('data-status'), { timeout: 10_000 }).toBe('200');
    const stored = await server.store.listLogs(server.actor.tenantId, { authorId: server.actor.personId });
    expect(stored[0]).toMatchObject({
      customerLabel: 'Harbour Cafe',
      stage: 'closing',
      learned: 'Ask earlier about the budget cycle.',
    });
  });

  it('stores a check-in and shows the support contacts when the rep asks to talk', async () => {
    await open('en');
    const card = page.locator('#check-in');
    await card.getByLabel('Pressure').selectOption('4');
    await card.getByLabel('Energy').selectOption('2');
    await card.getByText("I'd like to talk", { exact: true }).click();
    await card.getByRole('radio', { name: 'My managers' }).check();
    await card.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => card.getAttribute('data-status'), { timeout: 10_000 }).toBe('200');
    const text = await card.innerText();
    expect(text).toContain('Thank you for checking in');
    expect(text).toContain('HR wellbeing desk');

    const checkIns = await server.store.listCheckIns(server.actor.tenantId, { authorId: server.actor.personId });
    expect(checkIns).toHaveLength(1);
    expect(checkIns[0]).toMatchObject({ pressure: 4, energy: 2, supportRequested: true, visibility: 'manager' });
  });

  it('refuses a second check-in for the same day with the error card, in the page language', async () => {
    await open('ja');
    const card = page.locator('#check-in');
    await card.getByLabel('プレッシャー').selectOption('3');
    await card.getByLabel('元気').selectOption('3');
    await card.getByRole('button', { name: '保存する' }).click();
    await expect.poll(() => card.getAttribute('data-status'), { timeout: 10_000 }).toBe('409');
    expect(await card.innerText()).toContain('振り返りはすでに記録されています');
    const checkIns = await server.store.listCheckIns(server.actor.tenantId, { authorId: server.actor.personId });
    expect(checkIns).toHaveLength(1);
  });
});

describe('web check-in example: light, dark and high-contrast host configs', () => {
  /** `#RRGGBB` as the browser reports a computed colour. */
  const rgb = (hex: string) => `rgb(${[1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16)).join(', ')})`;

  it.each(Object.keys(hostConfigs) as HostTheme[])(
    '%s: the cards take the theme’s colours, and no title is cut off at 450 px',
    async (theme) => {
      await open('ja', theme);
      const colours = await page.evaluate(() => {
        const card = document.querySelector<HTMLElement>('#log .ac-adaptiveCard')!;
        const heading = card.querySelector<HTMLElement>('.ac-textBlock')!;
        return { background: getComputedStyle(card).backgroundColor, text: getComputedStyle(heading).color };
      });
      const styles = hostConfigs[theme].containerStyles.default;
      expect(colours).toEqual({
        background: rgb(styles.backgroundColor),
        text: rgb(styles.foregroundColors.default.default),
      });
      for (const slot of ['#log', '#check-in']) expect(await truncatedTexts(page, slot)).toEqual([]);
    },
  );
});
