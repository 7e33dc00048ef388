import { z } from 'zod';
import { checkInSchema } from '../../records/check-in';
import { idSchema, instantSchema, timeZoneSchema } from '../../records/primitives';
import { rejectionLogSchema } from '../../records/rejection-log';
import { scheduleSchema } from '../../records/share';
import { isPromptCatalog, type PromptCatalog } from './prompt-schema';

export const promptTriggerSchema = z.discriminatedUnion('kind', [
  /** A scheduled (or on-demand) check-in: 2-3 prompts. */
  z.strictObject({ kind: z.literal('check-in') }),
  /** The acknowledgement right after the rep logged a rejection: one prompt about that log. */
  z.strictObject({ kind: z.literal('log'), log: rejectionLogSchema }),
]);
export type PromptTrigger = z.infer<typeof promptTriggerSchema>;

export const askedPromptSchema = z.strictObject({
  promptId: z.string().min(1).max(100),
  askedAt: instantSchema,
});

const contextSchema = z.strictObject({
  /** The moment of selection (injected: core reads no clock). */
  now: instantSchema,
  /** The rep's IANA time zone: "today", "the last two days" and weeks are the rep's own. */
  timeZone: timeZoneSchema,
  /** First month of the team's fiscal year (April by default). */
  fiscalYearStartMonth: z.number().int().min(1).max(12).default(4),
  /** Whose prompts these are; used only to rotate prompts between people. Defaults to the records' author. */
  personId: idSchema.optional(),
  recentLogs: z.array(rejectionLogSchema).max(1000).default([]),
  recentCheckIns: z.array(checkInSchema).max(500).default([]),
  /** Prompts already put to the rep (answered or not). Answered ones are also read from the check-ins. */
  recentlyAsked: z.array(askedPromptSchema).max(2000).default([]),
  /**
   * Prompts already put to the rep for this same request (the check-in of this period shown again, as a
   * reminder or on demand; the same log): asked again first where they still fit, cool-down or not, so that
   * one check-in does not change its questions.
   */
  repeat: z.array(z.string().min(1).max(100)).max(10).default([]),
  schedule: scheduleSchema.optional(),
  catalog: z.custom<PromptCatalog>(isPromptCatalog, { message: 'catalog' }).optional(),
  trigger: promptTriggerSchema.default({ kind: 'check-in' }),
  /** How many prompts to choose: 2 for a check-in unless set; 1 after logging a rejection unless set. */
  count: z.number().int().min(1).max(3).optional(),
});

/**
 * The context of `selectPrompts`: whole stored records, each checked against its core record schema, and
 * unknown fields refused at every level. Compiled once (`z.compile`): on valid input zod runs a generated
 * parser, about four times faster than walking the schema, which most of the time `selectPrompts` spent;
 * on invalid input it falls back to the ordinary parse, so errors and their field paths are the same.
 * `selection-context.test.ts` checks that both agree, value for value and issue for issue.
 */
export const promptSelectionContextSchema = z.compile(contextSchema);
/** The same schema without the generated parser (tests compare the two; not exported from the package). */
export const uncompiledSelectionContextSchema = contextSchema;
export type PromptSelectionContext = z.input<typeof promptSelectionContextSchema>;
export type ParsedSelectionContext = z.output<typeof promptSelectionContextSchema>;
