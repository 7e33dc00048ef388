import { describe, expect, it } from 'vitest';
import { addDays, isoWeekKey } from './calendar';
import { isCalendarDate, isoWeeksInYear, mondayOfIsoWeek, periodOf } from './periods';

describe('calendar dates', () => {
  it('accepts days that exist and nothing else', () => {
    for (const ok of ['2026-11-24', '2028-02-29', '2000-02-29', '1970-01-01', '9999-12-31']) {
      expect(isCalendarDate(ok), ok).toBe(true);
    }
    for (const bad of [
      '2026-99-99',
      '2026-02-29',
      '1900-02-29',
      '2026-04-31',
      '2026-00-10',
      '2026-13-01',
      '2026-11-00',
      '1969-12-31',
      '0050-01-01',
      '2026-1-1',
      '2026-11-24T00:00',
      '２０２６-11-24',
    ]) {
      expect(isCalendarDate(bad), bad).toBe(false);
    }
  });
});

describe('ISO weeks', () => {
  it('knows which years have a week 53', () => {
    // 2026 starts on a Thursday; 2020 is a leap year starting on a Wednesday; 2025 and 2027 have 52 weeks.
    expect([2020, 2025, 2026, 2027, 2032, 2037].map(isoWeeksInYear)).toEqual([53, 52, 53, 52, 53, 53]);
    // Cross-check against the week key of 28 December, which is always in the year's last week.
    for (let year = 1970; year <= 2100; year++) {
      expect(isoWeeksInYear(year), String(year)).toBe(Number(isoWeekKey(`${year}-12-28`).slice(6)));
    }
  });

  it('gives the Monday of every week that exists and null for weeks that do not', () => {
    expect(mondayOfIsoWeek('2026-W01')).toBe('2025-12-29');
    expect(mondayOfIsoWeek('2026-W48')).toBe('2026-11-23');
    expect(mondayOfIsoWeek('2026-W53')).toBe('2026-12-28');
    for (const bad of ['2026-W00', '2026-W54', '2025-W53', '2027-W53', '1969-W10', '2026-W4', '2026-w48', 'W48']) {
      expect(mondayOfIsoWeek(bad), bad).toBeNull();
    }
  });
});

describe('check-in periods', () => {
  it('reads a day or a week, with its days', () => {
    expect(periodOf('2026-11-24')).toEqual({ cadence: 'daily', start: '2026-11-24', end: '2026-11-25' });
    expect(periodOf('2026-W53')).toEqual({ cadence: 'weekly', start: '2026-12-28', end: '2027-01-04' });
  });

  it('refuses keys that look right but name no day or week', () => {
    for (const bad of ['2026-99-99', '2026-02-30', '2025-W53', '2026-W00', '2026-W99', '', '2026-11', 'constructor']) {
      expect(periodOf(bad), bad).toBeNull();
    }
  });

  it('agrees with isoWeekKey for every day of several years', () => {
    for (let day = '2024-01-01'; day < '2029-01-01'; day = addDays(day, 1)) {
      const week = periodOf(isoWeekKey(day));
      expect(week && week.start <= day && day < week.end, day).toBe(true);
    }
  });
});
