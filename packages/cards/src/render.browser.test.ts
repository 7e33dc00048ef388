import { LOCALES } from '@rebound/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardFixtures, FIXTURE_KINDS, HOSTILE_TEXT } from './fixtures/card-fixtures';
import { hostConfigs } from './host-configs';
import { openCardPage, type RenderedCard } from './testing/card-page';
import { launchChromium } from './testing/chromium';
import { truncatedTexts } from './testing/truncation';

// One browser for the whole file; every card is rendered into the same page.
let chromium: Awaited<ReturnType<typeof launchChromium>>;
let render: (card: unknown) => Promise<RenderedCard>;
let page: Awaited<ReturnType<typeof openCardPage>>['page'];

beforeAll(async () => {
  chromium = await launchChromium();
  ({ render, page } = await openCardPage(chromium.context));
});

afterAll(async () => {
  await chromium?.close();
});

const countTags = (html: string, tag: string) => (html.match(new RegExp(`<${tag}[\\s>]`, 'gi')) ?? []).length;

describe('cards rendered by the adaptivecards renderer in Chromium, markdown on', () => {
  it('processes markdown in text blocks, so the checks below would see it', async () => {
    const out = await render({
      type: 'AdaptiveCard',
      version: '1.5',
      body: [{ type: 'TextBlock', text: '**strong** and [a link](https://example.com)', wrap: true }],
    });
    expect(countTags(out.html, 'strong')).toBe(1);
    expect(countTags(out.html, 'a')).toBe(1);
  });

  const cases = LOCALES.flatMap((locale) =>
    FIXTURE_KINDS.flatMap((kind) => cardFixtures(kind, locale).map(({ name, card }) => ({ locale, kind, name, card }))),
  );

  it.each(cases)('$name ($locale, $kind) renders with no unexpected renderer messages', async ({ card }) => {
    const out = await render(card);
    expect(out.events.filter((m) => !/^Unknown element type "Chart\.(Donut|Line)"/.test(m))).toEqual([]);
    expect(out.text.trim().length).toBeGreaterThan(0);
    // Our own labels carry no markdown; nothing in any card turns into a link, bold text or markup.
    expect(countTags(out.html, 'a')).toBe(0);
    expect(countTags(out.html, 'strong')).toBe(0);
    expect(countTags(out.html, 'em')).toBe(0);
    expect(countTags(out.html, 'script')).toBe(0);
    expect(countTags(out.html, 'b')).toBe(0);
  });

  it.each(cases.filter((c) => c.kind === 'hostile'))(
    '$name ($locale) shows hostile text literally',
    async ({ card }) => {
      const out = await render(card);
      const text = out.text.replace(/\u200b/g, '');
      // Where the card shows the person's text at all, it shows it as typed.
      if (text.includes('**bold**')) expect(text).toContain(HOSTILE_TEXT.slice(0, 30));
      if (text.includes('{{DATE')) expect(text).toContain('{{DATE(2017-02-14T06:08:39Z, SHORT)}}');
    },
  );

  it('shows the hostile customer words in a shared log exactly as typed (manager notification, ja)', async () => {
    const card = cardFixtures('hostile', 'ja').find((c) => c.name === 'manager-notification')!.card;
    const out = await render(card);
    const text = out.text.replace(/\u200b/g, '');
    expect(text).toContain(
      '**bold** [click](https://evil.example) ${1+1} ${$root.t.log.title} [x](javascript:alert(1))',
    );
    expect(text).toContain('<b>b</b><script>alert(1)</script>');
    expect(text).toContain('{{DATE(2017-02-14T06:08:39Z, SHORT)}}');
    // The draft is an input value: kept byte for byte, with no invisible guard characters.
    const draft = await page.locator('textarea').first().inputValue();
    expect(draft.startsWith('**bold** [click](https://evil.example) ${1+1}')).toBe(true);
  });

  it('wraps long Japanese text inside the card width', async () => {
    const card = cardFixtures('maximal', 'ja').find((c) => c.name === 'team-story')!.card;
    await render(card);
    const widths = await page.evaluate(() => {
      const host = document.getElementById('card')!;
      return { host: host.clientWidth, content: host.scrollWidth };
    });
    expect(widths.content).toBeLessThanOrEqual(widths.host);
  });
});

describe('cards at phone and Teams chat width (360 and 450 px, Teams-like host config)', () => {
  // Equal-width buttons, 8 px apart, as Teams lays them out. Buttons keep the renderer's own CSS font
  // ("Segoe UI", then the system sans: DejaVu Sans here, wider than Segoe UI), so a title that fits here fits
  // in Teams too. Japanese falls back to Noto Sans CJK JP, as wide as Teams' Japanese fonts.
  let narrow: Awaited<ReturnType<typeof openCardPage>>;
  beforeAll(async () => {
    narrow = await openCardPage(chromium.context, { hostConfig: hostConfigs.light });
  });

  const WIDTHS = [360, 450] as const;
  const shown = LOCALES.flatMap((locale) =>
    (['typical', 'empty'] as const).flatMap((kind) =>
      cardFixtures(kind, locale).map(({ name, card }) => ({ locale, kind, name, card })),
    ),
  );

  it.each(shown)('$name ($locale, $kind): no button or toggle title is cut off', async ({ card }) => {
    const cut: string[] = [];
    for (const width of WIDTHS) {
      await narrow.setWidth(width);
      await narrow.render(card);
      for (const t of await truncatedTexts(narrow.page)) {
        cut.push(`${width}px: "${t.text}" needs ${t.needed}px, has ${t.width}px${t.within ? ` (in ${t.within})` : ''}`);
      }
    }
    expect(cut).toEqual([]);
  });

  it('notices a title that is cut off (the check above can fail)', async () => {
    await narrow.setWidth(360);
    await narrow.render({
      type: 'AdaptiveCard',
      version: '1.5',
      body: [{ type: 'TextBlock', text: 'x', wrap: true }],
      actions: ['Record what happened later', 'Who can see this', 'Edit'].map((title) => ({
        type: 'Action.Submit',
        title,
      })),
    });
    const cut = await truncatedTexts(narrow.page);
    expect(cut.map((t) => t.text)).toContain('Record what happened later');
    expect(cut.map((t) => t.text)).not.toContain('Edit');
  });
});
