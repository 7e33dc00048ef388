import { describe, expect, it } from 'vitest';
import { isReboundError, type ReboundError } from '../errors';
import { steppingClock } from '../testing/clock';
import { aRejection, as, TENANT, tokyoWorld } from './test-world';

// The test clock starts at 2026-11-24T00:00Z: 09:00 on the 24th in Tokyo, still the 23rd in New York.
const TODAY = '2026-11-24';

async function refusal(promise: Promise<unknown>): Promise<ReboundError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!isReboundError(error)) throw new Error(`expected a ReboundError, got ${String(error)}`);
  return error;
}

/** The code and each field's path and message key. */
const summary = (e: ReboundError) => ({ code: e.code, fields: e.fields.map((f) => [f.path, f.messageKey]) });

describe('check-in periods are real days and weeks', () => {
  it('refuses 2026-99-99 with a typed error naming the period, in both languages, and stores nothing', async () => {
    const { rebound, store } = await tokyoWorld();
    const error = await refusal(rebound.submitCheckIn(as('rep'), { periodKey: '2026-99-99', pressure: 3, energy: 3 }));
    expect(summary(error)).toEqual({ code: 'validation', fields: [['periodKey', 'validation.period-key']] });
    expect(error.localize('en').fields[0]?.message).toMatch(/^Period must be a day that exists/);
    expect(error.localize('ja').fields[0]?.message).toMatch(/^期間は、/);
    expect(await store.listCheckIns(TENANT, { authorId: 'rep' })).toEqual([]);
  });

  it('refuses days and weeks that do not exist, and a week for a daily check-in or a day for a weekly one', async () => {
    const { rebound } = await tokyoWorld();
    for (const [periodKey, cadence] of [
      ['2026-02-29', 'daily'],
      ['2026-04-31', 'daily'],
      ['2026-00-01', 'daily'],
      ['1969-12-31', 'daily'],
      ['2025-W53', 'weekly'],
      ['2026-W00', 'weekly'],
      ['2026-W54', 'weekly'],
      ['2026-W47', 'daily'],
      ['2026-11-20', 'weekly'],
    ] as const) {
      const error = await refusal(rebound.submitCheckIn(as('rep'), { cadence, periodKey, pressure: 3, energy: 3 }));
      expect(summary(error), periodKey).toEqual({
        code: 'validation',
        fields: [['periodKey', 'validation.period-key']],
      });
    }
  });

  it('accepts a week 53 in a year that has one, once it has started', async () => {
    const { rebound } = await tokyoWorld({ clock: steppingClock('2026-12-30T00:00:00.000Z') });
    const { checkIn } = await rebound.submitCheckIn(as('rep'), {
      cadence: 'weekly',
      periodKey: '2026-W53',
      pressure: 2,
      energy: 4,
    });
    expect(checkIn.periodKey).toBe('2026-W53');
  });

  it('refuses a period that has not started yet in the rep’s own time zone', async () => {
    const { rebound } = await tokyoWorld();
    await rebound.updateSettings(as('peer'), { timeZone: 'America/New_York' });
    // Tokyo is on the 24th: its check-in for the 24th is fine, the 25th is not.
    await rebound.submitCheckIn(as('rep'), { periodKey: TODAY, pressure: 3, energy: 3 });
    const tomorrow = await refusal(
      rebound.submitCheckIn(as('rep'), { periodKey: '2026-11-25', pressure: 3, energy: 3 }),
    );
    expect(summary(tomorrow).fields).toEqual([['periodKey', 'validation.date-after-today']]);
    expect(tomorrow.fields[0]?.params).toEqual({ max: TODAY });
    expect(tomorrow.localize('en').fields[0]?.message).toBe('Period cannot be later than today (2026-11-24).');
    // New York is still on the 23rd.
    const early = await refusal(rebound.submitCheckIn(as('peer'), { periodKey: TODAY, pressure: 3, energy: 3 }));
    expect(early.fields[0]?.params).toEqual({ max: '2026-11-23' });
    const nextWeek = await refusal(
      rebound.submitCheckIn(as('rep'), { cadence: 'weekly', periodKey: '2026-W49', pressure: 3, energy: 3 }),
    );
    expect(summary(nextWeek).fields).toEqual([['periodKey', 'validation.date-after-today']]);
  });
});

