import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, localDateOf } from '../calendar/calendar';
import { isReboundError } from '../errors';
import { deliveryTime } from './delivery-time';
import { isInQuietHours } from './quiet-hours';
import { schedule } from './test-fixtures';

const TOKYO = 'Asia/Tokyo';
const NY = 'America/New_York';
// Tuesday 24 November 2026; Tokyo is UTC+9 all year.
const tokyo = (date: string, time: string) => new Date(`${date}T${time}:00+09:00`).toISOString();

describe('deliveryTime: when a message may reach a person', () => {
  it('is the moment itself without a schedule, or with one that holds nothing back', () => {
    expect(deliveryTime(null, TOKYO, tokyo('2026-11-24', '23:30'))).toBe(tokyo('2026-11-24', '23:30'));
    expect(deliveryTime(schedule(), TOKYO, tokyo('2026-11-24', '23:30'))).toBe(tokyo('2026-11-24', '23:30'));
  });

  it('waits until quiet hours end: later the same day, or the next morning when they cross midnight', () => {
    const quiet = schedule({ quietHours: { start: '21:00', end: '08:00' } });
    expect(deliveryTime(quiet, TOKYO, tokyo('2026-11-24', '23:30'))).toBe(tokyo('2026-11-25', '08:00'));
    expect(deliveryTime(quiet, TOKYO, tokyo('2026-11-25', '06:10'))).toBe(tokyo('2026-11-25', '08:00'));
    expect(deliveryTime(quiet, TOKYO, tokyo('2026-11-25', '08:00'))).toBe(tokyo('2026-11-25', '08:00'));
    expect(deliveryTime(quiet, TOKYO, tokyo('2026-11-25', '20:59'))).toBe(tokyo('2026-11-25', '20:59'));
    const lunch = schedule({ quietHours: { start: '12:00', end: '13:00' } });
    expect(deliveryTime(lunch, TOKYO, tokyo('2026-11-25', '12:30'))).toBe(tokyo('2026-11-25', '13:00'));
  });

  it('waits for the first day back after days away and skip dates, at 09:00', () => {
    const away = schedule({
      outOfOffice: [{ from: '2026-11-24', to: '2026-11-26' }],
      skipDates: ['2026-11-27'],
    });
    // Away Tuesday to Thursday, Friday skipped: Saturday morning.
    expect(deliveryTime(away, TOKYO, tokyo('2026-11-24', '10:00'))).toBe(tokyo('2026-11-28', '09:00'));
    expect(deliveryTime(away, TOKYO, tokyo('2026-11-27', '15:00'))).toBe(tokyo('2026-11-28', '09:00'));
    expect(deliveryTime(away, TOKYO, tokyo('2026-11-23', '15:00'))).toBe(tokyo('2026-11-23', '15:00'));
    // Back in the evening: the message is not held until the next morning.
    expect(deliveryTime(away, TOKYO, tokyo('2026-11-28', '19:00'))).toBe(tokyo('2026-11-28', '19:00'));
  });

  it('waits past quiet hours on the day back when the morning is inside them, and past days away they end on', () => {
    const both = schedule({
      quietHours: { start: '20:00', end: '10:30' },
      outOfOffice: [{ from: '2026-11-25', to: '2026-11-25' }],
    });
    // 23:00 on the 24th: quiet hours end at 10:30 on the 25th, a day away: the 26th, and 09:00 is quiet too.
    expect(deliveryTime(both, TOKYO, tokyo('2026-11-24', '23:00'))).toBe(tokyo('2026-11-26', '10:30'));
    expect(deliveryTime(both, TOKYO, tokyo('2026-11-24', '23:00'), '11:00')).toBe(tokyo('2026-11-26', '11:00'));
  });

  it('uses the person’s own zone and wall clock across a daylight saving change', () => {
    const quiet = schedule({ quietHours: { start: '22:00', end: '07:00' } });
    // Saturday 31 October 23:00 EDT; quiet hours end Sunday 1 November 07:00 EST (UTC-5).
    expect(deliveryTime(quiet, NY, '2026-11-01T03:00:00.000Z')).toBe('2026-11-01T12:00:00.000Z');
  });

  it('holds a message for someone away until the calendar’s last day on that day', () => {
    const gone = schedule({ outOfOffice: [{ from: '2026-01-01', to: '9999-12-31' }] });
    expect(deliveryTime(gone, 'UTC', '2026-11-24T10:00:00.000Z')).toBe('9999-12-31T09:00:00.000Z');
  });

  it('never answers a moment inside quiet hours, on a day away, or before the moment asked about', () => {
    const pad = (n: number) => String(n).padStart(2, '0');
    const time = fc
      .tuple(fc.integer({ min: 0, max: 23 }), fc.constantFrom(0, 30, 59))
      .map(([h, m]) => `${pad(h)}:${pad(m)}`);
    fc.assert(
      fc.property(
        fc.constantFrom(TOKYO, NY, 'Europe/London', 'Australia/Lord_Howe', 'America/Santiago'),
        fc.integer({ min: Date.parse('2026-01-01T00:00:00Z'), max: Date.parse('2027-12-31T00:00:00Z') }),
        fc.option(fc.record({ start: time, end: time }), { nil: null }),
        fc.array(fc.tuple(fc.integer({ min: -3, max: 20 }), fc.integer({ min: 0, max: 6 })), { maxLength: 3 }),
        fc.array(fc.integer({ min: -3, max: 20 }), { maxLength: 5 }),
        time,
        (zone, atMs, quietHours, ranges, skips, morning) => {
          const at = new Date(atMs).toISOString();
          const today = localDateOf(at, zone);
          const s = schedule({
            quietHours,
            outOfOffice: ranges.map(([from, days]) => ({
              from: addDays(today, from),
              to: addDays(today, from + days),
            })),
            skipDates: skips.map((d) => addDays(today, d)),
          });
          const due = deliveryTime(s, zone, at, morning);
          expect(due >= at).toBe(true);
          expect(isInQuietHours(due, zone, quietHours)).toBe(false);
          const date = localDateOf(due, zone);
          expect(s.skipDates.includes(date) || s.outOfOffice.some((r) => r.from <= date && date <= r.to)).toBe(false);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('answers bad input with a validation error naming the field', () => {
    for (const [args, path] of [
      [[schedule(), 'Tokyo', '2026-11-24T00:00:00Z'], 'timeZone'],
      [[schedule(), TOKYO, 'tomorrow'], 'at'],
      [[schedule(), TOKYO, '2026-11-24T00:00:00Z', '9:00'], 'morning'],
      [
        [{ ...schedule(), quietHours: { start: '25:00', end: '07:00' } }, TOKYO, '2026-11-24T00:00:00Z'],
        'schedule.quietHours.start',
      ],
    ] as const) {
      try {
        deliveryTime(...(args as unknown as [unknown, unknown, unknown, unknown]));
        expect.unreachable();
      } catch (error) {
        expect(isReboundError(error) && error.code).toBe('validation');
        expect(isReboundError(error) && error.fields.map((f) => f.path)).toContain(path);
      }
    }
  });
});
