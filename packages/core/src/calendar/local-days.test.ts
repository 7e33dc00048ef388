import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { localDateOf } from './calendar';
import { dateOfDayNumber, dayNumberOf, localDayNumber } from './local-days';

const zones = [
  'Asia/Tokyo',
  'America/New_York',
  'Europe/London',
  'Australia/Lord_Howe', // half-hour daylight-saving shift
  'Asia/Kathmandu', // +05:45
  'Pacific/Chatham', // +12:45 / +13:45
  'America/St_Johns', // -03:30 with daylight saving
  'Africa/Casablanca', // daylight saving suspended for Ramadan
  'UTC',
];
// Days with a daylight-saving switch in at least one of the zones above.
const switchDays = ['2026-03-08', '2026-03-29', '2026-04-05', '2026-09-27', '2026-10-04', '2026-10-25', '2026-11-01'];

describe('local day numbers', () => {
  it('agree with localDateOf for any instant and zone, switch days included', () => {
    const anyInstant = fc.integer({ min: Date.parse('2020-01-01T00:00:00Z'), max: Date.parse('2030-12-31T00:00:00Z') });
    const nearSwitch = fc
      .tuple(fc.constantFrom(...switchDays), fc.integer({ min: -36 * 3_600_000, max: 36 * 3_600_000 }))
      .map(([day, delta]) => Date.parse(`${day}T00:00:00Z`) + delta);
    fc.assert(
      fc.property(fc.oneof(anyInstant, nearSwitch), fc.constantFrom(...zones), (ms, zone) => {
        expect(dateOfDayNumber(localDayNumber(ms, zone))).toBe(localDateOf(ms, zone));
      }),
      { numRuns: 3000 },
    );
  });

  it('turns dates into day numbers and back', () => {
    expect(dayNumberOf('1970-01-01')).toBe(0);
    expect(dayNumberOf('2026-11-24') - dayNumberOf('2026-11-17')).toBe(7);
    expect(dateOfDayNumber(dayNumberOf('2028-02-29'))).toBe('2028-02-29');
  });
});
