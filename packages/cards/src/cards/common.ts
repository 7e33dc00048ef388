import {
  ANSWER_PREFERENCES,
  FEELINGS,
  type Locale,
  NEXT_STEP_KINDS,
  OUTCOME_KINDS,
  REASON_CATEGORIES,
  SALES_STAGES,
  VISIBILITIES,
} from '@rebound/core';
import { type Choice, enumChoices, type LabelTree, labelTree } from '../label-tree';

export interface EnumChoices {
  visibility: Choice[];
  stage: Choice[];
  reason: Choice[];
  nextStep: Choice[];
  outcome: Choice[];
  feeling: Choice[];
  answerPreference: Choice[];
  /** 1-5 for a question's scale answer (the question says what 1 and 5 mean). */
  rating: Choice[];
  /** The check-in's own scales, every step named to fit its question. */
  pressure: Choice[];
  energy: Choice[];
  lastPeriod: Choice[];
  onTrack: Choice[];
  weekday: Choice[];
}

const STEPS = [1, 2, 3, 4, 5] as const;

const cache = new Map<Locale, { t: LabelTree; choices: EnumChoices }>();

/** Labels and enum choices of `locale`, built once: every card's data starts from these. */
export function localeData(locale: Locale): { t: LabelTree; choices: EnumChoices } {
  let data = cache.get(locale);
  if (!data) {
    data = {
      t: labelTree(locale),
      choices: {
        visibility: enumChoices(locale, 'visibility', VISIBILITIES),
        stage: enumChoices(locale, 'stage', SALES_STAGES),
        reason: enumChoices(locale, 'reason', REASON_CATEGORIES),
        nextStep: enumChoices(locale, 'nextStep', NEXT_STEP_KINDS),
        outcome: enumChoices(locale, 'outcome', OUTCOME_KINDS),
        feeling: enumChoices(locale, 'feeling', FEELINGS),
        answerPreference: enumChoices(locale, 'answerPreference', ANSWER_PREFERENCES),
        rating: enumChoices(locale, 'rating', STEPS),
        pressure: enumChoices(locale, 'scale.pressure', STEPS),
        energy: enumChoices(locale, 'scale.energy', STEPS),
        lastPeriod: enumChoices(locale, 'scale.lastPeriod', STEPS),
        onTrack: enumChoices(locale, 'scale.onTrack', STEPS),
        weekday: enumChoices(locale, 'weekday', [1, 2, 3, 4, 5, 6, 7]),
      },
    };
    // Expanded cards share these arrays (a `${...}` that is a whole value is inserted as is, not copied):
    // frozen, so a host that edits a card it got cannot change the next one.
    cache.set(locale, deepFreeze(data));
  }
  return data;
}

/** Optional values as template data: missing becomes '' (an unbound `${x}` would otherwise show literally). */
export function str(value: string | number | boolean | null | undefined): string {
  return value === null || value === undefined ? '' : String(value);
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
