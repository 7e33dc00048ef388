import { idSchema, logRejectionInput, parseInput, submitCheckInInput } from '@rebound/core';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { parseCheckInForm } from './forms';
import { attempt, parseValid } from './submitted';

/** A parse's outcome as plain data: the value, or every part of the error a host can read. */
function outcome<S extends z.ZodType>(parse: (schema: S, input: unknown) => unknown, schema: S, input: unknown) {
  const result = attempt(() => parse(schema, input));
  if (result.ok) return { ok: true, value: result.value };
  const { name, code, message, messageKey, params, fields } = result.error;
  return { ok: false, error: { name, code, message, messageKey, params, fields, ja: result.error.localize('ja') } };
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

// Each with whether it is valid, so both ways through parseValid are covered.
const cases: [string, z.ZodType, unknown, boolean][] = [
  ['a check-in', submitCheckInInput, checkIn, true],
  ['a check-in with defaults', submitCheckInInput, { pressure: 1, energy: 5, note: '   ' }, true],
  ['a check-in out of range', submitCheckInInput, { ...checkIn, pressure: 9, visibility: 'everyone' }, false],
  ['a check-in with an unknown field', submitCheckInInput, { ...checkIn, mood: 'fine' }, false],
  ['a check-in with a control character', submitCheckInInput, { ...checkIn, note: 'a\u0007b' }, false],
  ['not an object', submitCheckInInput, 'checkIn', false],
  [
    'a log',
    logRejectionInput,
    { customerLabel: ' Bakery ', stage: 'proposal', askedWhy: true, reason: 'timing' },
    true,
  ],
  ['a log without a customer', logRejectionInput, { customerLabel: '   ', stage: 'proposal', askedWhy: 'yes' }, false],
  ['an id', idSchema, 'log-1', true],
  ['an empty id', idSchema, '', false],
];

describe('parseValid: core’s parseInput, faster on valid input', () => {
  it.each(cases)('%s: the same value or the same error as parseInput', (_, schema, input, valid) => {
    const fast = outcome(parseValid, schema, input);
    expect(fast).toStrictEqual(outcome(parseInput, schema, input));
    expect(fast.ok).toBe(valid);
  });

  it('refuses a bad check-in form with the fields core names', () => {
    const result = parseCheckInForm({ prompts: [{ id: 'p', kind: 'essay' }], pressure: '9', visibility: 'everyone' });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('validation');
      expect(result.error.fields.map((f) => f.path)).toEqual(['0.kind']);
    }
  });
});
