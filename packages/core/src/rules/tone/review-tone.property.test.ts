import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ReboundError } from '../../errors';
import type { Locale } from '../../i18n/catalog';
import { toneCategorySchema } from '../../records/share';
import enDev from './corpus/en.dev.json';
import jaDev from './corpus/ja.dev.json';
import { reviewTone, TONE_TEXT_MAX } from './review-tone';

const locale = fc.constantFrom<Locale>('ja', 'en');

/** Any UTF-16 unit, lone surrogates and control characters included. */
const anyUnit = fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code));
const oddPieces = fc.constantFrom(
  '__proto__',
  'constructor',
  '\u0000',
  '\u001b[31m',
  '\r\n',
  '\t',
  '🙂',
  '👩‍👩‍👧',
  '\ud83d',
  'ﾉﾙﾏ',
  'ｶﾞﾝﾊﾞﾚ',
  'ＡＢＣ１２３',
  '㍿',
  '\u3099',
  '「',
  '」',
  '"',
  '’',
  '...',
  '。',
);
const harmfulPieces = fc.constantFrom(
  ...jaDev.filter((e) => e.expected.length > 0).map((e) => e.text),
  ...enDev.filter((e) => e.expected.length > 0).map((e) => e.text),
);

const anyDraft = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.string({ unit: 'grapheme', maxLength: 300 }),
  fc.string({ unit: anyUnit, maxLength: 300 }),
  fc
    .array(fc.oneof(oddPieces, harmfulPieces, fc.string({ unit: anyUnit, maxLength: 5 })), { maxLength: 30 })
    .map((p) => p.join('')),
);

/** Either a well-formed review whose spans point into the text, or ReboundError; nothing else. */
function expectValidOutcome(text: unknown, options: unknown): void {
  let review: ReturnType<typeof reviewTone>;
  try {
    review = reviewTone(text as string, options as { locale: Locale });
  } catch (error) {
    expect(error).toBeInstanceOf(ReboundError);
    expect((error as ReboundError).code).toBe('validation');
    return;
  }
  expect(typeof text).toBe('string');
  const source = text as string;
  for (const f of review.findings) {
    expect(toneCategorySchema.safeParse(f.category).success).toBe(true);
    expect(Number.isInteger(f.start) && Number.isInteger(f.end)).toBe(true);
    expect(0 <= f.start && f.start < f.end && f.end <= source.length).toBe(true);
    expect(f.excerpt).toBe(source.slice(f.start, f.end));
    expect(f.reason.ja.length > 0 && f.reason.en.length > 0 && f.alternative.length > 0).toBe(true);
  }
}

function toFullWidth(text: string): string {
  return text.replace(/[!-~]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0)).replace(/ /g, '\u3000');
}

describe('reviewTone properties', () => {
  it('any string yields findings with spans inside the text, or a validation error', () => {
    fc.assert(
      fc.property(anyDraft, locale, (text, loc) => {
        expectValidOutcome(text, { locale: loc });
      }),
      { numRuns: 1500 },
    );
  });

  it('refuses exactly the drafts over 10,000 characters and reads the ones at the limit', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: TONE_TEXT_MAX - 3, max: TONE_TEXT_MAX + 3 }),
        fc.array(harmfulPieces, { minLength: 1, maxLength: 5 }),
        locale,
        (length, pieces, loc) => {
          const unit = `${pieces.join('。')}。`;
          const text = unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
          expect(text.length).toBe(length);
          if (length > TONE_TEXT_MAX) {
            expect(() => reviewTone(text, { locale: loc })).toThrow(ReboundError);
          } else {
            expectValidOutcome(text, { locale: loc });
            expect(reviewTone(text, { locale: loc }).findings.length).toBeGreaterThan(0);
          }
        },
      ),
      { numRuns: 25 },
    );
  });

  it('answers a huge draft with a validation error, without reading it', () => {
    fc.assert(
      fc.property(fc.integer({ min: TONE_TEXT_MAX + 1, max: 5_000_000 }), locale, (length, loc) => {
        expectValidOutcome('ｶﾞ'.repeat(Math.ceil(length / 2)), { locale: loc });
        expect(() => reviewTone('x'.repeat(length), { locale: loc })).toThrow(ReboundError);
      }),
      { numRuns: 10 },
    );
  });

  it('any value in place of the text or the options yields a result or a validation error', () => {
    fc.assert(
      fc.property(fc.anything(), fc.oneof(fc.anything(), fc.record({ locale: fc.anything() })), (text, options) => {
        expectValidOutcome(text, options);
      }),
      { numRuns: 500 },
    );
  });

  it('text put in front of a draft shifts every span by its typed length, however it normalises', () => {
    const padding = fc.constantFrom('㍿', 'ｶﾞ', 'ﾊﾟﾊﾟ', 'ＡＢＣ　', '🙂', 'ﬁ', '\u3099', 'abc', '');
    const entries = [
      ...jaDev.filter((e) => e.expected.length > 0).map((e) => ({ text: e.text, locale: 'ja' as const, sep: '。' })),
      ...enDev.filter((e) => e.expected.length > 0).map((e) => ({ text: e.text, locale: 'en' as const, sep: '. ' })),
    ];
    fc.assert(
      fc.property(fc.constantFrom(...entries), padding, (entry, pad) => {
        const prefix = pad + entry.sep;
        const alone = reviewTone(entry.text, { locale: entry.locale }).findings;
        const padded = reviewTone(prefix + entry.text, { locale: entry.locale }).findings;
        expect(alone.length).toBeGreaterThan(0);
        expect(padded.map((f) => [f.category, f.start - prefix.length, f.end - prefix.length, f.excerpt])).toEqual(
          alone.map((f) => [f.category, f.start, f.end, f.excerpt]),
        );
      }),
      { numRuns: 300 },
    );
  });

  it('an English draft typed in full-width letters gets the same categories', () => {
    const flagged = enDev.filter((e) => e.expected.length > 0 && !/[^\x20-\x7e]/.test(e.text));
    fc.assert(
      fc.property(fc.constantFrom(...flagged), (entry) => {
        const categories = (text: string) =>
          [...new Set(reviewTone(text, { locale: 'en' }).findings.map((f) => f.category))].sort();
        expect(categories(toFullWidth(entry.text))).toEqual(categories(entry.text));
        expectValidOutcome(toFullWidth(entry.text), { locale: 'en' });
      }),
      { numRuns: 100 },
    );
  });
});
