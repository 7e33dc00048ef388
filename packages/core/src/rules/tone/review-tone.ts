import { z } from 'zod';
import { parseInput } from '../../errors';
import type { Locale, Localized } from '../../i18n/catalog';
import { localeSchema } from '../../records/primitives';
import { type ToneCategory, toneCategorySchema } from '../../records/share';
import { type NormalizedText, normalizeForMatching } from './normalize';
import { enToneRules } from './rules-en';
import { jaToneRules } from './rules-ja';
import { clauseRanges, isInside, quotedRanges, type Range } from './segments';
import { toneAlternative, toneReason } from './tone-messages';
import type { ToneRule, ToneRuleSet } from './tone-rule';

/** Longest draft the tone check reads (a reply itself is capped lower when it is stored). */
export const TONE_TEXT_MAX = 10_000;

export const toneReviewInputSchema = z.strictObject({
  text: z.string().max(TONE_TEXT_MAX),
  options: z.strictObject({ locale: localeSchema }),
});

export interface ToneFinding {
  category: ToneCategory;
  /** UTF-16 offsets into the text as given, end exclusive, so a card can highlight `text.slice(start, end)`. */
  start: number;
  end: number;
  excerpt: string;
  /** Why this wording may land badly on a rep who was just turned down, in both languages. */
  reason: Localized;
  /** A gentler way to say it, in the language the flagged words are written in. */
  alternative: string;
}

export interface ToneReview {
  findings: ToneFinding[];
}

const RULE_SETS: Record<Locale, ToneRuleSet> = { ja: jaToneRules, en: enToneRules };
const CATEGORY_ORDER = toneCategorySchema.options;
const JAPANESE_SCRIPT = /[\u3040-\u30ff\u3400-\u9fff]/;
const ENGLISH_WORDS = /[a-z]{2,}[\s,]+[a-z]{2,}/;

/**
 * The tone check (伝え方チェック): flags wording in a manager's draft that compares the rep with others, blames
 * them, presses for numbers, dismisses their feelings or exhorts without help. Each finding names the span,
 * why it may hurt, and a gentler alternative. Findings are suggestions; nothing is blocked.
 *
 * `locale` is the draft's language. A draft that also contains the other language is checked in it too.
 * Deterministic and free of I/O. Throws `ReboundError('validation')` for anything but a string of at most
 * 10,000 characters and a known locale.
 */
export function reviewTone(text: string, options: { locale: Locale }): ToneReview {
  const input = parseInput(toneReviewInputSchema, { text, options });
  const normalized = normalizeForMatching(input.text);
  const candidates: Candidate[] = [];
  for (const language of languagesToCheck(normalized.folded, input.options.locale)) {
    candidates.push(...matchLanguage(normalized, language));
  }
  return { findings: mergeOverlaps(candidates).map((c) => toFinding(c, normalized, input.text)) };
}

interface Candidate extends Range {
  rule: ToneRule;
  language: Locale;
}

/** The draft's language, plus the other one when the (folded) draft also contains it. */
function languagesToCheck(folded: string, locale: Locale): Locale[] {
  const other: Locale = locale === 'ja' ? 'en' : 'ja';
  const otherPresent = other === 'ja' ? JAPANESE_SCRIPT.test(folded) : ENGLISH_WORDS.test(folded);
  return otherPresent ? [locale, other] : [locale];
}

function matchLanguage(normalized: NormalizedText, language: Locale): Candidate[] {
  const { rules, guards } = RULE_SETS[language];
  const found: Candidate[] = [];
  for (const rule of rules) {
    const haystack = rule.cased ? normalized.cased : normalized.folded;
    // exec on the shared global pattern (lastIndex reset first) instead of matchAll, which clones the RegExp.
    const regex = rule.pattern;
    regex.lastIndex = 0;
    for (let match = regex.exec(haystack); match !== null; match = regex.exec(haystack)) {
      if (match[0].length === 0) {
        regex.lastIndex++;
        continue;
      }
      const start = rule.stemBefore ? match.index - (match[1]?.length ?? 0) : match.index;
      found.push({ start, end: match.index + match[0].length, rule, language });
    }
  }
  if (found.length === 0) return found;

  const quoted = quotedRanges(normalized.folded);
  const clauses = clauseRanges(normalized.folded, language);
  const guarded = new Map<string, boolean>();
  return found.filter((candidate) => {
    if (isInside(candidate, quoted)) return false;
    const clauseIndex = clauseAt(clauses, candidate.start);
    const clause = clauses[clauseIndex];
    if (!clause) return true;
    const key = `${clauseIndex}:${candidate.rule.category}`;
    let taken = guarded.get(key);
    if (taken === undefined) {
      const clauseText = normalized.folded.slice(clause.start, clause.end);
      taken = guards.some((guard) => guard.category === candidate.rule.category && testOnce(guard.pattern, clauseText));
      guarded.set(key, taken);
    }
    return !taken;
  });
}

/** Index of the clause holding `offset` (clauses are in order and cover the text). */
function clauseAt(clauses: readonly Range[], offset: number): number {
  let low = 0;
  let high = clauses.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const clause = clauses[middle]!;
    if (offset < clause.start) high = middle - 1;
    else if (offset >= clause.end) low = middle + 1;
    else return middle;
  }
  return -1;
}

function testOnce(pattern: RegExp, text: string): boolean {
  pattern.lastIndex = 0;
  const hit = pattern.test(text);
  pattern.lastIndex = 0;
  return hit;
}

/** One finding per category per stretch of text: overlapping matches of the same category are joined. */
function mergeOverlaps(candidates: Candidate[]): Candidate[] {
  const sorted = [...candidates].sort(
    (a, b) =>
      a.start - b.start ||
      CATEGORY_ORDER.indexOf(a.rule.category) - CATEGORY_ORDER.indexOf(b.rule.category) ||
      b.end - a.end,
  );
  const merged: Candidate[] = [];
  // Sorted by start, so only the latest finding of the same category can overlap the next candidate.
  const latest = new Map<ToneCategory, Candidate>();
  for (const candidate of sorted) {
    const previous = latest.get(candidate.rule.category);
    if (previous && candidate.start < previous.end) {
      previous.end = Math.max(previous.end, candidate.end);
      continue;
    }
    const copy = { ...candidate };
    merged.push(copy);
    latest.set(candidate.rule.category, copy);
  }
  return merged;
}

function toFinding(candidate: Candidate, normalized: NormalizedText, original: string): ToneFinding {
  const start = normalized.toOriginalStart(candidate.start);
  const end = Math.max(start, normalized.toOriginalEnd(candidate.end));
  return {
    category: candidate.rule.category,
    start,
    end,
    excerpt: original.slice(start, end),
    reason: toneReason(candidate.rule.message),
    alternative: toneAlternative(candidate.rule.message, candidate.language),
  };
}
