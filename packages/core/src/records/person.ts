import { z } from 'zod';
import { answerPreferenceSchema, visibilitySchema } from './enums';
import { idSchema, instantSchema, localeSchema, tenantIdSchema, text, timeZoneSchema } from './primitives';

export const LIMITS = {
  displayName: 100,
  teamName: 100,
  customerLabel: 120,
  longText: 1000,
  note: 500,
  replyText: 2000,
  answerText: 1000,
} as const;

export const privacySettingsSchema = z.strictObject({
  /** Visibility a new item starts with. */
  defaultVisibility: visibilitySchema.default('private'),
  /** Let my managers see my personal signals (off unless the rep turns it on). */
  shareSignalsWithManagers: z.boolean().default(false),
  /** Count my items, private ones included, in team statistics (on, and said plainly on the welcome card). */
  countInTeamStats: z.boolean().default(true),
});
export type PrivacySettings = z.infer<typeof privacySettingsSchema>;

export const DEFAULT_PRIVACY: PrivacySettings = {
  defaultVisibility: 'private',
  shareSignalsWithManagers: false,
  countInTeamStats: true,
};

/** How many prompt showings a person record keeps (the newest; see `askedPrompts`). */
export const MAX_ASKED_PROMPTS = 200;

/** One reflection prompt put to the person, answered or not: what rotation and cool-downs are judged by. */
export const askedPromptRecordSchema = z.strictObject({
  promptId: z.string().min(1).max(100),
  askedAt: instantSchema,
  /** What it was asked for: `check-in:<period key>` or `log:<log id>`. The same request asks the same again. */
  askedFor: z.string().min(1).max(250),
});
export type AskedPromptRecord = z.infer<typeof askedPromptRecordSchema>;

export const personSchema = z.strictObject({
  tenantId: tenantIdSchema,
  id: idSchema,
  displayName: text(LIMITS.displayName),
  timeZone: timeZoneSchema,
  /** The person's own language choice; null means "follow my Teams locale". */
  language: localeSchema.nullable(),
  /** Locale of the person's latest message (`ja-JP`), used when `language` is null. */
  clientLocale: z.string().max(20).nullable(),
  privacy: privacySettingsSchema,
  answerPreference: answerPreferenceSchema.nullable(),
  /**
   * The reflection prompts recently put to the person (the latest showing of each, newest last), kept by
   * `rebound.promptsFor` so that cool-downs and rotation hold across days. Absent until the first one.
   */
  askedPrompts: z.array(askedPromptRecordSchema).max(MAX_ASKED_PROMPTS).optional(),
  createdAt: instantSchema,
  updatedAt: instantSchema,
});
export type Person = z.infer<typeof personSchema>;
