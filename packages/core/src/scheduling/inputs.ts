import { z } from 'zod';
import { periodKeySchema } from '../records/check-in';
import { instantSchema, localTimeSchema, timeZoneSchema } from '../records/primitives';
import { rejectionLogSchema } from '../records/rejection-log';
import { scheduleSchema } from '../records/share';
import { teamSchema } from '../records/team';

/** Longest window `checkInsDueBetween` looks at; a scheduler catching up after a long outage asks in steps. */
export const MAX_WINDOW_DAYS = 400;
const MAX_WINDOW_MS = MAX_WINDOW_DAYS * 86_400_000;

export const nextCheckInInput = z.strictObject({
  schedule: scheduleSchema,
  timeZone: timeZoneSchema,
  now: instantSchema,
});

const windowShape = { from: instantSchema, to: instantSchema };
function checkWindow(w: { from: string; to: string }, ctx: z.RefinementCtx, end = 'to'): void {
  const span = Date.parse(w.to) - Date.parse(w.from);
  if (span < 0) ctx.addIssue({ code: 'custom', message: 'date-range', path: [end] });
  else if (span > MAX_WINDOW_MS) {
    ctx.addIssue({
      code: 'too_big',
      origin: 'number',
      maximum: MAX_WINDOW_DAYS,
      inclusive: true,
      path: [end],
      input: w.to,
    });
  }
}

export const checkInsDueBetweenInput = z
  .strictObject({ schedule: scheduleSchema, timeZone: timeZoneSchema, ...windowShape })
  .superRefine(checkWindow);

export const dueCheckInsInput = z
  .strictObject({
    entries: z.array(z.strictObject({ schedule: scheduleSchema, timeZone: timeZoneSchema })).max(100_000),
    since: instantSchema,
    now: instantSchema,
  })
  .superRefine((w, ctx) => checkWindow({ from: w.since, to: w.now }, ctx, 'now'));

export const checkInReminderInput = z.strictObject({
  schedule: scheduleSchema,
  timeZone: timeZoneSchema,
  sentAt: instantSchema,
  answered: z.boolean(),
  now: instantSchema,
  periodKey: periodKeySchema.optional(),
});

export const nextStepReminderInput = z.strictObject({
  log: rejectionLogSchema,
  timeZone: timeZoneSchema,
  now: instantSchema,
  reminderTime: localTimeSchema,
  /** The rep's schedule: quiet hours, skip dates and days away hold the reminder back. */
  schedule: scheduleSchema.nullable(),
});

export const deliveryTimeInput = z.strictObject({
  schedule: scheduleSchema.nullable(),
  timeZone: timeZoneSchema,
  at: instantSchema,
  morning: localTimeSchema,
});

export const nextDigestInput = z.strictObject({ team: teamSchema, now: instantSchema });
