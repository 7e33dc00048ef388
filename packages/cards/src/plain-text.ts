/**
 * Makes a person's text safe to show as plain text. The cards put such text only in `TextRun`s, which hosts do
 * not run through markdown, and adaptivecards-templating does not expand `${...}` inside data values (a test
 * checks both). What is left: the renderer's date/time functions (`{{DATE(...)}}`) apply to text runs too, and
 * a host that runs our output through templating again would expand `${...}`. A zero-width space inside both
 * markers keeps them inert without changing what a reader sees. Input values are not passed through this:
 * they are submitted back and must stay exactly what the person wrote.
 */
export function plain(text: string | null | undefined): string {
  if (!text) return '';
  return text.replace(/\{\{/g, '{\u200b{').replace(/\$\{/g, '$\u200b{');
}

/** Removes the zero-width spaces `plain` inserted, to compare shown text with what was written. */
export function unplain(text: string): string {
  return text.replace(/\{\u200b\{/g, '{{').replace(/\$\u200b\{/g, '${');
}

/** Shortens `text` to at most `max` characters (code points), ending with an ellipsis when cut. */
export function excerpt(text: string | null | undefined, max: number): string {
  const chars = Array.from(plain(text));
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max - 1).join('')}…`;
}

/**
 * A link a card may open: https, or http on this machine's loopback (the local demo serves exports there).
 * Anything else (javascript:, data:, http elsewhere, garbage) becomes '' and the card shows no link.
 */
export function safeLinkUrl(url: string | null | undefined): string {
  if (!url) return '';
  try {
    const parsed = new URL(url);
    if (parsed.protocol === 'https:') return parsed.href;
    const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(parsed.hostname);
    return parsed.protocol === 'http:' && loopback ? parsed.href : '';
  } catch {
    return '';
  }
}
