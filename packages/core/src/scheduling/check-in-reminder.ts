import { addDays, isoWeekKey, localDateOf } from '../calendar/calendar';
import { parseInput } from '../errors';
import type { Instant } from '../records/primitives';
import { slotsFrom } from './check-in-slots';
import { checkInReminderInput } from './inputs';
import { scheduledDeliveryKey } from './keys';
import { endOfQuietHours } from './quiet-hours';

export interface CheckInReminder {
  kind: 'check-in-reminder';
  tenantId: string;
  personId: string;
  periodKey: string;
  dueAt: Instant;
  /** `check-in-reminder:<tenantId>:<personId>:<periodKey>`: one reminder per period at most. */
  key: string;
}

const HOUR = 3_600_000;

/**
 * The one gentle reminder for a check-in sent at `sentAt`, or null. There is none unless the rep turned
 * reminders on (`reminderAfterHours`), the schedule is still on and the check-in is unanswered. It is due
 * `reminderAfterHours` after the send; inside quiet hours it moves to their end (the next morning if need
 * be). It is dropped when it would land on a skipped or away day, while check-ins are paused (snooze), or
 * at or after the next check-in (that one asks again anyway) — also when `now` has already reached that
 * next check-in, so a scheduler catching up after an outage does not send stale reminders.
 *
 * `periodKey` is the period of the check-in that was sent (the delivery's `periodKey`); without it the
 * period is read from `sentAt` in the rep's zone.
 */
export function checkInReminder(
  schedule: unknown,
  timeZone: unknown,
  sentAt: unknown,
  answered: unknown,
  now: unknown,
  periodKey?: unknown,
): CheckInReminder | null {
  const input = parseInput(checkInReminderInput, { schedule, timeZone, sentAt, answered, now, periodKey });
  const s = input.schedule;
  const zone = input.timeZone;
  if (!s.enabled || s.reminderAfterHours === null || input.answered) return null;

  const sentDate = localDateOf(input.sentAt, zone);
  const period = input.periodKey ?? (s.cadence === 'weekly' ? isoWeekKey(sentDate) : sentDate);
  const dueAt = endOfQuietHours(
    new Date(Date.parse(input.sentAt) + s.reminderAfterHours * HOUR).toISOString(),
    zone,
    s.quietHours,
  );
  const dueDate = localDateOf(dueAt, zone);
  if (s.skipDates.includes(dueDate) || s.outOfOffice.some((r) => r.from <= dueDate && dueDate <= r.to)) return null;
  if (s.snoozeUntil && dueAt < s.snoozeUntil) return null;

  // The reminder (72 h at most, plus a night of quiet hours) only has to be weighed against check-ins in
  // the days right after the send.
  for (const next of slotsFrom(s, zone, addDays(sentDate, -1), 12)) {
    if (next.dueAt <= input.sentAt || next.periodKey === period) continue;
    if (dueAt >= next.dueAt || input.now >= next.dueAt) return null;
    break;
  }
  return {
    kind: 'check-in-reminder',
    tenantId: s.tenantId,
    personId: s.personId,
    periodKey: period,
    dueAt,
    key: scheduledDeliveryKey('check-in-reminder', s.tenantId, s.personId, period),
  };
}
