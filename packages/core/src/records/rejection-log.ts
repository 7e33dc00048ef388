import { z } from 'zod';
import {
  answerPreferenceSchema,
  feelingSchema,
  nextStepKindSchema,
  outcomeKindSchema,
  reasonCategorySchema,
  salesStageSchema,
  visibilitySchema,
} from './enums';
import { LIMITS } from './person';
import { idSchema, instantSchema, localDateSchema, optionalText, tenantIdSchema, text } from './primitives';

export const nextStepSchema = z.strictObject({
  kind: nextStepKindSchema,
  note: optionalText(LIMITS.note),
  /** The rep's local date for the next step; a reminder is sent on that day. */
  dueDate: localDateSchema.optional(),
});
export type NextStep = z.infer<typeof nextStepSchema>;

export const rejectionLogSchema = z.strictObject({
  tenantId: tenantIdSchema,
  id: idSchema,
  authorId: idSchema,
  occurredAt: instantSchema,
  /** Free text; may be a pseudonym ("the bakery in Shibuya"). */
  customerLabel: text(LIMITS.customerLabel),
  stage: salesStageSchema,
  askedWhy: z.boolean(),
  reason: reasonCategorySchema,
  customerWords: optionalText(LIMITS.longText),
  discovery: optionalText(LIMITS.longText),
  nextStep: nextStepSchema.optional(),
  feeling: feelingSchema.optional(),
  learned: optionalText(LIMITS.longText),
  /** How the rep would like this one answered, if shared; it wins over their standing setting. */
  answerPreference: answerPreferenceSchema.optional(),
  visibility: visibilitySchema,
  createdAt: instantSchema,
  updatedAt: instantSchema,
});
export type RejectionLog = z.infer<typeof rejectionLogSchema>;

/** A later result linked to a log. */
export const outcomeSchema = z.strictObject({
  tenantId: tenantIdSchema,
  id: idSchema,
  logId: idSchema,
  authorId: idSchema,
  kind: outcomeKindSchema,
  occurredOn: localDateSchema,
  note: optionalText(LIMITS.note),
  recordedAt: instantSchema,
});
export type Outcome = z.infer<typeof outcomeSchema>;
