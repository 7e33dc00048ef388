// Renders every card (typical fixture) in Japanese and English with the official adaptivecards renderer in
// headless Chromium and writes docs/cards/<card>.<locale>.png. Run: pnpm --filter @rebound/cards screenshots
import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LOCALES } from '@rebound/core';
import { cardFixtures } from '../src/fixtures/card-fixtures';
import { openCardPage } from '../src/testing/card-page';
import { launchChromium } from '../src/testing/chromium';

const outDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'docs', 'cards');

async function main(): Promise<void> {
  await mkdir(outDir, { recursive: true });
  const chromium = await launchChromium();
  try {
    const { page, render } = await openCardPage(chromium.context);
    await page.setViewportSize({ width: 600, height: 800 });
    for (const locale of LOCALES) {
      for (const { name, card } of cardFixtures('typical', locale)) {
        await render(card);
        await page.evaluate(() => document.fonts.ready);
        const file = join(outDir, `${name}.${locale}.png`);
        await page.locator('#card').screenshot({ path: file });
        console.log(file);
      }
    }
  } finally {
    await chromium.close();
  }
}

await main();
