import {
  coreMessages,
  DEFAULT_PROMPTS,
  DEFAULT_REPLY_TEMPLATES,
  insightMessages,
  promptReasons,
  replyReasons,
  signalMessages,
  toneMessages,
} from '@rebound/core';
import { describe, expect, it } from 'vitest';
import { cardLabels } from './labels';
import { ALLOWED_LATIN_WORDS, catalogJapaneseProblems, japaneseTextProblems } from './testing/japanese-voice';

/** Prompts and reply templates hold their texts per record: as catalogs keyed by id. */
function asCatalog(entries: readonly [string, { ja: string; en: string }][]) {
  return {
    texts: {
      ja: Object.fromEntries(entries.map(([id, text]) => [id, text.ja])),
      en: Object.fromEntries(entries.map(([id, text]) => [id, text.en])),
    },
  };
}

const catalogs = {
  cardLabels,
  coreMessages,
  promptReasons,
  replyReasons,
  signalMessages,
  insightMessages,
  toneMessages,
  prompts: asCatalog(
    DEFAULT_PROMPTS.flatMap((p) => [
      [p.id, p.text] as [string, { ja: string; en: string }],
      ...(p.choices ?? []).map((c) => [`${p.id}/${c.id}`, c.label] as [string, { ja: string; en: string }]),
    ]),
  ),
  replyTemplates: asCatalog(DEFAULT_REPLY_TEMPLATES.map((t) => [t.id, t.text])),
};

describe('Japanese texts of every core and cards catalog', () => {
  it.each(Object.entries(catalogs))(
    '%s: same keys in both languages, same placeholders, no stray English or half-width problems',
    (name, catalog) => {
      expect(catalogJapaneseProblems(name, catalog)).toEqual([]);
    },
  );

  it.each(Object.entries(catalogs))(
    '%s: English counts go through a plural ("1 day", never "1 days")',
    (_, catalog) => {
      const bare =
        /\{\w+\} (days|weeks|months|years|hours|minutes|people|persons|characters|items|logs|check-ins|reps|times)\b/;
      const en = catalog.texts.en as Record<string, string>;
      expect(Object.keys(en).filter((key) => bare.test(en[key]!))).toEqual([]);
    },
  );

  it('finds each kind of problem (the check above can fail)', () => {
    expect(japaneseTextProblems('合計は {k} 人以上です。', 'at least {k} people')).toEqual([
      'has a half-width space between a placeholder and Japanese',
    ]);
    expect(japaneseTextProblems('{name}さんの上司です', '{name} and {count}')).toEqual([
      'placeholders {name} differ from English {count,name}',
    ]);
    expect(japaneseTextProblems('｛name｝さん', undefined)).toEqual([
      'has a brace that is not a placeholder',
      'has English words: name',
    ]);
    expect(japaneseTextProblems('1 分で大丈夫です', undefined)).toEqual([
      'has a half-width space between a number and Japanese',
    ]);
    expect(japaneseTextProblems('週に 1 回', undefined)).toEqual([
      'has a half-width space between a number and Japanese',
    ]);
    // A date or a time is a value, not a count: a space around it reads well.
    expect(japaneseTextProblems('平日 17:30 に、2026-12-29 のように', undefined)).toEqual([]);
    expect(japaneseTextProblems('ｷｬﾝｾﾙしますか?', undefined)).toEqual([
      'has half-width katakana',
      'has a half-width ! or ? after Japanese',
    ]);
    expect(japaneseTextProblems('Submit してください。Teams と Rebound の ID です', undefined)).toEqual([
      'has English words: Submit',
    ]);
    // Example values are not words; plurals count as their placeholder.
    expect(japaneseTextProblems('例: 2026-11-24T09:30:00+09:00、Asia/Tokyo、2026-W48', undefined)).toEqual([]);
    expect(japaneseTextProblems('{hours}時間後', '{hours, plural, one {# hour} other {# hours}}')).toEqual([]);
    expect(
      catalogJapaneseProblems('c', { texts: { ja: { a: 'あ', b: '' }, en: { a: 'a', c: 'c' } } }, ALLOWED_LATIN_WORDS),
    ).toEqual(['c c: no Japanese text', 'c b: no English text', 'c b: empty']);
  });
});
