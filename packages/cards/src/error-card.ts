import { isReboundError, type Locale } from '@rebound/core';
import { errorCard } from './cards/me';
import { label } from './label-tree';
import type { AdaptiveCardJson } from './template-engine';

/**
 * The error card for anything a handler caught: a `ReboundError` says what was wrong, field by field, in the
 * person's language; any other error gets a general sentence and never its internal message.
 */
export function errorCardFor(error: unknown, locale: Locale): AdaptiveCardJson {
  if (isReboundError(error)) {
    const { message, fields } = error.localize(locale);
    return errorCard({ locale, message, fields });
  }
  return errorCard({ locale, message: label(locale, 'error.unexpected'), fields: [] });
}
