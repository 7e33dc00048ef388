import { describe, expect, it } from 'vitest';
import { defineCatalog, fill, resolveLocale } from './catalog';
import { coreMessages } from './core-messages';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('core catalogs', () => {
  it('has every key in both languages, never empty, with the same placeholders', () => {
    expect(Object.keys(coreMessages.texts.ja).sort()).toEqual(Object.keys(coreMessages.texts.en).sort());
    for (const key of coreMessages.keys) {
      expect(coreMessages.texts.en[key].trim(), key).not.toBe('');
      expect(coreMessages.texts.ja[key].trim(), key).not.toBe('');
      expect(placeholders(coreMessages.texts.ja[key]), key).toEqual(placeholders(coreMessages.texts.en[key]));
    }
  });

  it('writes Japanese system texts in polite form, without exclamation marks', () => {
    for (const key of coreMessages.keys.filter((k) => k.startsWith('error.') || k.startsWith('validation.'))) {
      const ja = coreMessages.texts.ja[key];
      expect(ja, key).not.toMatch(/[!！]/);
      expect(ja, key).toMatch(/(です|ます|ません|ください|でした)/);
    }
  });
});

describe('the catalog helper', () => {
  const c = defineCatalog({ en: { hi: 'Hello, {name}.' }, ja: { hi: '{name}さん、こんにちは。' } });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(c.t('ja', 'hi', { name: '花子' })).toBe('花子さん、こんにちは。');
    expect(fill('{a} and {b}', { a: 1 })).toBe('1 and {b}');
    expect(fill('{__proto__}', {})).toBe('{__proto__}');
  });

  it('chooses the person’s setting, then the Teams locale, then English', () => {
    expect(resolveLocale('en', 'ja-JP')).toBe('en');
    expect(resolveLocale(null, 'ja-JP')).toBe('ja');
    expect(resolveLocale(null, 'JA')).toBe('ja');
    expect(resolveLocale(undefined, 'fr-FR')).toBe('en');
    expect(resolveLocale(null, null)).toBe('en');
  });
});
