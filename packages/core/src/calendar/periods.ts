import type { Cadence } from '../records/enums';
import type { LocalDate } from '../records/primitives';
import { addDays, isoWeekKey, startOfIsoWeek, weekdayOf } from './calendar';

/**
 * The earliest date Rebound accepts anywhere. Calendar arithmetic below year 100 would be wrong (`Date.UTC`
 * reads years 0-99 as 1900-1999), and no sales conversation worth logging happened before 1970.
 */
export const EARLIEST_DATE: LocalDate = '1970-01-01';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const WEEK = /^(\d{4})-W(\d{2})$/;

/** True for `YYYY-MM-DD` naming a day that exists, from `EARLIEST_DATE` on (no 2026-02-30, no 2026-99-99). */
export function isCalendarDate(value: string): boolean {
  const m = DATE.exec(value);
  if (!m || value < EARLIEST_DATE) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() + 1 === Number(m[2]) && d.getUTCDate() === Number(m[3]);
}

/** How many ISO weeks a year has: 53 when it starts on a Thursday, or on a Wednesday in a leap year. */
export function isoWeeksInYear(year: number): 52 | 53 {
  const jan1 = weekdayOf(`${String(year).padStart(4, '0')}-01-01`);
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return jan1 === 4 || (leap && jan1 === 3) ? 53 : 52;
}

/** Monday of an ISO week key (`2026-W48`), or null when the key names no week (W00, W54, W53 of a 52-week year). */
export function mondayOfIsoWeek(key: string): LocalDate | null {
  const m = WEEK.exec(key);
  if (!m) return null;
  const year = Number(m[1]);
  const week = Number(m[2]);
  if (year < 1970 || week < 1 || week > isoWeeksInYear(year)) return null;
  // 4 January is always in week 1.
  return addDays(startOfIsoWeek(`${m[1]}-01-04`), (week - 1) * 7);
}

/** A check-in period: its cadence and its days, `start` inclusive and `end` exclusive. */
export interface Period {
  cadence: Cadence;
  start: LocalDate;
  end: LocalDate;
}

/**
 * The period a check-in key names: a day that exists (`2026-11-24`, daily) or an ISO week that exists
 * (`2026-W48`, weekly). Null for anything else.
 */
export function periodOf(key: string): Period | null {
  if (key.length === 10) {
    return isCalendarDate(key) ? { cadence: 'daily', start: key, end: addDays(key, 1) } : null;
  }
  const monday = key.length === 8 ? mondayOfIsoWeek(key) : null;
  return monday ? { cadence: 'weekly', start: monday, end: addDays(monday, 7) } : null;
}

/** The key of the period of `cadence` that holds the local date `date`. */
export function periodKeyOf(date: LocalDate, cadence: Cadence): string {
  return cadence === 'weekly' ? isoWeekKey(date) : date;
}
