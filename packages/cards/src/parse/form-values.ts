import {
  ANSWER_PREFERENCES,
  FEELINGS,
  NEXT_STEP_KINDS,
  REASON_CATEGORIES,
  SALES_STAGES,
  VISIBILITIES,
} from '@rebound/core';
import type { CheckInFormValues, LogFormValues } from '../views';
import type { Submitted } from './submitted';

// A form sent back after a bad submission keeps what the person typed, so nothing has to be typed twice.
// Free text comes back as it was; choices only when they are one of the offered options.

const textOf = (data: Submitted, key: string): string | undefined => {
  const v = data[key];
  return typeof v === 'string' && v !== '' ? v.slice(0, 5000) : undefined;
};

function oneOf<T extends string>(options: readonly T[], value: unknown): T | undefined {
  return typeof value === 'string' && (options as readonly string[]).includes(value) ? (value as T) : undefined;
}

function ratingOf(data: Submitted, key: string): number | undefined {
  const v = data[key];
  return typeof v === 'string' && /^[1-5]$/.test(v) ? Number(v) : undefined;
}

const dateOf = (data: Submitted, key: string) => {
  const v = data[key];
  return typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : undefined;
};

export function logFormValuesFrom(data: Submitted): LogFormValues {
  return {
    customerLabel: textOf(data, 'customerLabel'),
    occurredOn: dateOf(data, 'occurredOn'),
    stage: oneOf(SALES_STAGES, data.stage),
    askedWhy: data.askedWhy === 'true',
    reason: oneOf(REASON_CATEGORIES, data.reason),
    customerWords: textOf(data, 'customerWords'),
    discovery: textOf(data, 'discovery'),
    nextStepKind: oneOf(NEXT_STEP_KINDS, data.nextStepKind),
    nextStepNote: textOf(data, 'nextStepNote'),
    nextStepDate: dateOf(data, 'nextStepDate'),
    feeling: oneOf(FEELINGS, data.feeling),
    learned: textOf(data, 'learned'),
    answerPreference: oneOf(ANSWER_PREFERENCES, data.answerPreference),
    visibility: oneOf(VISIBILITIES, data.visibility),
  };
}

/** `promptIds` in the order the card showed them (the `answer_<n>` inputs follow that order). */
export function checkInValuesFrom(data: Submitted, promptIds: readonly string[]): CheckInFormValues {
  const answers: Record<string, string> = {};
  promptIds.forEach((id, i) => {
    const answer = textOf(data, `answer_${i}`);
    if (answer !== undefined) answers[id] = answer;
  });
  return {
    answers,
    pressure: ratingOf(data, 'pressure'),
    energy: ratingOf(data, 'energy'),
    lastPeriodRating: ratingOf(data, 'lastPeriodRating'),
    onTrack: ratingOf(data, 'onTrack'),
    permissionToNotSell: data.permissionToNotSell === 'true',
    supportRequested: data.supportRequested === 'true',
    answerPreference: oneOf(ANSWER_PREFERENCES, data.answerPreference),
    note: textOf(data, 'note'),
    visibility: oneOf(VISIBILITIES, data.visibility),
  };
}
