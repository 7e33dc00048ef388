import { z } from 'zod';

export const VISIBILITIES = ['private', 'manager', 'team', 'team-anonymous'] as const;
/** Who can see an item: only me, my managers, my team, my team without my name. */
export const visibilitySchema = z.enum(VISIBILITIES);
export type Visibility = z.infer<typeof visibilitySchema>;

export const SALES_STAGES = [
  'prospecting',
  'first-meeting',
  'hearing',
  'proposal',
  'negotiation',
  'closing',
  'renewal',
  'other',
] as const;
export const salesStageSchema = z.enum(SALES_STAGES);
export type SalesStage = z.infer<typeof salesStageSchema>;

export const REASON_CATEGORIES = [
  'price',
  'timing',
  'no-need',
  'trust',
  'competitor',
  'decision-maker',
  'budget',
  'other',
] as const;
export const reasonCategorySchema = z.enum(REASON_CATEGORIES);
export type ReasonCategory = z.infer<typeof reasonCategorySchema>;

export const NEXT_STEP_KINDS = [
  'follow-up',
  'send-information',
  'propose-again',
  'ask-for-referral',
  'revisit-later',
  'none',
] as const;
export const nextStepKindSchema = z.enum(NEXT_STEP_KINDS);
export type NextStepKind = z.infer<typeof nextStepKindSchema>;

export const OUTCOME_KINDS = ['reopened', 'won-later', 'referral', 'repeat', 'closed'] as const;
export const outcomeKindSchema = z.enum(OUTCOME_KINDS);
export type OutcomeKind = z.infer<typeof outcomeKindSchema>;

export const ANSWER_PREFERENCES = ['advice', 'think-together', 'just-listen'] as const;
/** How a rep would like to be answered: advice / think it through together / just listen. */
export const answerPreferenceSchema = z.enum(ANSWER_PREFERENCES);
export type AnswerPreference = z.infer<typeof answerPreferenceSchema>;

export const FEELINGS = ['fine', 'disappointed', 'frustrated', 'anxious', 'tired', 'curious', 'relieved'] as const;
export const feelingSchema = z.enum(FEELINGS);
export type Feeling = z.infer<typeof feelingSchema>;

export const TEAM_ROLES = ['rep', 'manager'] as const;
export const teamRoleSchema = z.enum(TEAM_ROLES);
export type TeamRole = z.infer<typeof teamRoleSchema>;

export const CADENCES = ['daily', 'weekly'] as const;
export const cadenceSchema = z.enum(CADENCES);
export type Cadence = z.infer<typeof cadenceSchema>;

export const ITEM_KINDS = ['log', 'check-in'] as const;
export const itemKindSchema = z.enum(ITEM_KINDS);
export type ItemKind = z.infer<typeof itemKindSchema>;
