import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  isoWeekKey,
  localDateOf,
  startOfLocalDay,
  weekdayOf,
  zonedParts,
  zonedTimeToInstant,
} from '../calendar/calendar';
import { isReboundError } from '../errors';
import type { Schedule } from '../records/share';
import { checkInReminder } from './check-in-reminder';
import { checkInsDueBetween, nextCheckIn } from './check-in-slots';
import { nextDigest } from './digest';
import { nextStepReminderDue } from './next-step-reminder';
import { isInQuietHours } from './quiet-hours';
import { log, schedule, team } from './test-fixtures';

const DAY = 86_400_000;
// Zones with and without daylight saving, a half-hour shift (Lord Howe) and a change at midnight (Santiago).
const zone = fc.constantFrom(
  'America/New_York',
  'Asia/Tokyo',
  'Europe/London',
  'Australia/Sydney',
  'Asia/Kolkata',
  'Australia/Lord_Howe',
  'America/Santiago',
);
const pad = (n: number) => String(n).padStart(2, '0');
const time = fc
  .record({ h: fc.integer({ min: 0, max: 23 }), m: fc.constantFrom(0, 15, 30, 45, 59) })
  .map(({ h, m }) => `${pad(h)}:${pad(m)}`);
const nowMs = fc.integer({ min: Date.parse('2024-01-01T00:00:00Z'), max: Date.parse('2028-12-31T00:00:00Z') });
const iso = (ms: number) => new Date(ms).toISOString();

/** A valid schedule around `now`, with every rule in play some of the time. */
function scheduleAround(now: number) {
  const today = iso(now).slice(0, 10);
  const near = fc.integer({ min: -5, max: 40 }).map((d) => addDays(today, d));
  return fc.record({
    enabled: fc.oneof({ weight: 9, arbitrary: fc.constant(true) }, fc.constant(false)),
    cadence: fc.constantFrom('daily' as const, 'weekly' as const),
    checkInDays: fc.subarray([1, 2, 3, 4, 5, 6, 7]),
    checkInTime: time,
    quietHours: fc.option(fc.record({ start: time, end: time }), { nil: null }),
    snoozeUntil: fc.option(
      fc.integer({ min: -3 * DAY, max: 20 * DAY }).map((d) => iso(now + d)),
      { nil: null },
    ),
    outOfOffice: fc.array(
      fc.tuple(near, fc.integer({ min: 0, max: 10 })).map(([from, len]) => ({ from, to: addDays(from, len) })),
      { maxLength: 3 },
    ),
    skipDates: fc.array(near, { maxLength: 10 }),
    reminderAfterHours: fc.option(fc.integer({ min: 1, max: 72 }), { nil: null }),
  });
}

const cases = nowMs.chain((now) => fc.tuple(fc.constant(now), zone, scheduleAround(now)));

function isAwayOn(s: Schedule, date: string): boolean {
  return s.skipDates.includes(date) || s.outOfOffice.some((r) => r.from <= date && date <= r.to);
}

