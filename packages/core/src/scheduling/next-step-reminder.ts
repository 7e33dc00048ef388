import { addDays, startOfLocalDay, zonedTimeToInstant } from '../calendar/calendar';
import { parseInput } from '../errors';
import type { Instant, LocalDate } from '../records/primitives';
import { nextStepReminderInput } from './inputs';
import { scheduledDeliveryKey } from './keys';

export interface NextStepReminder {
  kind: 'next-step-reminder';
  tenantId: string;
  personId: string;
  logId: string;
  /** The next step's due date (the rep's local date). */
  periodKey: LocalDate;
  dueAt: Instant;
  /** `next-step-reminder:<tenantId>:<logId>`: one reminder per log. */
  key: string;
}

/**
 * The reminder for a log's next step: on its due date at `reminderTime` in the rep's zone. Null when the
 * step has no due date, when the log was written at or after that moment (the rep has it in mind right
 * now), or when the due day is already over at `now` (a reminder the day after is not a reminder).
 * A `dueAt` before `now` on the due day means "due now".
 */
export function nextStepReminderDue(
  log: unknown,
  timeZone: unknown,
  now: unknown,
  reminderTime: unknown = '09:00',
): NextStepReminder | null {
  const input = parseInput(nextStepReminderInput, { log, timeZone, now, reminderTime });
  const dueDate = input.log.nextStep?.dueDate;
  if (!dueDate) return null;
  const dueAt = zonedTimeToInstant(dueDate, input.reminderTime, input.timeZone);
  if (input.log.createdAt >= dueAt) return null;
  if (input.now >= startOfLocalDay(addDays(dueDate, 1), input.timeZone)) return null;
  return {
    kind: 'next-step-reminder',
    tenantId: input.log.tenantId,
    personId: input.log.authorId,
    logId: input.log.id,
    periodKey: dueDate,
    dueAt,
    key: scheduledDeliveryKey('next-step-reminder', input.log.tenantId, input.log.id),
  };
}
