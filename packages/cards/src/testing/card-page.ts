import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';

const require = createRequire(import.meta.url);

/** The official renderer's browser build and markdown-it's, as script text (no network needed). */
export function rendererScripts(): { adaptiveCards: string; adaptiveCardsCss: string; markdownIt: string } {
  const acDist = join(dirname(require.resolve('adaptivecards')), '..', 'dist');
  const mdDist = join(dirname(require.resolve('markdown-it')), 'browser');
  return {
    adaptiveCards: readFileSync(join(acDist, 'adaptivecards.js'), 'utf8'),
    adaptiveCardsCss: readFileSync(join(acDist, 'adaptivecards.css'), 'utf8'),
    markdownIt: readFileSync(join(mdDist, 'markdown-it.umd.min.js'), 'utf8'),
  };
}

export interface RenderedCard {
  /** Parse warnings and errors reported by the renderer. */
  events: string[];
  html: string;
  text: string;
}

const PAGE_STYLE = `
  body { margin: 0; background: #f5f5f5; font-family: 'Segoe UI', 'Noto Sans CJK JP', 'Noto Sans JP', sans-serif; }
  #card { width: var(--card-width, 520px); margin: 16px; background: #fff; border: 1px solid #e0e0e0; border-radius: 6px; overflow: hidden; }
  /* The renderer's CSS draws the show-card chevron with an icon font hosts rarely have: a text chevron instead. */
  .ac-pushButton.expandable:after { font-family: inherit; font-size: inherit; content: " ▾"; }
  .ac-pushButton.expandable.expanded:after { content: " ▴"; }
`;

export interface CardPageOptions {
  /** The card's width in CSS pixels, as a chat column gives it (default 520). */
  width?: number;
  /** A host config for `new AdaptiveCards.HostConfig(...)` (default: the renderer's own). */
  hostConfig?: object;
}

/**
 * A page with the `adaptivecards` renderer and markdown processing on (markdown-it), as Teams renders
 * markdown in text blocks. `render` parses and renders one card into `#card`; `setWidth` changes the width the
 * card is given (a phone, Teams' chat column).
 */
export async function openCardPage(
  context: BrowserContext,
  options: CardPageOptions = {},
): Promise<{
  page: Page;
  render: (card: unknown) => Promise<RenderedCard>;
  setWidth: (width: number) => Promise<void>;
}> {
  const scripts = rendererScripts();
  const page = await context.newPage();
  await page.setContent(
    `<!doctype html><html><head><meta charset="utf-8"><style>${scripts.adaptiveCardsCss}${PAGE_STYLE}</style></head><body><div id="card"></div></body></html>`,
  );
  const setWidth = (width: number) =>
    page.evaluate((w) => document.getElementById('card')!.style.setProperty('--card-width', `${w}px`), width);
  if (options.width) await setWidth(options.width);
  const hostConfig = options.hostConfig ?? null;
  await page.addScriptTag({ content: scripts.markdownIt });
  await page.addScriptTag({ content: scripts.adaptiveCards });
  const render = (card: unknown) =>
    page.evaluate(
      ({ json, hostConfig }) => {
        // biome-ignore lint/suspicious/noExplicitAny: browser globals from the UMD builds
        const w = window as any;
        const AC = w.AdaptiveCards;
        const md = w.markdownit();
        AC.AdaptiveCard.onProcessMarkdown = (text: string, result: { outputHtml: string; didProcess: boolean }) => {
          result.outputHtml = md.render(text);
          result.didProcess = true;
        };
        const adaptiveCard = new AC.AdaptiveCard();
        adaptiveCard.hostConfig = new AC.HostConfig(
          hostConfig ?? { fontFamily: "'Segoe UI', 'Noto Sans CJK JP', 'Noto Sans JP', sans-serif" },
        );
        const ctx = new AC.SerializationContext();
        adaptiveCard.parse(json, ctx);
        const events: string[] = [];
        for (let i = 0; i < ctx.eventCount; i++) events.push(ctx.getEventAt(i).message);
        const element: HTMLElement = adaptiveCard.render();
        const host = document.getElementById('card')!;
        host.replaceChildren(element);
        return { events, html: element.outerHTML, text: element.innerText };
      },
      { json: card, hostConfig },
    );
  return { page, render, setWidth };
}
