import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Locale } from '../../i18n/catalog';
import { toneCategorySchema } from '../../records/share';
import enDev from './corpus/en.dev.json';
import enHeldout from './corpus/en.heldout.json';
import jaDev from './corpus/ja.dev.json';
import jaHeldout from './corpus/ja.heldout.json';
import { reviewTone } from './review-tone';

/**
 * The labelled corpus, split before any rule was written: `*.dev.json` is what the rules were tuned on,
 * `*.heldout.json` is only measured.
 *
 * Scoring is per message. A message is a positive when it has at least one expected category.
 * - true positive: a positive message where the predicted categories share at least one expected category;
 * - false positive: a message with predictions, none of them expected (a supportive message that was flagged,
 *   or a harmful one flagged for the wrong reason);
 * - false negative: a positive message with no expected category predicted.
 * precision = tp / (tp + fp), recall = tp / (tp + fn).
 */
const entrySchema = z.strictObject({
  text: z.string().min(1),
  expected: z.array(toneCategorySchema),
  note: z.string().optional(),
});
const corpusSchema = z.array(entrySchema);
type Entry = z.infer<typeof entrySchema>;

const corpora: Record<Locale, { dev: Entry[]; heldout: Entry[] }> = {
  ja: { dev: corpusSchema.parse(jaDev), heldout: corpusSchema.parse(jaHeldout) },
  en: { dev: corpusSchema.parse(enDev), heldout: corpusSchema.parse(enHeldout) },
};

interface Score {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  misses: string[];
}

function score(entries: Entry[], locale: Locale): Score {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const misses: string[] = [];
  for (const entry of entries) {
    const predicted = new Set(reviewTone(entry.text, { locale }).findings.map((f) => f.category));
    const shared = entry.expected.some((c) => predicted.has(c));
    if (entry.expected.length > 0 && shared) tp++;
    if (predicted.size > 0 && !shared) fp++;
    if (entry.expected.length > 0 && !shared) fn++;
    if (shared !== entry.expected.length > 0 || (entry.expected.length === 0 && predicted.size > 0)) {
      misses.push(`expected [${entry.expected.join(', ')}] got [${[...predicted].join(', ')}]: ${entry.text}`);
    }
  }
  return { tp, fp, fn, precision: tp / (tp + fp), recall: tp / (tp + fn), misses };
}

describe('tone review corpus', () => {
  for (const locale of ['ja', 'en'] as const) {
    const { dev, heldout } = corpora[locale];

    it(`${locale}: has at least 150 labelled messages, 50 or more held out, supportive and harmful in both parts`, () => {
      expect(dev.length + heldout.length).toBeGreaterThanOrEqual(150);
      expect(heldout.length).toBeGreaterThanOrEqual(50);
      for (const part of [dev, heldout]) {
        expect(part.some((e) => e.expected.length === 0)).toBe(true);
        for (const category of toneCategorySchema.options) {
          expect(part.some((e) => e.expected.includes(category))).toBe(true);
        }
      }
    });

    it(`${locale}: no message appears in both the development and the held-out part`, () => {
      const devTexts = new Set(dev.map((e) => e.text));
      expect(heldout.filter((e) => devTexts.has(e.text))).toEqual([]);
    });

    for (const [part, entries] of [
      ['dev', dev],
      ['heldout', heldout],
    ] as const) {
      it(`${locale}/${part}: precision >= 0.9 and recall >= 0.85`, () => {
        const result = score(entries, locale);
        console.log(
          `tone corpus ${locale}/${part}: n=${entries.length} precision=${result.precision.toFixed(3)} ` +
            `recall=${result.recall.toFixed(3)} (tp=${result.tp} fp=${result.fp} fn=${result.fn})` +
            (result.misses.length > 0 ? `\n  misses:\n  - ${result.misses.join('\n  - ')}` : ''),
        );
        expect(result.precision).toBeGreaterThanOrEqual(0.9);
        expect(result.recall).toBeGreaterThanOrEqual(0.85);
      });
    }
  }
});
