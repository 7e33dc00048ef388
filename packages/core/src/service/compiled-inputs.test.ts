import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseInput } from '../errors';
import { registerPersonInput, submitCheckInInput } from './inputs';

// The turn's input schemas are compiled (`z.compile`). Held here to the same schemas built plainly from their
// shapes: the same value on valid input, the same issues (and the same ReboundError fields) on invalid input.
const plainRegister = z.strictObject(registerPersonInput.shape);
const plainCheckIn = z.strictObject(submitCheckInInput.shape);

const checkIn = {
  cadence: 'daily',
  pressure: 3,
  energy: 4,
  permissionToNotSell: false,
  supportRequested: true,
  visibility: 'private',
  answers: [],
};
const checkIns: unknown[] = [
  checkIn,
  { pressure: 1, energy: 5 },
  { ...checkIn, cadence: 'weekly', periodKey: '2026-W48', note: ' 今日は  大変だった ', onTrack: 2 },
  { ...checkIn, periodKey: '2026-11-24', lastPeriodRating: 5, answerPreference: 'listen' },
  { ...checkIn, pressure: 9 },
  { ...checkIn, energy: '4' },
  { ...checkIn, periodKey: '2026-11' },
  { ...checkIn, mood: 'fine' },
  { ...checkIn, note: 'a\u0007b' },
  { ...checkIn, visibility: 'everyone', cadence: 'hourly' },
  { ...checkIn, answers: 'none' },
  { energy: 2 },
  'checkIn',
  null,
];
const registrations: unknown[] = [
  { displayName: 'Rep 1', clientLocale: 'en-US' },
  { displayName: '山田 花子', timeZone: 'Asia/Tokyo', clientLocale: 'ja-JP' },
  { displayName: '  padded  ' },
  { displayName: '' },
  { displayName: 'x'.repeat(101) },
  { displayName: 'Rep', timeZone: 'Mars/Olympus' },
  { displayName: 'Rep', clientLocale: 'x'.repeat(21) },
  { displayName: 'Rep', role: 'admin' },
  { displayName: 42 },
  [],
];

function sameOutcome(compiled: z.ZodType, plain: z.ZodType, input: unknown) {
  for (const reportInput of [false, true]) {
    const a = compiled.safeParse(input, { reportInput });
    const b = plain.safeParse(input, { reportInput });
    expect(a.success).toBe(b.success);
    if (a.success && b.success) expect(isDeepStrictEqual(a.data, b.data)).toBe(true);
    else expect(a.error?.issues).toEqual(b.error?.issues);
  }
  const thrown = (schema: z.ZodType) => {
    try {
      return { value: parseInput(schema, input) };
    } catch (error) {
      return { error: (error as { fields?: unknown }).fields };
    }
  };
  expect(thrown(compiled)).toEqual(thrown(plain));
}

describe('the compiled turn inputs', () => {
  it.each(checkIns.map((input) => [JSON.stringify(input)?.slice(0, 60), input]))(
    'submitCheckInInput parses %s as the plain schema does',
    (_label, input) => sameOutcome(submitCheckInInput, plainCheckIn, input),
  );

  it.each(registrations.map((input) => [JSON.stringify(input).slice(0, 60), input]))(
    'registerPersonInput parses %s as the plain schema does',
    (_label, input) => sameOutcome(registerPersonInput, plainRegister, input),
  );

  it('builds fresh output: a parsed check-in shares no array with its input', () => {
    const input = { ...checkIn, answers: [] };
    const parsed = submitCheckInInput.parse(input);
    expect(parsed.answers).not.toBe(input.answers);
    expect(parsed).toMatchObject({ pressure: 3, energy: 4, supportRequested: true });
  });
});
