import { addDays, localDateOf } from '../calendar/calendar';
import { EARLIEST_DATE, periodOf } from '../calendar/periods';
import { type FieldError, ReboundError } from '../errors';
import type { Cadence } from '../records/enums';
import type { LocalDate } from '../records/primitives';

/** How far ahead a plan may be dated: a next step, away dates, skip dates, a pause. */
export const PLANNING_HORIZON_DAYS = 730;

/**
 * One date to check, as a local date of the person. `latest` is either today (for what already happened) or
 * the end of the planning horizon; `earliest` defaults to `EARLIEST_DATE`.
 */
export interface DateCheck {
  /** The field, as the error names it (`nextStep.dueDate`, `schedule.skipDates.2`). */
  path: string;
  date: LocalDate | null | undefined;
  earliest?: LocalDate;
  latest?: { date: LocalDate; isToday: boolean };
}

/** The person's calendar: today in their zone, and the dates the rules compare with. */
export interface PersonCalendar {
  today: LocalDate;
  zone: string;
  /** The local date of an instant, in the person's zone. */
  dateOf(instant: string): LocalDate;
  /** Today, as the latest date something that already happened can have. */
  readonly upToToday: { date: LocalDate; isToday: true };
  /** The last day a plan may be dated. */
  readonly horizon: { date: LocalDate; isToday: false };
}

export function personCalendar(now: string, zone: string): PersonCalendar {
  const today = localDateOf(now, zone);
  return {
    today,
    zone,
    dateOf: (instant) => localDateOf(instant, zone),
    upToToday: { date: today, isToday: true },
    horizon: { date: addDays(today, PLANNING_HORIZON_DAYS), isToday: false },
  };
}

/**
 * Refuses, with one `validation` error naming every field, dates before `EARLIEST_DATE` (or the check's own
 * earliest) and after the check's latest date. Dates left out (null, undefined) are not checked.
 */
export function checkDates(checks: readonly DateCheck[]): void {
  const fields: FieldError[] = [];
  for (const { path, date, earliest, latest } of checks) {
    if (!date) continue;
    const min = earliest !== undefined && earliest > EARLIEST_DATE ? earliest : EARLIEST_DATE;
    if (date < min) {
      fields.push({ path, messageKey: 'validation.date-too-early', params: { min } });
    } else if (latest && date > latest.date) {
      const messageKey = latest.isToday ? 'validation.date-after-today' : 'validation.date-too-late';
      fields.push({ path, messageKey, params: { max: latest.date } });
    }
  }
  if (fields.length > 0) throw new ReboundError('validation', 'error.validation', { fields });
}

/**
 * A check-in's period: it must be of the check-in's cadence (a day for daily ones, a week for weekly ones) and
 * must not start after today. The key itself was already checked (`periodKeySchema`).
 */
export function checkPeriod(calendar: PersonCalendar, periodKey: string, cadence: Cadence): void {
  const period = periodOf(periodKey);
  if (!period || period.cadence !== cadence) {
    throw new ReboundError('validation', 'error.validation', {
      fields: [{ path: 'periodKey', messageKey: 'validation.period-key', params: {} }],
    });
  }
  checkDates([{ path: 'periodKey', date: period.start, latest: calendar.upToToday }]);
}
