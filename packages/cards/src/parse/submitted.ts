import { isReboundError, type ReboundError } from '@rebound/core';

/** What a card action sends back: our action data plus every input, as strings (`Input.*` values). */
export type Submitted = Readonly<Record<string, unknown>>;

export type ParseResult<T> = { ok: true; value: T } | { ok: false; error: ReboundError };

/** Runs a parse that may throw `ReboundError` (core's `parseInput`) and returns its result or its error. */
export function attempt<T>(parse: () => T): ParseResult<T> {
  try {
    return { ok: true, value: parse() };
  } catch (error) {
    if (isReboundError(error)) return { ok: false, error };
    throw error;
  }
}

/** The stable action name of a submission (`data.action`), from Action.Execute and Action.Submit alike. */
export function actionOf(data: unknown): string | null {
  if (data === null || typeof data !== 'object') return null;
  const action = (data as Record<string, unknown>).action;
  return typeof action === 'string' ? action : null;
}

/** A string input: '' and missing both mean "not given"; anything that is not a string is passed on for zod. */
export function field(data: Submitted, key: string): unknown {
  const value = data[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value.trim() === '' ? undefined : value;
  return value;
}

/** Input.Toggle sends 'true'/'false'; a missing toggle is off. Other values go to zod as they are. */
export function toggle(data: Submitted, key: string): unknown {
  const value = data[key];
  if (value === undefined || value === null || value === '' || value === 'false' || value === false) return false;
  if (value === 'true' || value === true) return true;
  return value;
}

/** A 1-5 choice ('3' → 3); '' is "not given"; anything else is passed on so zod names the field. */
export function rating(data: Submitted, key: string): unknown {
  const value = field(data, key);
  if (typeof value === 'string' && /^\d+$/.test(value)) return Number(value);
  return value;
}
