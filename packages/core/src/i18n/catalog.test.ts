import { describe, expect, it } from 'vitest';
import { defineCatalog, fill, placeholderNames, resolveLocale } from './catalog';
import { coreMessages } from './core-messages';

const placeholders = placeholderNames;

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

  it('chooses a plural form by Intl.PluralRules for the language, with # as the number', () => {
    const hours = defineCatalog({
      en: { after: 'After {hours, plural, one {# hour} other {# hours}}' },
      ja: { after: '{hours}時間後' },
    });
    expect(hours.t('en', 'after', { hours: 1 })).toBe('After 1 hour');
    expect(hours.t('en', 'after', { hours: 4 })).toBe('After 4 hours');
    expect(hours.t('en', 'after', { hours: 0 })).toBe('After 0 hours');
    expect(hours.t('ja', 'after', { hours: 1 })).toBe('1時間後');
    expect(fill('{n, plural, =0 {none} one {# left, {who}} other {# left}}', { n: 0 })).toBe('none');
    expect(fill('{n, plural, =0 {none} one {# left, {who}} other {# left}}', { n: 1, who: 'Ken' })).toBe('1 left, Ken');
    expect(fill('{n, plural, one {# day} other {# days}}', { n: '1' })).toBe('1 day');
    expect(fill('{n, plural, one {# day} other {# days}}', { n: 'many' })).toBe('many days');
    // A missing count keeps the whole plural visible, as a missing placeholder does.
    expect(fill('in {n, plural, one {# week} other {# weeks}}', {})).toBe(
      'in {n, plural, one {# week} other {# weeks}}',
    );
    // Braces that are not a placeholder or a well-formed plural stay text.
    expect(fill('{{DATE(x)}} {a b} {n, plural, one {x}}', { n: 1 })).toBe('{{DATE(x)}} {a b} {n, plural, one {x}}');
    expect(placeholderNames('{a} {n, plural, one {# of {b}} other {#}}')).toEqual(['a', 'b', 'n']);
  });

  it('chooses the person’s setting, then the Teams locale, then English', () => {
    expect(resolveLocale('en', 'ja-JP')).toBe('en');
    expect(resolveLocale(null, 'ja-JP')).toBe('ja');
    expect(resolveLocale(null, 'JA')).toBe('ja');
    expect(resolveLocale(undefined, 'fr-FR')).toBe('en');
    expect(resolveLocale(null, null)).toBe('en');
  });
});
