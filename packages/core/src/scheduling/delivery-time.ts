import { addDays, localDateOf, zonedTimeToInstant } from '../calendar/calendar';
import { parseInput } from '../errors';
import type { Instant, LocalDate, LocalTime } from '../records/primitives';
import type { Schedule } from '../records/share';
import { deliveryTimeInput } from './inputs';
import { endOfQuietHours } from './quiet-hours';

/** When a message moved off a skipped or away day arrives on the first day back (before quiet hours). */
export const DEFAULT_MORNING: LocalTime = '09:00';

/** The last day the calendar can name: someone away past it is not back within it. */
const LAST_DATE: LocalDate = '9999-12-31';

/**
 * The first moment at or after `at` when a message may reach a person, by their own schedule: never inside
 * their quiet hours (it waits until they end) and never on one of their skip dates or away (out-of-office)
 * days (it waits for the first day that is neither, at `morning`, or when quiet hours end if `morning` is
 * inside them). These are the person's own hours, so they apply whether or not scheduled check-ins are on;
 * snooze does not (it pauses check-ins, not what other people send). Without a schedule: `at` itself.
 *
 * Someone away until the calendar's last day gets the message on that day: in practice, never.
 *
 * @throws ReboundError `validation` when an input is not valid.
 */
export function deliveryTime(
  schedule: unknown,
  timeZone: unknown,
  at: unknown,
  morning: unknown = DEFAULT_MORNING,
): Instant {
  const input = parseInput(deliveryTimeInput, { schedule, timeZone, at, morning });
  return deliveryTimeOf(input.schedule, input.timeZone, input.at, input.morning);
}

/** `deliveryTime` on inputs already validated (stored records, the service's clock). */
export function deliveryTimeOf(
  schedule: Pick<Schedule, 'quietHours' | 'outOfOffice' | 'skipDates'> | null,
  timeZone: string,
  at: Instant,
  morning: LocalTime = DEFAULT_MORNING,
): Instant {
  if (!schedule || !holdsBack(schedule)) return at;
  let t = at;
  // Each round either answers or moves `t` later to a day back or past quiet hours; quiet hours are shorter
  // than a day, so a few rounds settle it. The bound only guards against a mistake here looping forever.
  for (let round = 0; round < 64; round++) {
    const date = localDateOf(t, timeZone);
    const back = firstDayBack(schedule, date);
    if (back !== date) t = zonedTimeToInstant(back, morning, timeZone);
    const after = endOfQuietHours(t, timeZone, schedule.quietHours);
    if (after === t) return t;
    t = after;
  }
  return t;
}

/** Whether the schedule holds anything back at all (most have no quiet hours and no days away). */
export function holdsBack(s: Pick<Schedule, 'quietHours' | 'outOfOffice' | 'skipDates'>): boolean {
  return (
    (s.quietHours !== null && s.quietHours.start !== s.quietHours.end) ||
    s.outOfOffice.length > 0 ||
    s.skipDates.length > 0
  );
}

/** `date` itself, or the first later date that is neither a skip date nor inside an away range. */
function firstDayBack(s: Pick<Schedule, 'outOfOffice' | 'skipDates'>, date: LocalDate): LocalDate {
  let d = date;
  // Every step passes one range or one skip date, so this ends within their number of steps.
  for (;;) {
    const range = s.outOfOffice.find((r) => r.from <= d && d <= r.to);
    if (range) {
      if (range.to >= LAST_DATE) return LAST_DATE;
      d = addDays(range.to, 1);
    } else if (s.skipDates.includes(d)) {
      if (d >= LAST_DATE) return LAST_DATE;
      d = addDays(d, 1);
    } else {
      return d;
    }
  }
}
