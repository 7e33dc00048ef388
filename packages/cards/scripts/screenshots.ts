// Renders every card (typical fixture) in Japanese and English with the official adaptivecards renderer in
// headless Chromium, 450 px wide (Teams' chat column) with the light host config, writes
// docs/cards/<card>.<locale>.png, and writes the README's table of pictures from the fixtures' captions.
// Run: pnpm --filter @rebound/cards screenshots
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LOCALES } from '@rebound/core';
import { README_TABLE_END, README_TABLE_START, readmeCardTable } from '../src/fixtures/captions';
import { cardFixtures } from '../src/fixtures/card-fixtures';
import { hostConfigs } from '../src/host-configs';
import { openCardPage } from '../src/testing/card-page';
import { launchChromium } from '../src/testing/chromium';

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(packageDir, '..', '..', 'docs', 'cards');
const WIDTH = 450;

async function main(): Promise<void> {
  await mkdir(outDir, { recursive: true });
  // Pictures of cards that no longer exist would stay in the README's folder: start from an empty one.
  for (const file of await readdir(outDir)) if (file.endsWith('.png')) await rm(join(outDir, file));
  const chromium = await launchChromium();
  try {
    const { page, render } = await openCardPage(chromium.context, { width: WIDTH, hostConfig: hostConfigs.light });
    await page.setViewportSize({ width: WIDTH + 64, height: 800 });
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
  const readmePath = join(packageDir, 'README.md');
  const readme = await readFile(readmePath, 'utf8');
  const start = readme.indexOf(README_TABLE_START);
  const end = readme.indexOf(README_TABLE_END);
  if (start < 0 || end < start) throw new Error(`README.md has no ${README_TABLE_START} … ${README_TABLE_END}`);
  const table = readmeCardTable(cardFixtures('typical', 'en').map((c) => c.name));
  await writeFile(readmePath, `${readme.slice(0, start + README_TABLE_START.length)}\n${table}\n${readme.slice(end)}`);
  console.log(readmePath);
}

await main();
