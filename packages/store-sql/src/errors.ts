import { type Locale, type MessageParams, ReboundError } from '@rebound/core';
import { type StoreMessageKey, storeMessages } from './messages';

/**
 * A store that cannot start or reach its database. It is a `ReboundError` (code `unavailable`, or `validation`
 * for a bad URL or options), so hosts handle it like any other; its `message` and `explain()` tell the operator
 * what to fix, while `localize()` keeps core's short text for end users. Never contains a password.
 */
export class SqlStoreError extends ReboundError {
  readonly detailKey: StoreMessageKey;
  readonly detailParams: MessageParams;

  constructor(
    code: 'unavailable' | 'validation',
    detailKey: StoreMessageKey,
    params: MessageParams,
    options: { cause?: unknown } = {},
  ) {
    super(code, code === 'validation' ? 'error.validation' : 'error.unavailable', { cause: options.cause });
    this.detailKey = detailKey;
    this.detailParams = params;
    this.message = storeMessages.t('en', detailKey, params);
  }

  /** What to fix, in the operator's language. */
  explain(locale: Locale): string {
    return storeMessages.t(locale, this.detailKey, this.detailParams);
  }
}

/** Replaces every occurrence of the secret in `text` (pg error messages are not supposed to carry it, but). */
export function redact(text: string, secret: string | undefined): string {
  if (!secret) return text;
  return text.split(secret).join('***');
}
