import { placeholderNames } from '@rebound/core';

/**
 * Latin words a Japanese text may contain: product and role names people use as they are, and the name of the
 * English language in the language choice. Anything else in Latin letters is an untranslated word.
 */
export const ALLOWED_LATIN_WORDS: readonly string[] = ['Teams', 'Rebound', 'CRM', 'HR', 'EAP', 'ID', 'English'];

/** A catalog as `defineCatalog` makes it: the same keys in both languages. */
export interface TwoLanguageCatalog {
  readonly texts: { readonly ja: Readonly<Record<string, string>>; readonly en: Readonly<Record<string, string>> };
}

const JAPANESE = '[\\u3040-\\u30ff\\u3400-\\u9fff\\uff01-\\uff5e\\u3000-\\u303f]';
const PLACEHOLDER = '\\{\\w+(?:,\\s*plural,[^{}]*(?:\\{[^{}]*\\}[^{}]*)*)?\\}';
const SPACED_PLACEHOLDER = new RegExp(`${JAPANESE} ${PLACEHOLDER}|${PLACEHOLDER} ${JAPANESE}`, 'u');
// A bare number (not part of a date or a time such as 2026-12-29 or 17:30) set apart from Japanese by a space.
const SPACED_DIGITS = new RegExp(`${JAPANESE} \\d+(?![\\d:./-])|(?<![\\d:./-])\\d+ ${JAPANESE}`, 'u');
const LATIN_WORD = /(?<![A-Za-z0-9_/.:@-])[A-Za-z]+(?:['’][A-Za-z]+)*(?![A-Za-z0-9_/.:@-])/g;

/**
 * What is wrong with one Japanese text, as sentences (empty when nothing is):
 * - its placeholders differ from the English text's (a `{name}` dropped, renamed or added);
 * - a brace that is no placeholder, or a full-width brace (`｛name｝` is never filled);
 * - a half-width space between a placeholder or a number and Japanese (`{k} 人`, `1 分`): it shows as a gap;
 * - half-width katakana, or a half-width `!`/`?` in a Japanese sentence;
 * - a Latin word outside `allowed` (an untranslated word).
 * Example values (`2026-11-24`, `Asia/Tokyo`, `09:30`) are not words: a Latin run joined to digits, `/`, `.`, `:`
 * or `-` is part of such a value.
 */
export function japaneseTextProblems(
  ja: string,
  en: string | undefined,
  allowed: readonly string[] = ALLOWED_LATIN_WORDS,
): string[] {
  const problems: string[] = [];
  if (en !== undefined) {
    const jaNames = placeholderNames(ja);
    const enNames = placeholderNames(en);
    if (jaNames.join() !== enNames.join()) problems.push(`placeholders {${jaNames}} differ from English {${enNames}}`);
  }
  const withoutPlaceholders = ja.replace(new RegExp(PLACEHOLDER, 'gu'), '');
  if (/[{}｛｝]/u.test(withoutPlaceholders)) problems.push('has a brace that is not a placeholder');
  if (SPACED_PLACEHOLDER.test(ja)) problems.push('has a half-width space between a placeholder and Japanese');
  if (SPACED_DIGITS.test(withoutPlaceholders)) problems.push('has a half-width space between a number and Japanese');
  if (/[\uff61-\uff9f]/u.test(ja)) problems.push('has half-width katakana');
  if (new RegExp(`${JAPANESE}[!?]`, 'u').test(ja)) problems.push('has a half-width ! or ? after Japanese');
  const words = withoutPlaceholders.match(LATIN_WORD) ?? [];
  const foreign = [...new Set(words.filter((w) => !allowed.includes(w)))];
  if (foreign.length > 0) problems.push(`has English words: ${foreign.join(', ')}`);
  return problems;
}

/**
 * Every problem of a catalog's Japanese: a key only one language has, an empty text, and
 * `japaneseTextProblems` for each text, as `name key: problem` lines.
 */
export function catalogJapaneseProblems(
  name: string,
  catalog: TwoLanguageCatalog,
  allowed: readonly string[] = ALLOWED_LATIN_WORDS,
): string[] {
  const { ja, en } = catalog.texts;
  const problems: string[] = [];
  for (const key of Object.keys(en)) if (!Object.hasOwn(ja, key)) problems.push(`${name} ${key}: no Japanese text`);
  for (const key of Object.keys(ja)) if (!Object.hasOwn(en, key)) problems.push(`${name} ${key}: no English text`);
  for (const [key, text] of Object.entries(ja)) {
    if (text.trim() === '') problems.push(`${name} ${key}: empty`);
    for (const p of japaneseTextProblems(text, en[key], allowed)) problems.push(`${name} ${key}: ${p}`);
  }
  return problems;
}
