import { z } from 'zod';
import { periodOf } from '../calendar/periods';
import { answerPreferenceSchema, cadenceSchema, visibilitySchema } from './enums';
import { LIMITS } from './person';
import { idSchema, instantSchema, optionalText, ratingSchema, tenantIdSchema, text } from './primitives';

/**
 * Daily check-ins are keyed by the rep's local date, weekly ones by ISO week (`2026-W48`). Only days and weeks
 * that exist: no `2026-99-99`, no `2026-W00`, and `W53` only in a year that has 53 weeks.
 */
export const periodKeySchema = z.string().refine((key) => periodOf(key) !== null, { message: 'period-key' });

export const promptAnswerSchema = z.strictObject({
  promptId: z.string().min(1).max(100),
  /** Text answers are bounded text; scale answers 1-5; choice answers the chosen option id. */
  answer: z.union([text(LIMITS.answerText), ratingSchema]).nullable(),
});
export type PromptAnswer = z.infer<typeof promptAnswerSchema>;

export const checkInSchema = z.strictObject({
  tenantId: tenantIdSchema,
  id: idSchema,
  authorId: idSchema,
  cadence: cadenceSchema,
  periodKey: periodKeySchema,
  answers: z.array(promptAnswerSchema).max(5),
  pressure: ratingSchema,
  energy: ratingSchema,
  /** "How did the last period go for me" (a feeling, never revenue). */
  lastPeriodRating: ratingSchema.optional(),
  /** "Do I feel on track" (1 = far from it, 5 = yes). */
  onTrack: ratingSchema.optional(),
  permissionToNotSell: z.boolean(),
  supportRequested: z.boolean(),
  answerPreference: answerPreferenceSchema.optional(),
  note: optionalText(LIMITS.longText),
  visibility: visibilitySchema,
  submittedAt: instantSchema,
  updatedAt: instantSchema,
});
export type CheckIn = z.infer<typeof checkInSchema>;
