import { z } from 'zod';
import { itemKindSchema } from './enums';
import { LIMITS } from './person';
import { idSchema, instantSchema, localDateSchema, localTimeSchema, tenantIdSchema, text } from './primitives';
import { weekdaySchema } from './team';

export const SHARED_VISIBILITIES = ['manager', 'team', 'team-anonymous'] as const;

/**
 * One act of sharing: the exact people who may see the item from that moment, recorded then. A manager who
 * joins later is not in it; withdrawing sets `withdrawnAt` and removes access.
 */
export const shareSchema = z.strictObject({
  tenantId: tenantIdSchema,
  id: idSchema,
  itemKind: itemKindSchema,
  itemId: idSchema,
  ownerId: idSchema,
  visibility: z.enum(SHARED_VISIBILITIES),
  audience: z.array(idSchema).max(5000),
  /** Teams whose channel gets a story (team visibilities only). */
  teamIds: z.array(idSchema).max(100),
  sharedAt: instantSchema,
  withdrawnAt: instantSchema.nullable(),
});
export type Share = z.infer<typeof shareSchema>;

export const toneCategorySchema = z.enum([
  'comparison',
  'blame',
  'numbers-pressure',
  'dismissing-feelings',
  'empty-exhortation',
]);
export type ToneCategory = z.infer<typeof toneCategorySchema>;

export const managerReplySchema = z.strictObject({
  tenantId: tenantIdSchema,
  id: idSchema,
  managerId: idSchema,
  repId: idSchema,
  itemKind: itemKindSchema,
  itemId: idSchema,
  templateId: z.string().max(100).nullable(),
  text: text(LIMITS.replyText),
  /** Categories the tone check found in the text that was sent (the manager may send anyway). */
  toneFindings: z.array(toneCategorySchema).max(50),
  sentAt: instantSchema,
});
export type ManagerReply = z.infer<typeof managerReplySchema>;

export const dateRangeSchema = z
  .strictObject({ from: localDateSchema, to: localDateSchema })
  .refine((r) => r.from <= r.to, { message: 'date-range', path: ['to'] });

export const scheduleSchema = z.strictObject({
  tenantId: tenantIdSchema,
  personId: idSchema,
  /** Off until the rep opts in. Nothing is sent to someone who did not. */
  enabled: z.boolean(),
  cadence: z.enum(['daily', 'weekly']),
  checkInDays: z.array(weekdaySchema).max(7),
  checkInTime: localTimeSchema,
  quietHours: z.strictObject({ start: localTimeSchema, end: localTimeSchema }).nullable(),
  snoozeUntil: instantSchema.nullable(),
  outOfOffice: z.array(dateRangeSchema).max(50),
  skipDates: z.array(localDateSchema).max(366),
  /** At most one gentle reminder for an unanswered check-in; off by default. */
  reminderAfterHours: z.number().int().min(1).max(72).nullable(),
  updatedAt: instantSchema,
});
export type Schedule = z.infer<typeof scheduleSchema>;
