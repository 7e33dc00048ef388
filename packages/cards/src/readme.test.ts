import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as core from '@rebound/core';
import { LOCALES } from '@rebound/core';
import { describe, expect, it } from 'vitest';
import { CARD_CAPTIONS, README_TABLE_END, README_TABLE_START, readmeCardTable } from './fixtures/captions';
import { cardFixtures } from './fixtures/card-fixtures';
import * as hostConfigModule from './host-configs';
import * as cards from './index';

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const readme = readFileSync(join(packageDir, 'README.md'), 'utf8');
const names = cardFixtures('typical', 'en').map((c) => c.name);

/** Width and height of a PNG, from its IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file);
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('the README shows what the fixtures render', () => {
  it('has a caption for every card', () => {
    expect(names.filter((n) => !Object.hasOwn(CARD_CAPTIONS, n))).toEqual([]);
  });

  it('has the table the screenshot script writes from the captions (run it after changing a card)', () => {
    const start = readme.indexOf(README_TABLE_START) + README_TABLE_START.length;
    const end = readme.indexOf(README_TABLE_END);
    expect(readme.slice(start, end).trim()).toBe(readmeCardTable(names));
  });

  it('has a 450 px picture of every card in both languages', () => {
    for (const name of names) {
      for (const locale of LOCALES) {
        const { width } = pngSize(join(packageDir, '..', '..', 'docs', 'cards', `${name}.${locale}.png`));
        // 450 px and the 1 px border on each side.
        expect(width, `${name}.${locale}.png`).toBe(452);
      }
    }
  });

  it('names only functions the packages export', () => {
    const exported = new Set([...Object.keys(cards), ...Object.keys(core), ...Object.keys(hostConfigModule)]);
    // Backticked names of functions and exports: `fooCard`, `parseFoo`, `fooView`, `formatPeriod`, `hostConfigs`.
    const named = [...readme.matchAll(/`([a-z][A-Za-z]+)(?:\(|`)/g)]
      .map((m) => m[1]!)
      .filter((n) =>
        /^(parse|format)[A-Z]|(Card|View|FromLog|FromCheckIn|FromInsights|For|Summary|Labels|Configs|Prompts)$/.test(n),
      );
    expect(named.length).toBeGreaterThan(40);
    expect([...new Set(named)].filter((n) => !exported.has(n))).toEqual([]);
  });
});
