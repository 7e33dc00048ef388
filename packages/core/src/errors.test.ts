import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fieldErrorsFromZod, parseInput, ReboundError } from './errors';
import { idSchema } from './records/primitives';
import { logRejectionInput, submitCheckInInput } from './service/inputs';

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
      'Asked why could not be read: it has the wrong kind of value.',
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

describe('parseInput parses valid input without reportInput first', () => {
  /** What parseInput did before the fast path: one parse with reportInput, always. */
  function reference<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
    const result = schema.safeParse(input, { reportInput: true });
    if (result.success) return result.data;
    throw new ReboundError('validation', 'error.validation', { fields: fieldErrorsFromZod(result.error) });
  }
  function outcome(parse: (schema: z.ZodType, input: unknown) => unknown, schema: z.ZodType, input: unknown) {
    try {
      return { ok: true, value: parse(schema, input) };
    } catch (err) {
      const e = err as ReboundError;
      return { ok: false, code: e.code, fields: e.fields, en: e.message, ja: e.localize('ja').message };
    }
  }
  const checkIn = {
    cadence: 'daily',
    periodKey: '2026-11-24',
    answers: [{ promptId: 'p-why', answer: ' I asked why ' }],
    pressure: 3,
    energy: 2,
    permissionToNotSell: false,
    supportRequested: true,
    visibility: 'manager',
  };
  const cases: [string, z.ZodType, unknown, boolean][] = [
    ['a check-in', submitCheckInInput, checkIn, true],
    ['a check-in with defaults', submitCheckInInput, { pressure: 1, energy: 5, note: '   ' }, true],
    ['a check-in out of range', submitCheckInInput, { ...checkIn, pressure: 9, visibility: 'everyone' }, false],
    ['a check-in with an unknown field', submitCheckInInput, { ...checkIn, mood: 'fine' }, false],
    ['a check-in with a wrong type', submitCheckInInput, { ...checkIn, energy: 'high' }, false],
    ['a check-in with a control character', submitCheckInInput, { ...checkIn, note: 'a\u0007b' }, false],
    ['not an object', submitCheckInInput, 'checkIn', false],
    [
      'a log',
      logRejectionInput,
      { customerLabel: ' Bakery ', stage: 'proposal', askedWhy: true, reason: 'timing' },
      true,
    ],
    [
      'a log without a customer',
      logRejectionInput,
      { customerLabel: '   ', stage: 'proposal', askedWhy: 'yes' },
      false,
    ],
    ['an id', idSchema, 'log-1', true],
    ['an empty id', idSchema, '', false],
  ];
  it.each(cases)('%s: the same value or the same error as one parse with reportInput', (_, schema, input, valid) => {
    const fast = outcome(parseInput, schema, input);
    expect(fast).toStrictEqual(outcome(reference, schema, input));
    expect(fast.ok).toBe(valid);
  });
});
