import { BoundedMap } from '../cache/bounded-map';
import type { LocalDate, LocalTime } from '../records/primitives';

/** How many time zones the calendar's memos keep (the zones of the people being served; bounded). */
export const ZONES_REMEMBERED = 500;

/** Wall-clock fields of an instant in a time zone. `weekday` is ISO: 1 = Monday ... 7 = Sunday. */
export interface ZonedParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  weekday: number;
}

/** One formatter per zone in use (zone names are spelled in any case, so bounded: a request picks them). */
const formatters = new BoundedMap<string, Intl.DateTimeFormat>(ZONES_REMEMBERED);
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  return formatters.getOrSet(
    timeZone,
    () =>
      new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      }),
  );
}

function toDate(instant: Date | string | number): Date {
  return instant instanceof Date ? instant : new Date(instant);
}

export function zonedParts(instant: Date | string | number, timeZone: string): ZonedParts {
  const fields: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(toDate(instant))) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  const year = fields.year!;
  const month = fields.month!;
  const day = fields.day!;
  return {
    year,
    month,
    day,
    hour: fields.hour!,
    minute: fields.minute!,
    second: fields.second!,
    weekday: weekdayOf(formatDate(year, month, day)),
  };
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function formatDate(year: number, month: number, day: number): LocalDate {
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

function dateToUtcMs(date: LocalDate): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d);
}

function utcMsToDate(ms: number): LocalDate {
  const d = new Date(ms);
  return formatDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

function dateAt(instant: Date | number, timeZone: string): LocalDate {
  const p = zonedParts(instant, timeZone);
  return formatDate(p.year, p.month, p.day);
}

/**
 * The date last asked for in each zone, for the whole UTC minute it holds in: every use case that dates
 * something asks about "now", and reading the wall clock through `Intl` costs more than the rest of the date
 * arithmetic. A minute is cached only when its first and last millisecond show the same date (local midnight
 * and daylight-saving transitions fall on whole minutes in today's zones; the check keeps the odd historical
 * offset with seconds correct too).
 */
const minuteDates = new BoundedMap<string, { minute: number; date: LocalDate }>(ZONES_REMEMBERED);

/** The person's calendar date at `instant`. */
export function localDateOf(instant: Date | string | number, timeZone: string): LocalDate {
  const date = toDate(instant);
  const ms = date.getTime();
  if (!Number.isFinite(ms)) return dateAt(date, timeZone);
  const minute = Math.floor(ms / 60_000);
  const cached = minuteDates.get(timeZone);
  if (cached !== undefined && cached.minute === minute) return cached.date;
  const first = dateAt(minute * 60_000, timeZone);
  if (first !== dateAt(minute * 60_000 + 59_999, timeZone)) return dateAt(ms, timeZone);
  minuteDates.set(timeZone, { minute, date: first });
  return first;
}

export function addDays(date: LocalDate, days: number): LocalDate {
  return utcMsToDate(dateToUtcMs(date) + days * 86_400_000);
}

/** Whole days from `a` to `b` (positive when `b` is later). */
export function daysBetween(a: LocalDate, b: LocalDate): number {
  return Math.round((dateToUtcMs(b) - dateToUtcMs(a)) / 86_400_000);
}

export function weekdayOf(date: LocalDate): number {
  const js = new Date(dateToUtcMs(date)).getUTCDay();
  return js === 0 ? 7 : js;
}

/** ISO 8601 week key of a date, e.g. `2026-W48`. */
export function isoWeekKey(date: LocalDate): string {
  const thursday = addDays(date, 4 - weekdayOf(date));
  const year = Number(thursday.slice(0, 4));
  const week = Math.floor(daysBetween(`${pad(year, 4)}-01-01`, thursday) / 7) + 1;
  return `${pad(year, 4)}-W${pad(week)}`;
}

/** Monday of the ISO week containing `date`. */
export function startOfIsoWeek(date: LocalDate): LocalDate {
  return addDays(date, 1 - weekdayOf(date));
}

/** How far the zone's wall clock is ahead of UTC at an instant, in milliseconds. */
export function zoneOffsetMs(instantMs: number, timeZone: string): number {
  const p = zonedParts(instantMs, timeZone);
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - Math.floor(instantMs / 1000) * 1000;
}

/**
 * The instant when the wall clock in `timeZone` shows `date` `time`. In a daylight-saving gap (a time that
 * does not exist that day) the clock is read forward by the gap, as calendars do; in an overlap (a time that
 * happens twice) the earlier instant is returned.
 */
export function zonedTimeToInstant(date: LocalDate, time: LocalTime, timeZone: string): string {
  const [h, m] = time.split(':').map(Number) as [number, number];
  const wall = dateToUtcMs(date) + (h * 60 + m) * 60_000;
  const first = wall - zoneOffsetMs(wall, timeZone);
  const second = wall - zoneOffsetMs(first, timeZone);
  // Two candidates differ only around a transition: prefer the earlier one that shows the asked wall time.
  const candidates = [Math.min(first, second), Math.max(first, second)];
  for (const c of candidates) {
    if (c + zoneOffsetMs(c, timeZone) === wall) return new Date(c).toISOString();
  }
  // In a gap neither matches: the wall time does not exist, so move forward by the gap.
  return new Date(Math.max(first, second)).toISOString();
}

/** The instant the local day `date` starts in `timeZone`. */
export function startOfLocalDay(date: LocalDate, timeZone: string): string {
  return zonedTimeToInstant(date, '00:00', timeZone);
}

export interface FiscalPeriod {
  /** Fiscal years are named after the calendar year they start in (2026年度 starts April 2026). */
  fiscalYear: number;
  /** First day, inclusive. */
  start: LocalDate;
  /** Day after the last day (exclusive end). */
  end: LocalDate;
}

export interface FiscalQuarter extends FiscalPeriod {
  quarter: 1 | 2 | 3 | 4;
}

function monthStart(year: number, month: number): LocalDate {
  const y = year + Math.floor((month - 1) / 12);
  const mo = (((month - 1) % 12) + 12) % 12;
  return formatDate(y, mo + 1, 1);
}

export function fiscalYearOf(date: LocalDate, startMonth: number): FiscalPeriod {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const fiscalYear = month >= startMonth ? year : year - 1;
  return { fiscalYear, start: monthStart(fiscalYear, startMonth), end: monthStart(fiscalYear + 1, startMonth) };
}

export function fiscalQuarterOf(date: LocalDate, startMonth: number): FiscalQuarter {
  const fy = fiscalYearOf(date, startMonth);
  const month = Number(date.slice(5, 7));
  const monthsIn = (month - startMonth + 12) % 12;
  const quarter = (Math.floor(monthsIn / 3) + 1) as 1 | 2 | 3 | 4;
  const first = startMonth + (quarter - 1) * 3;
  return {
    fiscalYear: fy.fiscalYear,
    quarter,
    start: monthStart(fy.fiscalYear, first),
    end: monthStart(fy.fiscalYear, first + 3),
  };
}

export function previousFiscalQuarter(quarter: FiscalQuarter, startMonth: number): FiscalQuarter {
  return fiscalQuarterOf(addDays(quarter.start, -1), startMonth);
}

/** Days left in the fiscal quarter containing `date`, counting `date` itself (1 on the last day). */
export function daysLeftInFiscalQuarter(date: LocalDate, startMonth: number): number {
  return daysBetween(date, fiscalQuarterOf(date, startMonth).end);
}
