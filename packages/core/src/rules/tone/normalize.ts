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

const KATAKANA_FIRST = 0x30a1;
const KATAKANA_LAST = 0x30f6;
const COMBINING_VOICED = 0x3099;
const COMBINING_SEMI_VOICED = 0x309a;

/** Katakana to hiragana, curly quotes to straight ones; one UTF-16 unit in, one out, so offsets stay put. */
function foldUnit(code: number): number {
  if (code >= KATAKANA_FIRST && code <= KATAKANA_LAST) return code - 0x60;
  if (code === 0x2018 || code === 0x2019 || code === 0x2032) return 0x27; // ‘ ’ ′ -> '
  if (code === 0x201c || code === 0x201d || code === 0x2033) return 0x22; // “ ” ″ -> "
  return code;
}

function foldCase(cased: string): string {
  let out = '';
  for (let i = 0; i < cased.length; i++) {
    const code = cased.charCodeAt(i);
    out += code >= 0x41 && code <= 0x5a ? String.fromCharCode(code + 0x20) : cased[i];
  }
  return out;
}

function foldUnits(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) out += String.fromCharCode(foldUnit(text.charCodeAt(i)));
  return out;
}

export function normalizeForMatching(original: string): NormalizedText {
  if (original.normalize('NFKC') === original) {
    // Already stable under NFKC (plain ASCII and ordinary Japanese): offsets map one to one.
    const cased = foldUnits(original);
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
  let cased = '';
  for (const code of units) cased += String.fromCharCode(foldUnit(code));
  return {
    folded: foldCase(cased),
    cased,
    toOriginalStart: (index) => (index < starts.length ? starts[index]! : original.length),
    toOriginalEnd: (index) => (index <= 0 ? 0 : (ends[index - 1] ?? original.length)),
  };
}
