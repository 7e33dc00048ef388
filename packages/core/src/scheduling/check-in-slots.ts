import { addDays, isoWeekKey, localDateOf, startOfIsoWeek, weekdayOf, zonedTimeToInstant } from '../calendar/calendar';
import { dateOfDayNumber, localDayNumber } from '../calendar/local-days';
import { parseInput } from '../errors';
import type { Instant, LocalDate } from '../records/primitives';
import type { Schedule } from '../records/share';
import { checkInsDueBetweenInput, dueCheckInsInput, nextCheckInInput } from './inputs';
import { scheduledDeliveryKey } from './keys';
import { quietPosition, wallClockOf } from './quiet-hours';

/** One scheduled check-in: when it is due and the period it asks about. */
export interface CheckInSlot {
  kind: 'check-in';
  tenantId: string;
  personId: string;
  /** The rep's local date for a daily check-in, the ISO week (`2026-W48`) for a weekly one. */
  periodKey: string;
  /** The rep's local date the check-in is sent on. */
  localDate: LocalDate;
  dueAt: Instant;
  /** `check-in:<tenantId>:<personId>:<periodKey>`, unique per period. */
  key: string;
}

/**
 * How far ahead `nextCheckIn` looks before answering null (a schedule whose every chosen day is skipped,
 * away, or inside quiet hours for two years has nothing due).
 */
export const SEARCH_HORIZON_DAYS = 731;

function isAway(schedule: Schedule, date: LocalDate): boolean {
  return schedule.skipDates.includes(date) || schedule.outOfOffice.some((r) => r.from <= date && date <= r.to);
}

/**
 * The check-in instant on a local date, or null when that date gives none. A chosen weekday that is not
 * skipped or away gets the check-in time; a time that does not exist that day (spring-forward gap) is read
 * forward. Quiet hours: a slot inside quiet hours that end later the same day moves to their end; a slot in
 * the evening part of quiet hours that cross midnight is skipped, because the next morning already belongs
 * to another day. Snooze: nothing before `snoozeUntil`.
 */
function instantOn(schedule: Schedule, timeZone: string, date: LocalDate): Instant | null {
  if (!schedule.checkInDays.includes(weekdayOf(date)) || isAway(schedule, date)) return null;
  let dueAt = zonedTimeToInstant(date, schedule.checkInTime, timeZone);
  const quiet = schedule.quietHours;
  if (quiet && quiet.start !== quiet.end) {
    // Judge quiet hours by the wall clock the slot really lands on (a gap may have moved it).
    const position = quietPosition(wallClockOf(dueAt, timeZone).time, quiet);
    if (position === 'ends-tomorrow') return null;
    if (position === 'ends-today') dueAt = zonedTimeToInstant(date, quiet.end, timeZone);
  }
  if (schedule.snoozeUntil && dueAt < schedule.snoozeUntil) return null;
  return dueAt;
}

function slot(schedule: Schedule, periodKey: string, localDate: LocalDate, dueAt: Instant): CheckInSlot {
  return {
    kind: 'check-in',
    tenantId: schedule.tenantId,
    personId: schedule.personId,
    periodKey,
    localDate,
    dueAt,
    key: scheduledDeliveryKey('check-in', schedule.tenantId, schedule.personId, periodKey),
  };
}

/**
 * Every slot of an (already validated) schedule from the local date `start` on, in time order, up to
 * `days` days later. Slots depend only on the schedule, never on when they are asked for, so two windows
 * that overlap agree on every slot. Weekly: the week's check-in is on the first chosen day of that ISO week
 * that gives a slot (a skipped, away or snoozed first day hands the week to the next chosen day).
 */
export function* slotsFrom(
  schedule: Schedule,
  timeZone: string,
  start: LocalDate,
  days: number,
): Generator<CheckInSlot> {
  if (!schedule.enabled || schedule.checkInDays.length === 0) return;
  const last = addDays(start, days);
  if (schedule.cadence === 'daily') {
    for (let date = start; date <= last; date = addDays(date, 1)) {
      const dueAt = instantOn(schedule, timeZone, date);
      if (dueAt) yield slot(schedule, date, date, dueAt);
    }
    return;
  }
  const weekdays = [...new Set(schedule.checkInDays)].sort((a, b) => a - b);
  for (let monday = startOfIsoWeek(start); monday <= last; monday = addDays(monday, 7)) {
    for (const weekday of weekdays) {
      const date = addDays(monday, weekday - 1);
      const dueAt = instantOn(schedule, timeZone, date);
      if (dueAt) {
        yield slot(schedule, isoWeekKey(date), date, dueAt);
        break;
      }
    }
  }
}

/**
 * The next check-in due at or after `now` (never before `snoozeUntil`), or null when the schedule is off,
 * has no chosen days, or nothing falls due within `SEARCH_HORIZON_DAYS`.
 */
export function nextCheckIn(schedule: unknown, timeZone: unknown, now: unknown): CheckInSlot | null {
  const input = parseInput(nextCheckInInput, { schedule, timeZone, now });
  const s = input.schedule;
  const from = s.snoozeUntil && s.snoozeUntil > input.now ? s.snoozeUntil : input.now;
  // Start a day early: in a zone behind UTC the local date of `from` may already hold a later slot.
  const start = addDays(localDateOf(from, input.timeZone), -1);
  for (const candidate of slotsFrom(s, input.timeZone, start, SEARCH_HORIZON_DAYS)) {
    if (candidate.dueAt >= input.now) return candidate;
  }
  return null;
}

function slotsBetween(schedule: Schedule, timeZone: string, from: Instant, to: Instant): CheckInSlot[] {
  // A slot lies on its own local day (quiet hours move it within the day), or just after it when a gap
  // reads it forward past midnight: the local dates from the day before `from` to the day of `to` hold
  // every slot in the window. `localDayNumber` keeps a scheduler tick over many reps cheap.
  const first = localDayNumber(from, timeZone) - 1;
  const start = dateOfDayNumber(first);
  const days = localDayNumber(to, timeZone) - first;
  const out: CheckInSlot[] = [];
  for (const candidate of slotsFrom(schedule, timeZone, start, days)) {
    if (candidate.dueAt > to) break;
    if (candidate.dueAt > from) out.push(candidate);
  }
  return out;
}

/**
 * The check-ins that fell due after `from` and up to `to` (`from` excluded, `to` included), so a scheduler
 * that asks for (last tick, now] on every tick sees each slot once. The key still guards against a slot
 * being created twice when windows overlap or a process restarts.
 */
export function checkInsDueBetween(schedule: unknown, timeZone: unknown, from: unknown, to: unknown): CheckInSlot[] {
  const input = parseInput(checkInsDueBetweenInput, { schedule, timeZone, from, to });
  return slotsBetween(input.schedule, input.timeZone, input.from, input.to);
}

/** `checkInsDueBetween` for many people at once, ordered by due time (then key). */
export function dueCheckIns(
  entries: readonly { schedule: unknown; timeZone: unknown }[],
  since: unknown,
  now: unknown,
): CheckInSlot[] {
  const input = parseInput(dueCheckInsInput, { entries, since, now });
  return input.entries
    .flatMap((e) => slotsBetween(e.schedule, e.timeZone, input.since, input.now))
    .sort((a, b) => (a.dueAt < b.dueAt ? -1 : a.dueAt > b.dueAt ? 1 : a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
