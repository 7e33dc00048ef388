import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultPromptCatalog } from './default-prompts';
import { promptSelectionContextSchema, uncompiledSelectionContextSchema } from './selection-context';
import { makeCheckIn, makeLog } from './test-fixtures';

// The context schema is compiled (`z.compile`) for speed. These tests hold it to the plain schema: the same
// parsed value for every valid context, the same issues (codes, paths, messages) for every invalid one.

const base = { now: '2026-11-24T10:00:00.000Z', timeZone: 'Asia/Tokyo' };

/** Values that exercise each field's rules: trimming, blanks, control characters, offsets, wrong kinds. */
const oddValue = fc.oneof(
  fc.constantFrom(
    '  padded  ',
    '',
    '   ',
    'a\u0001b',
    'rep 1',
    '2026-11-24T10:00:00+09:00',
    '2026-11-24T10:00:00Z',
    '2026-02-30T10:00:00.000Z',
    'x'.repeat(5000),
    null,
    undefined,
    0,
    3,
    6,
    2.5,
    true,
    'tired',
    'weekly',
    [],
    {},
  ),
  fc.string({ maxLength: 30 }),
  fc.anything(),
);

const fullLog = () =>
  makeLog({
    discovery: 'They move offices in spring.',
    customerWords: 'Not this year.',
    learned: 'Ask earlier.',
    nextStep: { kind: 'follow-up', dueDate: '2026-12-01' },
    feeling: 'tired',
  });
const fullCheckIn = () =>
  makeCheckIn({
    answers: [{ promptId: 'dialogue.how-are-you-really', answer: ' fine ' }],
    lastPeriodRating: 5,
    onTrack: 2,
    answerPreference: 'just-listen',
    note: 'A long week.',
  });
const schedule = {
  tenantId: 'tenant-1',
  personId: 'rep-1',
  enabled: true,
  cadence: 'weekly',
  checkInDays: ['fri'],
  checkInTime: '17:00',
  quietHours: null,
  snoozeUntil: null,
  outOfOffice: [{ from: '2026-11-10', to: '2026-11-14' }],
  skipDates: [],
  reminderAfterHours: null,
  updatedAt: '2026-11-01T00:00:00.000Z',
};

const logKeys = [...Object.keys(fullLog()), 'unknownField'];
const checkInKeys = [...Object.keys(fullCheckIn()), 'unknownField'];
const topKeys = [
  'now',
  'timeZone',
  'fiscalYearStartMonth',
  'personId',
  'count',
  'schedule',
  'catalog',
  'trigger',
  'recentlyAsked',
  'recentLogs',
  'unknownField',
];
const scheduleKeys = [...Object.keys(schedule), 'unknownField'];

const mutatedContext = fc
  .record({
    log: fc.option(fc.tuple(fc.constantFrom(...logKeys), oddValue), { nil: undefined }),
    checkIn: fc.option(fc.tuple(fc.constantFrom(...checkInKeys), oddValue), { nil: undefined }),
    top: fc.option(fc.tuple(fc.constantFrom(...topKeys), oddValue), { nil: undefined }),
    schedule: fc.option(fc.tuple(fc.constantFrom(...scheduleKeys), oddValue), { nil: undefined }),
    asTrigger: fc.boolean(),
    withSchedule: fc.boolean(),
  })
  .map((m) => {
    const log: Record<string, unknown> = fullLog();
    const checkIn: Record<string, unknown> = fullCheckIn();
    const sched: Record<string, unknown> = { ...schedule };
    if (m.log) log[m.log[0]] = m.log[1];
    if (m.checkIn) checkIn[m.checkIn[0]] = m.checkIn[1];
    if (m.schedule) sched[m.schedule[0]] = m.schedule[1];
    const context: Record<string, unknown> = {
      ...base,
      recentLogs: [fullLog(), log],
      recentCheckIns: [checkIn, fullCheckIn()],
      recentlyAsked: [{ promptId: 'permission.not-selling-today', askedAt: '2026-11-23T01:00:00.000Z' }],
      catalog: defaultPromptCatalog,
    };
    if (m.withSchedule) context.schedule = sched;
    if (m.asTrigger) context.trigger = { kind: 'log', log };
    if (m.top) context[m.top[0]] = m.top[1];
    return context;
  });

function agree(input: unknown): void {
  const plain = uncompiledSelectionContextSchema.safeParse(input, { reportInput: true });
  const compiled = promptSelectionContextSchema.safeParse(input, { reportInput: true });
  expect(compiled.success).toBe(plain.success);
  if (plain.success && compiled.success) {
    expect(isDeepStrictEqual(compiled.data, plain.data)).toBe(true);
    // The catalog is recognised by identity (only definePromptCatalog makes one), so it must pass through as is.
    expect(compiled.data.catalog).toBe(plain.data.catalog);
  } else {
    expect(compiled.error?.issues).toEqual(plain.error?.issues);
  }
}

describe('the compiled context schema', () => {
  it('parses whole records exactly as the plain schema does: trimmed text, blanks dropped, instants in UTC', () => {
    const log = {
      ...fullLog(),
      customerLabel: '  Sakura Bakery ',
      discovery: '   ',
      occurredAt: '2026-11-24T10:00:00+09:00',
    };
    const context = { ...base, recentLogs: [log], trigger: { kind: 'log', log } };
    agree(context);
    const parsed = promptSelectionContextSchema.parse(context);
    expect(parsed.recentLogs[0]).toMatchObject({
      customerLabel: 'Sakura Bakery',
      occurredAt: '2026-11-24T01:00:00.000Z',
    });
    expect(parsed.recentLogs[0]?.discovery).toBeUndefined();
    expect(parsed.recentLogs[0]).not.toBe(log);
  });

  it('agrees with the plain schema on contexts with one field anywhere replaced by an odd value', () => {
    fc.assert(fc.property(mutatedContext, agree), { numRuns: 1500 });
  });

  it('agrees with the plain schema on anything at all', () => {
    fc.assert(fc.property(fc.anything(), agree), { numRuns: 300 });
  });
});