describe('a log’s dates', () => {
  it('refuses a rejection dated 9999-12-31, naming the field, and stores nothing', async () => {
    const { rebound, store } = await tokyoWorld();
    const error = await refusal(
      rebound.logRejection(as('rep'), { ...aRejection, occurredAt: '9999-12-31T03:00:00.000Z', visibility: 'team' }),
    );
    expect(summary(error)).toEqual({ code: 'validation', fields: [['occurredAt', 'validation.date-after-today']] });
    expect(error.localize('ja').fields[0]?.message).toBe('日時は今日（2026-11-24）より後の日付にはできません。');
    expect(await store.listLogs(TENANT, { authorId: 'rep' })).toEqual([]);
    expect(await store.listShares(TENANT, { ownerId: 'rep' })).toEqual([]);
  });

  it('takes today from the rep’s time zone, not from UTC', async () => {
    const { rebound } = await tokyoWorld();
    await rebound.updateSettings(as('peer'), { timeZone: 'America/New_York' });
    // 2026-11-24T10:00Z is 19:00 on the 24th in Tokyo (today there) and 05:00 on the 24th in New York, where
    // the clock's today is still the 23rd.
    const occurredAt = '2026-11-24T10:00:00.000Z';
    await expect(rebound.logRejection(as('rep'), { ...aRejection, occurredAt })).resolves.toBeDefined();
    const error = await refusal(rebound.logRejection(as('peer'), { ...aRejection, occurredAt }));
    expect(summary(error).fields).toEqual([['occurredAt', 'validation.date-after-today']]);
  });

  it('refuses dates before 1970, and a next step dated before the rejection or beyond two years', async () => {
    const { rebound } = await tokyoWorld();
    const ancient = await refusal(
      rebound.logRejection(as('rep'), { ...aRejection, occurredAt: '0050-06-01T00:00:00.000Z' }),
    );
    expect(summary(ancient).fields).toEqual([['occurredAt', 'validation.date-too-early']]);
    for (const [dueDate, messageKey] of [
      ['9999-12-31', 'validation.date-too-late'],
      ['2028-11-24', 'validation.date-too-late'],
      ['2026-11-19', 'validation.date-too-early'],
    ] as const) {
      const error = await refusal(
        rebound.logRejection(as('rep'), {
          ...aRejection,
          occurredAt: '2026-11-20T03:00:00.000Z',
          nextStep: { kind: 'follow-up', dueDate },
        }),
      );
      expect(summary(error).fields, dueDate).toEqual([['nextStep.dueDate', messageKey]]);
    }
    const { log } = await rebound.logRejection(as('rep'), {
      ...aRejection,
      occurredAt: '2026-11-20T03:00:00.000Z',
      nextStep: { kind: 'follow-up', dueDate: '2028-11-23' },
    });
    expect(log.nextStep?.dueDate).toBe('2028-11-23');
  });

  it('applies the same rules when a log is edited, and leaves the log as it was', async () => {
    const { rebound, store } = await tokyoWorld();
    const { log } = await rebound.logRejection(as('rep'), aRejection);
    const future = await refusal(
      rebound.editLog(as('rep'), { logId: log.id, changes: { occurredAt: '2027-01-01T00:00:00.000Z' } }),
    );
    expect(summary(future).fields).toEqual([['occurredAt', 'validation.date-after-today']]);
    const far = await refusal(
      rebound.editLog(as('rep'), {
        logId: log.id,
        changes: { nextStep: { kind: 'follow-up', dueDate: '9999-12-31' } },
      }),
    );
    expect(summary(far).fields).toEqual([['nextStep.dueDate', 'validation.date-too-late']]);
    expect(await store.getLog(TENANT, log.id)).toEqual(log);
  });

  it('dates what happened later no earlier than the rejection and no later than today', async () => {
    const { rebound, store } = await tokyoWorld();
    const { log } = await rebound.logRejection(as('rep'), { ...aRejection, occurredAt: '2026-11-20T03:00:00.000Z' });
    for (const [occurredOn, messageKey] of [
      ['2026-11-25', 'validation.date-after-today'],
      ['9999-12-31', 'validation.date-after-today'],
      ['2026-11-19', 'validation.date-too-early'],
    ] as const) {
      const error = await refusal(rebound.recordOutcome(as('rep'), { logId: log.id, kind: 'reopened', occurredOn }));
      expect(summary(error).fields, occurredOn).toEqual([['occurredOn', messageKey]]);
    }
    const impossible = await refusal(
      rebound.recordOutcome(as('rep'), { logId: log.id, kind: 'reopened', occurredOn: '2026-02-30' }),
    );
    expect(summary(impossible).fields).toEqual([['occurredOn', 'validation.date']]);
    expect(await store.listOutcomes(TENANT, { logId: log.id })).toEqual([]);
    const { outcome } = await rebound.recordOutcome(as('rep'), { logId: log.id, kind: 'reopened', occurredOn: TODAY });
    expect(outcome.occurredOn).toBe(TODAY);
  });
});

describe('schedule dates', () => {
  it('refuses skip dates, away dates and a pause that do not exist or lie beyond two years, changing nothing', async () => {
    const { rebound, store } = await tokyoWorld();
    const person = await store.getPerson(TENANT, 'rep');
    const cases: [object, [string, string][]][] = [
      [{ skipDates: ['2026-12-29', '2026-02-30'] }, [['schedule.skipDates.1', 'validation.date']]],
      [{ skipDates: ['9999-01-01'] }, [['schedule.skipDates.0', 'validation.date-too-late']]],
      [
        { outOfOffice: [{ from: '2026-12-28', to: '9999-12-31' }] },
        [['schedule.outOfOffice.0.to', 'validation.date-too-late']],
      ],
      [{ outOfOffice: [{ from: '2026-12-28', to: '2026-12-32' }] }, [['schedule.outOfOffice.0.to', 'validation.date']]],
      [{ snoozeUntil: '9999-12-31T00:00:00.000Z' }, [['schedule.snoozeUntil', 'validation.date-too-late']]],
    ];
    for (const [schedule, fields] of cases) {
      const error = await refusal(rebound.updateSettings(as('rep'), { schedule: { enabled: true, ...schedule } }));
      expect(summary(error), JSON.stringify(schedule)).toEqual({ code: 'validation', fields });
    }
    const skip = await refusal(rebound.updateSettings(as('rep'), { schedule: { skipDates: ['9999-01-01'] } }));
    expect(skip.localize('en').fields[0]?.message).toBe('Skip dates can be 2028-11-23 at the latest.');
    expect(await store.getSchedule(TENANT, 'rep')).toBeNull();
    expect(await store.getPerson(TENANT, 'rep')).toEqual(person);
    const { schedule } = await rebound.updateSettings(as('rep'), {
      schedule: { skipDates: ['2026-12-29'], outOfOffice: [{ from: '2026-12-28', to: '2027-01-05' }] },
    });
    expect(schedule).toMatchObject({
      skipDates: ['2026-12-29'],
      outOfOffice: [{ from: '2026-12-28', to: '2027-01-05' }],
    });
  });
});
