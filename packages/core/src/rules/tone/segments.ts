import type { Locale } from '../../i18n/catalog';

export interface Range {
  start: number;
  end: number;
}

// Where a clause ends. A contrast ("..., but ...", 「〜けど」) starts a new clause, so that a reassurance in
// one half ("it's not your fault, but ...") does not excuse what the other half says.
const CLAUSE_BREAKS: Record<Locale, RegExp> = {
  ja: /[。．.！？!?\n]+|けれども|けれど|けど|ですが|だが|が、|でも、|しかし/g,
  en: /[.!?;\n]+(?!\d)|,?\s+(?:but|however|though|although|yet)\b|\s+-\s+/g,
};

/** Clauses of the folded text, in order, covering all of it. */
export function clauseRanges(folded: string, locale: Locale): Range[] {
  const ranges: Range[] = [];
  const breaks = CLAUSE_BREAKS[locale];
  breaks.lastIndex = 0;
  let start = 0;
  for (let match = breaks.exec(folded); match !== null; match = breaks.exec(folded)) {
    const end = match.index + match[0].length;
    if (end > start) ranges.push({ start, end });
    start = end;
  }
  if (start < folded.length || ranges.length === 0) ranges.push({ start, end: folded.length });
  return ranges;
}

const QUOTE_MARKS = /[「『"]/;

/**
 * Spans inside quotation marks: 「」『』 and straight double quotes (curly ones are folded to straight before).
 * Quoted words are someone else's (the customer's, the rep's own) and are not the manager's tone.
 */
export function quotedRanges(folded: string): Range[] {
  const ranges: Range[] = [];
  if (!QUOTE_MARKS.test(folded)) return ranges;
  const open: number[] = [];
  let doubleQuote = -1;
  for (let i = 0; i < folded.length; i++) {
    const ch = folded[i];
    if (ch === '「' || ch === '『') open.push(i);
    else if ((ch === '」' || ch === '』') && open.length > 0) ranges.push({ start: open.pop()!, end: i + 1 });
    else if (ch === '"') {
      if (doubleQuote < 0) doubleQuote = i;
      else {
        ranges.push({ start: doubleQuote, end: i + 1 });
        doubleQuote = -1;
      }
    }
  }
  return ranges;
}

export function isInside(range: Range, containers: readonly Range[]): boolean {
  return containers.some((c) => range.start >= c.start && range.end <= c.end);
}
