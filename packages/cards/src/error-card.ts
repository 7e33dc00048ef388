import type { Locale } from '@rebound/core';
import { errorCard } from './cards/me';
import { errorSummary } from './error-summary';
import type { AdaptiveCardJson } from './template-engine';

/**
 * The error card for anything a handler caught: a `ReboundError` says what was wrong, field by field, in the
 * person's language; any other error gets a general sentence and never its internal message.
 */
export function errorCardFor(error: unknown, locale: Locale): AdaptiveCardJson {
  return errorCard({ locale, ...errorSummary(error, locale) });
}
