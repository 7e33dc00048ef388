import { addDays, startOfLocalDay, zonedTimeToInstant } from '../calendar/calendar';
import { parseInput } from '../errors';
import type { Instant, LocalDate } from '../records/primitives';
import { deliveryTimeOf } from './delivery-time';
import { nextStepReminderInput } from './inputs';
import { scheduledDeliveryKey } from './keys';

export interface NextStepReminder {
  kind: 'next-step-reminder';
  tenantId: string;
  personId: string;
  logId: string;
  /** The next step's due date (the rep's local date). */
  periodKey: LocalDate;
  /** The rule's own time: `reminderTime` on the due date in the rep's zone. Plan it from then on. */
  scheduledAt: Instant;
  /**
   * When it may reach the rep: `scheduledAt`, unless that is inside their quiet hours (then when they end) or
   * on a skip date or away day (then the first day back, at `reminderTime` or when quiet hours end).
   */
  dueAt: Instant;
  /** `next-step-reminder:<tenantId>:<logId>`: one reminder per log. */
  key: string;
}

/**
 * The reminder for a log's next step: on its due date at `reminderTime` in the rep's zone (`scheduledAt`).
 * Null when the step has no due date, when the log was written at or after that moment (the rep has it in
 * mind right now), or when the due day is already over at `now` (the reminder is planned on its day).
 * With the rep's `schedule`, `dueAt` respects their quiet hours, skip dates and days away (`deliveryTime`):
 * a reminder due on a day away reaches them on their first day back. A `dueAt` before `now` means "due now".
 */
export function nextStepReminderDue(
  log: unknown,
  timeZone: unknown,
  now: unknown,
  reminderTime: unknown = '09:00',
  schedule: unknown = null,
): NextStepReminder | null {
  const input = parseInput(nextStepReminderInput, { log, timeZone, now, reminderTime, schedule });
  const dueDate = input.log.nextStep?.dueDate;
  if (!dueDate) return null;
  const scheduledAt = zonedTimeToInstant(dueDate, input.reminderTime, input.timeZone);
  if (input.log.createdAt >= scheduledAt) return null;
  if (input.now >= startOfLocalDay(addDays(dueDate, 1), input.timeZone)) return null;
  return {
    kind: 'next-step-reminder',
    tenantId: input.log.tenantId,
    personId: input.log.authorId,
    logId: input.log.id,
    periodKey: dueDate,
    scheduledAt,
    dueAt: deliveryTimeOf(input.schedule, input.timeZone, scheduledAt, input.reminderTime),
    key: scheduledDeliveryKey('next-step-reminder', input.log.tenantId, input.log.id),
  };
}
