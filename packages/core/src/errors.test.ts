import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseInput, ReboundError } from './errors';

describe('ReboundError', () => {
  it('says what was not found or who may act, in the reader’s language', () => {
    const missing = new ReboundError('not-found', 'error.not-found', { params: { thing: 'log' } });
    expect(missing.message).toBe('We could not find that rejection log.');
    expect(missing.localize('ja').message).toBe('断られ記録が見つかりませんでした。');
    const forbidden = new ReboundError('forbidden', 'error.forbidden', { params: { who: 'requested-manager' } });
    expect(forbidden.localize('ja').message).toBe('この操作はお願いを受け取った上司だけが行えます。');
  });

  it('tells a missing field from one of the wrong kind', () => {
    const schema = z.strictObject({
      askedWhy: z.boolean(),
      customerLabel: z.string(),
      reason: z.enum(['price', 'timing']),
    });
    const error = (() => {
      try {
        parseInput(schema, { askedWhy: 'yes' });
      } catch (e) {
        return e as ReboundError;
      }
    })()!;
    expect(error.fields.map((f) => [f.path, f.messageKey])).toEqual([
      ['askedWhy', 'validation.wrong-type'],
      ['customerLabel', 'validation.required'],
      ['reason', 'validation.required'],
    ]);
    expect(error.localize('en').fields.map((f) => f.message)).toEqual([
      'Asked why has the wrong kind of value.',
      'Customer is required.',
      'Reason is required.',
    ]);
  });

  it('keeps the original failure as its cause and never puts input values in the message', () => {
    const error = (() => {
      try {
        parseInput(z.strictObject({ password: z.number() }), { password: 'hunter2' });
      } catch (e) {
        return e as ReboundError;
      }
    })()!;
    expect(error.message).not.toContain('hunter2');
    expect(JSON.stringify(error.localize('en'))).not.toContain('hunter2');
  });
});
