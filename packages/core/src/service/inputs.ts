import { z } from 'zod';
import { periodKeySchema, promptAnswerSchema } from '../records/check-in';
import {
  answerPreferenceSchema,
  cadenceSchema,
  itemKindSchema,
  outcomeKindSchema,
  visibilitySchema,
} from '../records/enums';
import { LIMITS } from '../records/person';
import {
  idSchema,
  instantSchema,
  localDateSchema,
  localeSchema,
  localTimeSchema,
  optionalText,
  ratingSchema,
  tenantIdSchema,
  text,
  timeZoneSchema,
} from '../records/primitives';
import { rejectionLogSchema } from '../records/rejection-log';
import { dateRangeSchema } from '../records/share';
import { weekdaySchema } from '../records/team';

/** Who is acting: always the authenticated person, never an id taken from a payload. */
export const actorSchema = z.strictObject({ tenantId: tenantIdSchema, personId: idSchema });
export type Actor = z.infer<typeof actorSchema>;

/**
 * Parsed on every turn (and check-in) are compiled once with zod's `z.compile`: valid input runs a generated
 * parser (3-6x faster than walking the schema); invalid input falls back to the ordinary parse, so errors and
 * their paths are the same (`compiled-inputs.test.ts` holds them to the plain schemas).
 */
export const registerPersonInput = z.compile(
  z.strictObject({
    displayName: text(LIMITS.displayName),
    timeZone: timeZoneSchema.optional(),
    /** Locale of the client the person wrote from (`ja-JP`); refreshed on every message. */
    clientLocale: z.string().max(20).optional(),
  }),
);

/** What a rep writes in a log: the record's own fields, with when it happened and who may see it optional. */
export const logRejectionInput = rejectionLogSchema
  .pick({
    customerLabel: true,
    stage: true,
    askedWhy: true,
    reason: true,
    customerWords: true,
    discovery: true,
    nextStep: true,
    feeling: true,
    learned: true,
    answerPreference: true,
  })
  .extend({
    occurredAt: instantSchema.optional(),
    /** Defaults to the person's default visibility (private unless they changed it). */
    visibility: visibilitySchema.optional(),
  });
export type LogRejectionInput = z.input<typeof logRejectionInput>;

export const editLogInput = z.strictObject({
  logId: idSchema,
  changes: logRejectionInput.omit({ visibility: true }).partial(),
});

export const recordOutcomeInput = z.strictObject({
  logId: idSchema,
  kind: outcomeKindSchema,
  occurredOn: localDateSchema.optional(),
  note: optionalText(LIMITS.note),
});

export const checkInFields = {
  answers: z.array(promptAnswerSchema).max(5).default([]),
  pressure: ratingSchema,
  energy: ratingSchema,
  lastPeriodRating: ratingSchema.optional(),
  onTrack: ratingSchema.optional(),
  permissionToNotSell: z.boolean().default(false),
  supportRequested: z.boolean().default(false),
  answerPreference: answerPreferenceSchema.optional(),
  note: optionalText(LIMITS.longText),
};

/** Compiled once, like `registerPersonInput`: cards parse the check-in form with it, then core again. */
export const submitCheckInInput = z.compile(
  z.strictObject({
    cadence: cadenceSchema.default('daily'),
    /** Defaults to the current period in the person's time zone (local date, or ISO week for weekly). */
    periodKey: periodKeySchema.optional(),
    ...checkInFields,
    visibility: visibilitySchema.optional(),
  }),
);
export type SubmitCheckInInput = z.input<typeof submitCheckInInput>;

export const editCheckInInput = z.strictObject({
  checkInId: idSchema,
  changes: z.strictObject(checkInFields).partial(),
});

export const itemRefInput = z.strictObject({ itemKind: itemKindSchema, itemId: idSchema });

export const setVisibilityInput = z.strictObject({
  itemKind: itemKindSchema,
  itemId: idSchema,
  visibility: visibilitySchema,
});

export const listItemsInput = z
  .strictObject({ limit: z.number().int().min(1).max(200).default(20) })
  .default({ limit: 20 });

export const settingsInput = z.strictObject({
  displayName: text(LIMITS.displayName).optional(),
  timeZone: timeZoneSchema.optional(),
  language: localeSchema.nullable().optional(),
  answerPreference: answerPreferenceSchema.nullable().optional(),
  privacy: z
    .strictObject({
      defaultVisibility: visibilitySchema.optional(),
      shareSignalsWithManagers: z.boolean().optional(),
      countInTeamStats: z.boolean().optional(),
    })
    .optional(),
  schedule: z
    .strictObject({
      enabled: z.boolean().optional(),
      cadence: cadenceSchema.optional(),
      checkInDays: z.array(weekdaySchema).max(7).optional(),
      checkInTime: localTimeSchema.optional(),
      quietHours: z.strictObject({ start: localTimeSchema, end: localTimeSchema }).nullable().optional(),
      snoozeUntil: instantSchema.nullable().optional(),
      outOfOffice: z.array(dateRangeSchema).max(50).optional(),
      skipDates: z.array(localDateSchema).max(366).optional(),
      reminderAfterHours: z.number().int().min(1).max(72).nullable().optional(),
    })
    .optional(),
});
export type SettingsInput = z.input<typeof settingsInput>;

/** Pause check-ins for this many days (0 resumes them). */
export const pauseInput = z.strictObject({ days: z.number().int().min(0).max(90) });

/** How many people to offer when a rep names a manager. */
export const candidatesInput = z
  .strictObject({ limit: z.number().int().min(1).max(500).default(100) })
  .default({ limit: 100 });

export const requestManagerInput = z.strictObject({ managerId: idSchema });
export const answerManagerRequestInput = z.strictObject({ assignmentId: idSchema, accept: z.boolean() });

export const replyInput = z.strictObject({
  itemKind: itemKindSchema,
  itemId: idSchema,
  text: text(LIMITS.replyText),
  templateId: z.string().min(1).max(100).optional(),
});

/** The org chart file (`REBOUND_ORG_FILE`): teams with their managers and reps by person id. */
export const orgChartSchema = z.strictObject({
  teams: z
    .array(
      z.strictObject({
        id: idSchema,
        name: text(LIMITS.teamName),
        managers: z.array(idSchema).max(100).default([]),
        reps: z.array(idSchema).max(5000).default([]),
        teamsTeamId: idSchema.optional(),
        timeZone: timeZoneSchema.optional(),
        fiscalYearStartMonth: z.number().int().min(1).max(12).optional(),
        digestDay: weekdaySchema.optional(),
        digestTime: localTimeSchema.optional(),
      }),
    )
    .max(1000),
});
export type OrgChart = z.input<typeof orgChartSchema>;
