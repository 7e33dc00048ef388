import { BoundedMap } from '../../cache/bounded-map';

/**
 * The draft as the rules read it, with a way back to the original text.
 *
 * Matching happens on a folded copy: NFKC (full-width letters and digits, half-width katakana), katakana folded
 * to hiragana, ASCII lowercased, curly quotes straightened. `cased` is the same copy without lowercasing, for
 * the few English rules that need to see a capitalised name. Offsets into either copy map back to the original
 * UTF-16 offsets through `toOriginalStart` / `toOriginalEnd`, so a finding can highlight the span the manager
 * actually typed.
 */
export interface NormalizedText {
  readonly folded: string;
  readonly cased: string;
  /** Original offset where the folded character at `index` comes from. */
  toOriginalStart(index: number): number;
  /** Original offset just after the source of the folded character at `index - 1` (`index` is exclusive). */
  toOriginalEnd(index: number): number;
}

const COMBINING_VOICED = 0x3099;
const COMBINING_SEMI_VOICED = 0x309a;

// Katakana to hiragana and curly quotes to straight ones: one UTF-16 unit in, one out, so offsets stay put.
const FOLDABLE = /[\u30a1-\u30f6\u2018\u2019\u2032\u201c\u201d\u2033]+/g;
const UPPER_ASCII = /[A-Z]+/g;

function foldRun(run: string): string {
  let out = '';
  for (let i = 0; i < run.length; i++) {
    const code = run.charCodeAt(i);
    if (code >= 0x30a1 && code <= 0x30f6) out += String.fromCharCode(code - 0x60);
    else if (code === 0x201c || code === 0x201d || code === 0x2033) out += '"';
    else out += "'";
  }
  return out;
}

const foldUnits = (text: string): string => text.replace(FOLDABLE, foldRun);
const foldCase = (cased: string): string => cased.replace(UPPER_ASCII, (run) => run.toLowerCase());

/** True for units that NFKC leaves alone on their own: ASCII, kana, common CJK ideographs. */
function isStableUnit(code: number): boolean {
  return (
    code < 0x80 ||
    (code >= 0x3041 && code <= 0x3096) ||
    (code >= 0x30a1 && code <= 0x30fa) ||
    code === 0x30fc ||
    (code >= 0x4e00 && code <= 0x9fff) ||
    code === 0x3001 ||
    code === 0x3002
  );
}

const nfkcCache = new BoundedMap<number, string>(4096);

/** NFKC of one BMP unit, remembered: drafts repeat the same few full-width marks. */
function nfkcUnit(unit: number): string {
  return nfkcCache.getOrSet(unit, () => String.fromCharCode(unit).normalize('NFKC'));
}

/**
 * NFKC when every character maps to exactly one unit (！ to !, Ａ to A, ｱ to ア), so offsets stay one to one;
 * undefined when something changes length or needs composing (ｶﾞ, ㍿, surrogate pairs).
 */
function normalizeSameLength(original: string): string | undefined {
  let out = '';
  let runStart = 0;
  for (let i = 0; i < original.length; i++) {
    const unit = original.charCodeAt(i);
    if (isStableUnit(unit)) continue;
    if (unit >= 0xd800 && unit <= 0xdfff) return undefined;
    const piece = nfkcUnit(unit);
    const code = piece.charCodeAt(0);
    if (piece.length !== 1 || code === COMBINING_VOICED || code === COMBINING_SEMI_VOICED) return undefined;
    out += original.slice(runStart, i) + piece;
    runStart = i + 1;
  }
  return out + original.slice(runStart);
}

export function normalizeForMatching(original: string): NormalizedText {
  const sameLength = normalizeSameLength(original);
  if (sameLength !== undefined) {
    const cased = foldUnits(sameLength);
    return {
      folded: foldCase(cased),
      cased,
      toOriginalStart: (index) => index,
      toOriginalEnd: (index) => index,
    };
  }
  return normalizeWithMap(original);
}

function normalizeWithMap(original: string): NormalizedText {
  const units: number[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  let i = 0;
  while (i < original.length) {
    const unit = original.charCodeAt(i);
    if (isStableUnit(unit)) {
      units.push(unit);
      starts.push(i);
      ends.push(i + 1);
      i++;
      continue;
    }
    const codePoint = original.codePointAt(i)!;
    const width = codePoint > 0xffff ? 2 : 1;
    const piece = original.slice(i, i + width).normalize('NFKC');
    for (let k = 0; k < piece.length; k++) {
      const code = piece.charCodeAt(k);
      const previous = units.length - 1;
      if ((code === COMBINING_VOICED || code === COMBINING_SEMI_VOICED) && previous >= 0) {
        // Half-width ｶﾞ becomes カ + a combining mark; compose it back into one kana (ガ).
        const composed = (String.fromCharCode(units[previous]!) + String.fromCharCode(code)).normalize('NFC');
        if (composed.length === 1) {
          units[previous] = composed.charCodeAt(0);
          ends[previous] = i + width;
          continue;
        }
      }
      units.push(code);
      starts.push(i);
      ends.push(i + width);
    }
    i += width;
  }
  let normalized = '';
  for (let from = 0; from < units.length; from += 4096) {
    normalized += String.fromCharCode(...units.slice(from, from + 4096));
  }
  const cased = foldUnits(normalized);
  return {
    folded: foldCase(cased),
    cased,
    toOriginalStart: (index) => (index < starts.length ? starts[index]! : original.length),
    toOriginalEnd: (index) => (index <= 0 ? 0 : (ends[index - 1] ?? original.length)),
  };
}
