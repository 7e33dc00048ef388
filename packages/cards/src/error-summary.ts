import { coreMessages, isReboundError, type Locale, type ReboundError } from '@rebound/core';
import { formatPeriod } from './item-views';
import { label } from './label-tree';
import { type CardLabelKey, cardLabels } from './labels';
import { excerpt } from './plain-text';
import type { ErrorSummary } from './views';

const MAX_FIELD_ERRORS = 20;

/** What a caught error says, in `locale`: a `ReboundError`'s message and fields, or a general sentence. */
export function errorSummary(error: unknown, locale: Locale): ErrorSummary {
  if (isReboundError(error)) return localized(error, locale);
  return { message: label(locale, 'error.unexpected'), fields: [] };
}

/**
 * The error in `locale`. A field only the cards' forms have (`reminderAfterHours`), which core has no label
 * for, is named with the cards' own `field.*` label instead of its path.
 */
function localized(error: ReboundError, locale: Locale): ErrorSummary {
  const out = error.localize(locale);
  // A period (2026-W48, 2026-11-24) is said the way people read it: 11月23日の週, Tue 24 Nov.
  const period = error.params.period;
  const message =
    typeof period === 'string' && period !== ''
      ? out.message.replace(period, formatPeriod(period, locale))
      : out.message;
  return {
    message,
    fields: out.fields.map((f, i) => {
      const source = error.fields[i];
      const name =
        f.path
          .split('.')
          .filter((p) => !/^\d+$/.test(p))
          .pop() ?? '';
      const key = `field.${name}`;
      if (!source || coreMessages.has(key) || !cardLabels.has(key)) return f;
      const message = coreMessages.t(locale, source.messageKey, {
        ...source.params,
        field: label(locale, key as CardLabelKey),
      });
      return { path: f.path, message };
    }),
  };
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
