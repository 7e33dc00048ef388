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