describe('check-in slots for any valid schedule', () => {
  it('land at or after now and snooze, on a chosen weekday in the rep zone, outside quiet hours and away days', () => {
    fc.assert(
      fc.property(cases, ([now, tz, fields]) => {
        const s = schedule(fields);
        const next = nextCheckIn(s, tz, iso(now));
        if (!s.enabled || s.checkInDays.length === 0) expect(next).toBeNull();
        if (!next) return;
        expect(next.dueAt >= iso(now)).toBe(true);
        if (s.snoozeUntil) expect(next.dueAt >= s.snoozeUntil).toBe(true);
        expect(localDateOf(next.dueAt, tz)).toBe(next.localDate);
        expect(s.checkInDays).toContain(weekdayOf(next.localDate));
        expect(isAwayOn(s, next.localDate)).toBe(false);
        expect(isInQuietHours(next.dueAt, tz, s.quietHours)).toBe(false);
        expect(next.periodKey).toBe(s.cadence === 'weekly' ? isoWeekKey(next.localDate) : next.localDate);
        expect(next.key).toBe(`check-in:tenant-1:rep-1:${next.periodKey}`);
        // Nothing due between now and the slot that nextCheckIn passed over.
        expect(checkInsDueBetween(s, tz, iso(now - 1), next.dueAt)).toEqual([next]);
      }),
      { numRuns: 400 },
    );
  });

  it('always give a slot within a week, at the chosen wall-clock time, when nothing pauses or blocks it', () => {
    fc.assert(
      fc.property(nowMs, zone, time, fc.subarray([1, 2, 3, 4, 5, 6, 7], { minLength: 1 }), (now, tz, at, days) => {
        const next = nextCheckIn(schedule({ checkInDays: days, checkInTime: at }), tz, iso(now));
        expect(next).not.toBeNull();
        expect(Date.parse(next!.dueAt) - now).toBeLessThanOrEqual(8 * DAY);
        const p = zonedParts(next!.dueAt, tz);
        // Only a daylight-saving gap may move the wall-clock time (forward, by at most an hour).
        const shift = p.hour * 60 + p.minute - (Number(at.slice(0, 2)) * 60 + Number(at.slice(3)));
        expect(shift === 0 || (shift > 0 && shift <= 60)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('give the very slot that comes next, however close to a local midnight or UTC midnight now is', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1800 }),
        zone,
        time,
        fc.oneof(fc.constantFrom('utc-midnight', 'local-midnight'), fc.integer({ min: 0, max: 7 * DAY - 1 })),
        fc.constantFrom('daily' as const, 'weekly' as const),
        (offset, tz, at, before, cadence) => {
          const date = addDays('2024-01-01', offset);
          const slotAt = zonedTimeToInstant(date, at, tz);
          const s = schedule({ cadence, checkInDays: [weekdayOf(date)], checkInTime: at });
          const slotMs = Date.parse(slotAt);
          // The same slot a week earlier is legitimately "next" when now reaches it: a week across a daylight-
          // saving change is 167 or 169 hours long, so stay after it.
          const previousSlotMs = Date.parse(zonedTimeToInstant(addDays(date, -7), at, tz));
          const now = Math.max(
            previousSlotMs + 1,
            before === 'utc-midnight'
              ? Math.floor(slotMs / DAY) * DAY
              : before === 'local-midnight'
                ? Date.parse(startOfLocalDay(date, tz))
                : slotMs - before,
          );
          const next = nextCheckIn(s, tz, iso(now));
          expect([next?.localDate, next?.dueAt]).toEqual([date, slotAt]);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('are the same whether a window is asked whole or in two parts, one key per period', () => {
    fc.assert(
      fc.property(
        cases,
        fc.integer({ min: 0, max: 30 * DAY }),
        fc.integer({ min: 0, max: 30 * DAY }),
        ([now, tz, fields], a, b) => {
          const s = schedule(fields);
          const [from, mid, to] = [now, now + Math.min(a, b), now + Math.max(a, b)].map(iso) as [
            string,
            string,
            string,
          ];
          const whole = checkInsDueBetween(s, tz, from, to);
          expect([...checkInsDueBetween(s, tz, from, mid), ...checkInsDueBetween(s, tz, mid, to)]).toEqual(whole);
          expect(new Set(whole.map((x) => x.key)).size).toBe(whole.length);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('reminders and digests for any valid input', () => {
  it('remind at most once, never early, never in quiet hours or on an away day', () => {
    fc.assert(
      fc.property(cases, fc.integer({ min: 0, max: 3 * DAY }), ([now, tz, fields], later) => {
        const s = schedule(fields);
        const reminder = checkInReminder(s, tz, iso(now), false, iso(now + later));
        if (s.reminderAfterHours === null || !s.enabled) expect(reminder).toBeNull();
        if (!reminder) return;
        expect(Date.parse(reminder.dueAt) - now).toBeGreaterThanOrEqual(s.reminderAfterHours! * 3_600_000);
        expect(isInQuietHours(reminder.dueAt, tz, s.quietHours)).toBe(false);
        expect(isAwayOn(s, localDateOf(reminder.dueAt, tz))).toBe(false);
        expect(reminder.key).toBe(`check-in-reminder:tenant-1:rep-1:${reminder.periodKey}`);
      }),
      { numRuns: 300 },
    );
  });

  it('post the digest within a week, on the digest day in the team zone', () => {
    fc.assert(
      fc.property(nowMs, zone, fc.integer({ min: 1, max: 7 }), time, (now, tz, day, at) => {
        const d = nextDigest(team({ timeZone: tz, digestDay: day, digestTime: at }), iso(now));
        expect(d.dueAt >= iso(now)).toBe(true);
        expect(Date.parse(d.dueAt) - now).toBeLessThanOrEqual(7 * DAY + 3_600_000);
        expect(weekdayOf(localDateOf(d.dueAt, tz))).toBe(day);
        expect(d.key).toBe(`digest:tenant-1:team-1:${d.periodKey}`);
      }),
      { numRuns: 300 },
    );
  });
});

describe('invalid input', () => {
  const corruptions: [string, Record<string, unknown>][] = [
    ['checkInTime', { checkInTime: '25:00' }],
    ['checkInTime', { checkInTime: '7:00' }],
    ['checkInDays', { checkInDays: [0] }],
    ['checkInDays', { checkInDays: [8] }],
    ['cadence', { cadence: 'monthly' }],
    ['quietHours', { quietHours: { start: '21:00' } }],
    ['snoozeUntil', { snoozeUntil: 'tomorrow' }],
    ['outOfOffice', { outOfOffice: [{ from: '2026-03-10', to: '2026-03-01' }] }],
    ['skipDates', { skipDates: ['2026-02-30'] }],
    ['reminderAfterHours', { reminderAfterHours: 0 }],
    ['reminderAfterHours', { reminderAfterHours: 1.5 }],
    ['enabled', { enabled: 'yes' }],
    ['personId', { personId: '' }],
    ['extra', { extra: true }],
  ];

  it('is answered with ReboundError validation by every rule, never a crash or a slot', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...corruptions),
        fc.constantFrom('schedule', 'zone', 'now'),
        nowMs,
        ([, corruption], where, now) => {
          const s = where === 'schedule' ? { ...schedule(), ...corruption } : schedule({ reminderAfterHours: 2 });
          const tz = where === 'zone' ? 'Not/AZone' : 'Asia/Tokyo';
          const at = where === 'now' ? '2026-13-01T00:00:00Z' : iso(now);
          for (const call of [
            () => nextCheckIn(s, tz, at),
            () => checkInsDueBetween(s, tz, iso(now - DAY), at),
            () => checkInReminder(s, tz, iso(now - DAY), false, at),
          ]) {
            let thrown: unknown;
            try {
              call();
            } catch (error) {
              thrown = error;
            }
            expect(isReboundError(thrown, 'validation')).toBe(true);
          }
        },
      ),
      { numRuns: 150 },
    );
    for (const bad of [
      () => nextDigest(team({ digestTime: '16:60' }), '2026-03-01T00:00:00Z'),
      () => nextDigest(team(), 'now'),
      () =>
        nextStepReminderDue(
          log({ nextStep: { kind: 'follow-up', dueDate: '2026-3-1' } }),
          'Asia/Tokyo',
          '2026-03-01T00:00:00Z',
        ),
      () => nextStepReminderDue(log(), 'Asia/Tokyo', '2026-03-01T00:00:00Z', '9am'),
    ]) {
      expect(bad).toThrow(expect.objectContaining({ name: 'ReboundError', code: 'validation' }));
    }
  });
});
