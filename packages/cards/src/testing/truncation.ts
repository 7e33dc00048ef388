import type { Page } from 'playwright-core';

/** A text the renderer cut off with an ellipsis: what it says, and how much room it had and needed. */
export interface TruncatedText {
  text: string;
  width: number;
  needed: number;
  /** Which show card was open when it was measured ('' for the card as first shown). */
  within: string;
}

/**
 * Every text in `root` (default `#card`) that the renderer cut off: an element with `text-overflow: ellipsis` (button titles,
 * toggle titles, text blocks without wrap) whose text needs more room than it has. Show cards are opened one at
 * a time, nested ones too, so the buttons and toggles inside them are measured as well. The width a text needs
 * is measured with a Range over its text, which is exact where `scrollWidth` rounds.
 */
export async function truncatedTexts(page: Page, root = '#card'): Promise<TruncatedText[]> {
  return page.evaluate(async (selector) => {
    const host = document.querySelector<HTMLElement>(selector)!;
    const found: TruncatedText[] = [];
    const seen = new Set<string>();
    const measure = (within: string) => {
      for (const el of Array.from(host.querySelectorAll<HTMLElement>('*'))) {
        if (el.offsetParent === null || el.childElementCount > 0) continue;
        const style = getComputedStyle(el);
        // The ellipsis is set on a button's title element and inherited by nothing else: check the element
        // itself and, for a button whose title is its own text, the button.
        const clipping = [el, el.parentElement].find(
          (e) => e && getComputedStyle(e).textOverflow === 'ellipsis' && getComputedStyle(e).overflowX !== 'visible',
        );
        if (!clipping || style.display === 'none') continue;
        const range = document.createRange();
        range.selectNodeContents(el);
        const needed = range.getBoundingClientRect().width;
        const box = clipping.getBoundingClientRect();
        const padding =
          Number.parseFloat(getComputedStyle(clipping).paddingLeft) +
          Number.parseFloat(getComputedStyle(clipping).paddingRight);
        const border =
          Number.parseFloat(getComputedStyle(clipping).borderLeftWidth) +
          Number.parseFloat(getComputedStyle(clipping).borderRightWidth);
        const width = box.width - padding - border;
        const text = (el.textContent ?? '').trim();
        const key = `${text}|${Math.round(box.left)}|${Math.round(box.top)}`;
        if (text && needed > width + 0.5 && !seen.has(key)) {
          seen.add(key);
          found.push({ text, width: Math.round(width), needed: Math.round(needed), within });
        }
      }
    };
    measure('');
    // Open each show card once (depth first, so nested ones are reached), measure, and close it again.
    const open = async (path: string[], depth: number): Promise<void> => {
      if (depth > 3) return;
      const buttons = Array.from(host.querySelectorAll<HTMLElement>('button.expandable[aria-expanded="false"]')).filter(
        (b) => b.offsetParent !== null,
      );
      for (const button of buttons) {
        const title = (button.textContent ?? '').trim();
        if (path.includes(title) || button.getAttribute('aria-expanded') !== 'false') continue;
        button.click();
        await new Promise((r) => requestAnimationFrame(() => r(null)));
        const within = [...path, title].join(' › ');
        measure(within);
        await open([...path, title], depth + 1);
        if (button.getAttribute('aria-expanded') === 'true') button.click();
      }
    };
    await open([], 0);
    return found;
  }, root);
}
