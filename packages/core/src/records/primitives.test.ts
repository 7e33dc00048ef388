import { describe, expect, it } from 'vitest';
import { parseInput, type ReboundError } from '../errors';
import { instantSchema } from './primitives';

describe('instants', () => {
  it('keeps canonical UTC instants and normalises any offset to UTC', () => {
    expect(instantSchema.parse('2026-11-24T09:30:00.000Z')).toBe('2026-11-24T09:30:00.000Z');
    expect(instantSchema.parse('2026-11-24T18:30:00+09:00')).toBe('2026-11-24T09:30:00.000Z');
    expect(instantSchema.parse('2026-11-24T09:30:00Z')).toBe('2026-11-24T09:30:00.000Z');
  });

  it('refuses what is not an instant, with the instant message', () => {
    for (const bad of ['2026-11-24', '2026-11-24T09:30:00', 'yesterday', '2026-13-01T00:00:00.000Z', '']) {
      const error = (() => {
        try {
          parseInput(instantSchema, bad);
        } catch (e) {
          return e as ReboundError;
        }
      })();
      expect(error?.fields[0]?.messageKey, bad).toBe('validation.instant');
    }
  });
});

describe('user text', () => {
  it('trims, bounds and refuses control characters, with the matching messages', async () => {
    const { text } = await import('./primitives');
    const field = text(5);
    expect(field.parse('  hi  ')).toBe('hi');
    const keys = (v: unknown) => {
      try {
        parseInput(field, v);
        return null;
      } catch (e) {
        return (e as ReboundError).fields[0]?.messageKey;
      }
    };
    expect(keys('   ')).toBe('validation.required');
    expect(keys('123456')).toBe('validation.too-long');
    expect(keys('a\u0007b')).toBe('validation.control-characters');
    expect(keys(42)).toBe('validation.wrong-type');
  });

  it('refuses canonical-looking instants that are not real moments', () => {
    for (const bad of ['2026-02-29T00:00:00.000Z', '2026-04-31T00:00:00.000Z', '2026-11-24T24:00:00.000Z']) {
      expect(() => instantSchema.parse(bad), bad).toThrow();
    }
    expect(instantSchema.parse('2028-02-29T23:59:59.999Z')).toBe('2028-02-29T23:59:59.999Z');
  });
});
