import type { z } from 'zod';
import type { Locale, MessageParams } from './i18n/catalog';
import { type CoreMessageKey, coreMessages } from './i18n/core-messages';

export const ERROR_CODES = ['validation', 'not-found', 'forbidden', 'conflict', 'unavailable'] as const;
export type ReboundErrorCode = (typeof ERROR_CODES)[number];

/** One field that failed validation: where, what kind of problem, and the localizable message. */
export interface FieldError {
  /** Dotted path of the field (`nextStep.dueDate`), empty for the whole input. */
  path: string;
  messageKey: CoreMessageKey;
  params: MessageParams;
}

/**
 * The one error Rebound throws on purpose. `code` says what kind of failure it is; `messageKey` and `params`
 * give the user-facing text in either language (`localize`); `fields` lists field-level problems.
 */
export class ReboundError extends Error {
  override readonly name = 'ReboundError';
  readonly code: ReboundErrorCode;
  readonly messageKey: CoreMessageKey;
  readonly params: MessageParams;
  readonly fields: readonly FieldError[];

  constructor(
    code: ReboundErrorCode,
    messageKey: CoreMessageKey,
    options: { params?: MessageParams; fields?: readonly FieldError[]; cause?: unknown } = {},
  ) {
    super(coreMessages.t('en', messageKey, localizeParams(options.params ?? {}, 'en')), { cause: options.cause });
    this.code = code;
    this.messageKey = messageKey;
    this.params = options.params ?? {};
    this.fields = options.fields ?? [];
  }

  /** The message and each field's message in `locale`. */
  localize(locale: Locale): { message: string; fields: { path: string; message: string }[] } {
    return {
      message: coreMessages.t(locale, this.messageKey, localizeParams(this.params, locale)),
      fields: this.fields.map((f) => ({ path: f.path, message: localizeField(f, locale) })),
    };
  }
}

/** `thing` and `who` parameters are catalog words (`thing.log`), said in the reader's language. */
function localizeParams(params: MessageParams, locale: Locale): MessageParams {
  const out: MessageParams = { ...params };
  for (const name of ['thing', 'who'] as const) {
    const key = `${name}.${params[name]}`;
    if (params[name] !== undefined && coreMessages.has(key)) out[name] = coreMessages.t(locale, key);
  }
  return out;
}

export function isReboundError(error: unknown, code?: ReboundErrorCode): error is ReboundError {
  return error instanceof ReboundError && (code === undefined || error.code === code);
}

/** The field's label in `locale` when core knows it, else its path. */
export function fieldLabel(path: string, locale: Locale): string {
  const last =
    path
      .split('.')
      .filter((p) => !/^\d+$/.test(p))
      .pop() ?? '';
  const key = `field.${last}`;
  return coreMessages.has(key) ? coreMessages.t(locale, key) : path || coreMessages.t(locale, 'field.input');
}

export function localizeField(field: FieldError, locale: Locale): string {
  return coreMessages.t(locale, field.messageKey, { ...field.params, field: fieldLabel(field.path, locale) });
}

/** Turns zod's issues into field errors with message keys both languages can say. */
export function fieldErrorsFromZod(error: z.ZodError): FieldError[] {
  return error.issues.slice(0, 50).map((issue) => {
    const path = issue.path.map(String).join('.');
    const params: MessageParams = {};
    let messageKey: CoreMessageKey = 'validation.invalid';
    switch (issue.code) {
      case 'too_big':
        messageKey = issue.origin === 'string' ? 'validation.too-long' : 'validation.too-big';
        params.max = Number(issue.maximum);
        break;
      case 'too_small':
        messageKey =
          issue.origin === 'string' && Number(issue.minimum) <= 1 ? 'validation.required' : 'validation.too-small';
        params.min = Number(issue.minimum);
        break;
      case 'invalid_type':
        messageKey = issue.input === undefined ? 'validation.required' : 'validation.wrong-type';
        break;
      case 'invalid_value':
        if (issue.input === undefined) {
          messageKey = 'validation.required';
          break;
        }
        messageKey = 'validation.not-an-option';
        params.options = issue.values.map(String).slice(0, 10).join(', ');
        break;
      case 'unrecognized_keys':
        messageKey = 'validation.unknown-field';
        params.keys = issue.keys
          .slice(0, 5)
          .map((key) => key.slice(0, 40))
          .join(', ');
        break;
      case 'invalid_format':
        messageKey =
          issue.format === 'datetime'
            ? 'validation.instant'
            : issue.format === 'date'
              ? 'validation.date'
              : 'validation.format';
        break;
      case 'custom': {
        const known: Record<string, CoreMessageKey> = {
          'control-characters': 'validation.control-characters',
          'time-zone': 'validation.time-zone',
          time: 'validation.time',
          id: 'validation.id',
          'period-key': 'validation.period-key',
          'date-range': 'validation.date-range',
          instant: 'validation.instant',
        };
        messageKey = known[issue.message] ?? 'validation.invalid';
        break;
      }
      default:
        break;
    }
    if (issue.code === 'invalid_format' && issue.format === 'regex') {
      const byPattern: Record<string, CoreMessageKey> = { time: 'validation.time', id: 'validation.id' };
      messageKey = byPattern[issue.message ?? ''] ?? 'validation.format';
    }
    return { path, messageKey, params };
  });
}

/** Parses `input` with `schema`, or throws `ReboundError('validation')` naming every bad field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  // `reportInput` (needed to tell a wrong type from a missing value) makes every parse about twice as slow, valid
  // ones included; valid input is the common case, so only a failed parse is run again with it. The schemas are
  // pure, so the second parse fails the same way.
  const fast = schema.safeParse(input);
  if (fast.success) return fast.data;
  const result = schema.safeParse(input, { reportInput: true });
  if (result.success) return result.data;
  throw new ReboundError('validation', 'error.validation', { fields: fieldErrorsFromZod(result.error) });
}
