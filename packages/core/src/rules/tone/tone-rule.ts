import type { ToneCategory } from '../../records/share';
import type { ToneMessageGroup } from './tone-messages';

/** One wording the tone check looks for. `pattern` runs on the folded draft (see normalize.ts). */
export interface ToneRule {
  readonly id: string;
  readonly category: ToneCategory;
  readonly message: ToneMessageGroup;
  readonly pattern: RegExp;
  /** Match against the case-preserving copy (rules that recognise a capitalised name). */
  readonly cased?: boolean;
  /** Capture group 1 (a name checked in a lookbehind) sits just before the match and belongs to the span. */
  readonly stemBefore?: boolean;
}

/**
 * A reassurance or negation that takes a category back within one clause, such as 「比べる必要はない」 or
 * "it's not your fault": a rule match of that category in the same clause is not a finding.
 */
export interface ToneGuard {
  readonly category: ToneCategory;
  readonly pattern: RegExp;
}

export interface ToneRuleSet {
  readonly rules: readonly ToneRule[];
  readonly guards: readonly ToneGuard[];
}

/**
 * Builds a pattern from readable parts. Katakana in the source is folded to hiragana exactly as the draft is,
 * so rules can be written the way people write (ノルマ, ポジティブ). `{NAME}`-style placeholders are filled from
 * `parts`.
 */
export function pattern(source: string, parts: Record<string, string> = {}, flags = 'g'): RegExp {
  const filled = source.replace(/\{([A-Z_]+)\}/g, (whole, name: string) => parts[name] ?? whole);
  let folded = '';
  for (let i = 0; i < filled.length; i++) {
    const code = filled.charCodeAt(i);
    folded += code >= 0x30a1 && code <= 0x30f6 ? String.fromCharCode(code - 0x60) : filled[i];
  }
  return new RegExp(folded, flags);
}
