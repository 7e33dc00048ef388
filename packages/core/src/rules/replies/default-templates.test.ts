import { describe, expect, it } from 'vitest';
import { fill } from '../../i18n/catalog';
import { ANSWER_PREFERENCES } from '../../records/enums';
import { DEFAULT_REPLY_TEMPLATES, defaultReplyCatalog } from './default-templates';
import { isLogOnly, REPLY_PLACEHOLDERS, REPLY_SITUATIONS } from './reply-situations';
import { defineReplyCatalog, placeholdersOf } from './reply-template-schema';

const templates = defaultReplyCatalog.templates;
const japanese = /[\u3040-\u30ff\u4e00-\u9fff]/;
const rankingEn =
  /\b(top|best|worst|behind|rank(ed|ing|ings)?|leaderboard|number one|beat|outperform\w*|fall(en|ing)? short|lagging)\b/i;
const rankingJa = /一番|いちばん|最下位|順位|ランキング|トップ|ビリ|負け|勝ち|上位|下位/;
const pressureEn = /\b(quota|target|revenue|sales figures?|numbers|sell more|close more|more deals|pipeline|KPI)\b/i;
const pressureJa = /ノルマ|売上|数字|目標|達成|件数|受注|もっと売|頑張れ|がんばれ/;
const comparison = /\b(than (others|everyone|the rest)|like the others)\b|他の人|みんなは|あの人|比べ/i;

describe('the default reply templates', () => {
  it('has at least 30 templates and covers every situation and preference', () => {
    expect(DEFAULT_REPLY_TEMPLATES.length).toBeGreaterThanOrEqual(30);
    for (const situation of REPLY_SITUATIONS) {
      expect(
        templates.some((t) => t.situations.includes(situation)),
        situation,
      ).toBe(true);
    }
    for (const preference of ANSWER_PREFERENCES) {
      expect(templates.filter((t) => t.preferences.includes(preference)).length, preference).toBeGreaterThan(10);
    }
  });

  it('uses the same known placeholders in both languages, and all of them can be filled', () => {
    const values = { repName: 'R', customer: 'C', managerName: 'M' };
    for (const t of templates) {
      const jaNames = placeholdersOf(t.text.ja);
      expect(jaNames, t.id).toEqual(placeholdersOf(t.text.en));
      for (const name of jaNames) expect(REPLY_PLACEHOLDERS, `${t.id} {${name}}`).toContain(name);
      if (jaNames.includes('customer')) expect(t.situations.every(isLogOnly), t.id).toBe(true);
      for (const locale of ['ja', 'en'] as const) {
        expect(fill(t.text[locale], values), `${t.id} ${locale}`).not.toMatch(/[{}]/);
      }
    }
  });

  it('contains no ranking words, no numbers pressure, no comparison, no digits, no exclamation marks', () => {
    for (const t of templates) {
      expect(t.text.en, t.id).not.toMatch(rankingEn);
      expect(t.text.en, t.id).not.toMatch(pressureEn);
      expect(t.text.ja, t.id).not.toMatch(rankingJa);
      expect(t.text.ja, t.id).not.toMatch(pressureJa);
      for (const text of [t.text.ja, t.text.en]) {
        expect(text, t.id).not.toMatch(comparison);
        expect(text, t.id).not.toMatch(/[0-9０-９]/);
        expect(text, t.id).not.toMatch(/[!！]/);
      }
    }
  });

  it('keeps advice out of the templates meant for "just listen"', () => {
    const adviceEn = /\b(try|should|how about|consider|next time|(it|often) helps to|worth|jot|let’s go through)\b/i;
    const adviceJa = /してみて|したほうが|するといい|どうかな|みるといい|べき|手だよ|ありだよ/;
    for (const t of templates.filter((x) => x.preferences.includes('just-listen'))) {
      expect(t.text.en, t.id).not.toMatch(adviceEn);
      expect(t.text.ja, t.id).not.toMatch(adviceJa);
      expect(t.tone, t.id).not.toBe('practical');
    }
  });

  it('writes Japanese in Japanese and English in English', () => {
    for (const t of templates) {
      expect(t.text.ja, t.id).toMatch(japanese);
      expect(t.text.en, t.id).not.toMatch(japanese);
    }
  });
});

describe('reply template schema', () => {
  const base = DEFAULT_REPLY_TEMPLATES;
  const good = {
    id: 'x.ok',
    situations: ['asked-why' as const],
    tone: 'warm' as const,
    preferences: ['advice' as const],
    text: { ja: '{repName}さん、ありがとう。', en: 'Thank you, {repName}.' },
  };

  it('accepts a well-formed extra template', () => {
    expect(defineReplyCatalog([...base, good]).get('x.ok')?.avoid).toEqual([]);
  });

  it('refuses different placeholders between ja and en, unknown placeholders, and {customer} on a check-in', () => {
    const cases = [
      { ...good, text: { ja: 'ありがとう。', en: 'Thank you, {repName}.' } },
      { ...good, text: { ja: '{boss}より', en: 'From {boss}' } },
      { ...good, situations: ['support-requested' as const], text: { ja: '{customer}の件', en: 'About {customer}' } },
      { ...good, preferences: [] },
      { ...good, tone: 'pushy' },
    ];
    for (const bad of cases) expect(() => defineReplyCatalog([...base, bad] as never), JSON.stringify(bad)).toThrow();
  });

  it('refuses duplicate ids', () => {
    expect(() => defineReplyCatalog([...base, base[0]!])).toThrow();
  });
});
