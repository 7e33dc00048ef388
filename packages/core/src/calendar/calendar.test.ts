import { describe, expect, it } from 'vitest';
import {
  addDays,
  daysLeftInFiscalQuarter,
  fiscalQuarterOf,
  fiscalYearOf,
  isoWeekKey,
  localDateOf,
  previousFiscalQuarter,
  startOfIsoWeek,
  zonedParts,
  zonedTimeToInstant,
} from './calendar';

describe('local dates', () => {
  it('reads the date in the person’s zone, not UTC', () => {
    // 2026-11-24 16:30 UTC is already the 25th in Tokyo and still the 24th in New York.
    expect(localDateOf('2026-11-24T16:30:00Z', 'Asia/Tokyo')).toBe('2026-11-25');
    expect(localDateOf('2026-11-24T16:30:00Z', 'America/New_York')).toBe('2026-11-24');
  });

  it('gives the same date as the wall clock for every second around a midnight daylight-saving jump', () => {
    // Santiago springs forward at local midnight: 2026-09-05 23:59:59 (-04) is followed by 2026-09-06 01:00
    // (-03). Asked second by second, forwards and then backwards, the date never lags the wall clock.
    const wallDate = (ms: number, zone: string) => {
      const p = zonedParts(ms, zone);
      return `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
    };
    const jump = Date.parse('2026-09-06T04:00:00Z');
    const seconds = Array.from({ length: 240 }, (_, i) => jump - 120_000 + i * 1000);
    for (const ms of [...seconds, ...seconds.reverse()]) {
      expect(localDateOf(ms, 'America/Santiago')).toBe(wallDate(ms, 'America/Santiago'));
    }
    expect(localDateOf('2026-09-06T03:59:59.999Z', 'America/Santiago')).toBe('2026-09-05');
    expect(localDateOf('2026-09-06T04:00:00Z', 'America/Santiago')).toBe('2026-09-06');
    // Before 1888 Tokyo kept local mean time (+9:18:59): its midnight fell one second into a UTC minute.
    expect(localDateOf('1887-05-31T14:41:00Z', 'Asia/Tokyo')).toBe('1887-05-31');
    expect(localDateOf('1887-05-31T14:41:01Z', 'Asia/Tokyo')).toBe('1887-06-01');
    expect(localDateOf('1887-05-31T14:41:00.500Z', 'Asia/Tokyo')).toBe('1887-05-31');
  });

  it('rejects an instant that is not a date, as the wall clock does', () => {
    expect(() => localDateOf('not a date', 'Asia/Tokyo')).toThrow(RangeError);
  });

  it('gives ISO weekdays and week keys across year ends', () => {
    expect(zonedParts('2026-11-23T03:00:00Z', 'Asia/Tokyo').weekday).toBe(1);
    expect(isoWeekKey('2026-11-24')).toBe('2026-W48');
    expect(isoWeekKey('2027-01-01')).toBe('2026-W53');
    expect(isoWeekKey('2025-12-29')).toBe('2026-W01');
    expect(startOfIsoWeek('2026-11-29')).toBe('2026-11-23');
  });

  it('adds days across month and leap-year boundaries', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });
});

describe('wall-clock times to instants', () => {
  it('maps Tokyo times without any daylight saving', () => {
    expect(zonedTimeToInstant('2026-11-24', '09:00', 'Asia/Tokyo')).toBe('2026-11-24T00:00:00.000Z');
  });

  it('follows New York across the spring-forward and fall-back changes', () => {
    expect(zonedTimeToInstant('2026-03-07', '09:00', 'America/New_York')).toBe('2026-03-07T14:00:00.000Z');
    expect(zonedTimeToInstant('2026-03-09', '09:00', 'America/New_York')).toBe('2026-03-09T13:00:00.000Z');
    // 02:30 does not exist on 2026-03-08: read forward by the hour that was skipped.
    expect(zonedTimeToInstant('2026-03-08', '02:30', 'America/New_York')).toBe('2026-03-08T07:30:00.000Z');
    // 01:30 happens twice on 2026-11-01: the earlier one (still daylight time) is chosen.
    expect(zonedTimeToInstant('2026-11-01', '01:30', 'America/New_York')).toBe('2026-11-01T05:30:00.000Z');
  });
});

describe('fiscal calendar', () => {
  it('starts the year in April by default convention and names it after its first year', () => {
    expect(fiscalYearOf('2027-02-10', 4)).toEqual({ fiscalYear: 2026, start: '2026-04-01', end: '2027-04-01' });
    expect(fiscalQuarterOf('2026-11-24', 4)).toEqual({
      fiscalYear: 2026,
      quarter: 3,
      start: '2026-10-01',
      end: '2027-01-01',
    });
    expect(fiscalQuarterOf('2027-03-31', 4).quarter).toBe(4);
  });

  it('works for calendar-year companies and finds the previous quarter', () => {
    const q1 = fiscalQuarterOf('2026-02-01', 1);
    expect(q1).toEqual({ fiscalYear: 2026, quarter: 1, start: '2026-01-01', end: '2026-04-01' });
    expect(previousFiscalQuarter(q1, 1)).toEqual({
      fiscalYear: 2025,
      quarter: 4,
      start: '2025-10-01',
      end: '2026-01-01',
    });
  });

  it('counts the days left in the quarter, the last day included', () => {
    expect(daysLeftInFiscalQuarter('2026-12-31', 4)).toBe(1);
    expect(daysLeftInFiscalQuarter('2026-12-25', 4)).toBe(7);
  });
});
