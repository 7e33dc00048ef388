import type { Localized } from '../../i18n/catalog';

/** The situations prompt selection recognises, in the order they lead when several apply. */
export const PROMPT_SITUATIONS = [
  'rejection-streak',
  'strong-then-off-track',
  'pressure-rising',
  'running-low',
  'asked-why',
  'discovery-made',
  'just-logged',
  'back-from-away',
  'quiet-spell',
  'quarter-end',
  'default',
] as const;
export type PromptSituation = (typeof PROMPT_SITUATIONS)[number];

export const PROMPT_INTENTS = [
  'dialogue',
  'discovery',
  'permission',
  'self-compassion',
  'relationship',
  'team-share',
  'follow-up',
  'reassurance',
] as const;
export type PromptIntent = (typeof PROMPT_INTENTS)[number];

/** What a situation asks of the prompts chosen for it, best first. */
export const WANTED_INTENTS: Readonly<Record<PromptSituation, readonly PromptIntent[]>> = {
  'rejection-streak': ['permission', 'self-compassion'],
  'strong-then-off-track': ['reassurance', 'relationship'],
  // The "dialogue" prompts for rising pressure are the offers to talk to someone.
  'pressure-rising': ['self-compassion', 'dialogue'],
  'running-low': ['self-compassion', 'permission'],
  'asked-why': ['discovery', 'follow-up'],
  'discovery-made': ['follow-up', 'team-share'],
  'just-logged': ['dialogue', 'discovery'],
  'back-from-away': ['reassurance', 'dialogue'],
  'quiet-spell': ['reassurance', 'dialogue'],
  'quarter-end': ['relationship', 'self-compassion'],
  default: ['dialogue', 'discovery', 'relationship'],
};

/** One situation found in the rep's recent data, with the reason in words the rep understands. */
export interface DetectedSituation {
  id: PromptSituation;
  reason: Localized;
  /** The facts it was found from (counts, dates, a customer label as the rep wrote it). */
  evidence: Readonly<Record<string, string | number>>;
}
