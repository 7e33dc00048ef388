import { isReboundError, type Locale } from '@rebound/core';
import { label } from './label-tree';
import { excerpt } from './plain-text';
import type { ErrorSummary } from './views';

const MAX_FIELD_ERRORS = 20;

/** What a caught error says, in `locale`: a `ReboundError`'s message and fields, or a general sentence. */
export function errorSummary(error: unknown, locale: Locale): ErrorSummary {
  if (isReboundError(error)) return error.localize(locale);
  return { message: label(locale, 'error.unexpected'), fields: [] };
}

/** Template data for the error block at the top of a form; hidden when there is nothing to say. */
export function errorBlockData(errors: ErrorSummary | undefined) {
  if (!errors) return { shown: false, message: '', fields: [] };
  return {
    shown: true,
    message: excerpt(errors.message, 300),
    fields: errors.fields.slice(0, MAX_FIELD_ERRORS).map((f) => ({ message: excerpt(f.message, 300) })),
  };
}
