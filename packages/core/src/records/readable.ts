import type { z } from 'zod';
import { type CheckIn, checkInSchema } from './check-in';
import { type ItemKind, type Visibility, visibilitySchema } from './enums';
import { instantSchema } from './primitives';
import { type Outcome, outcomeSchema, type RejectionLog, rejectionLogSchema } from './rejection-log';
import { type ManagerReply, managerReplySchema } from './share';

/**
 * A stored item that does not match its schema any more (written before a rule existed, or by hand): views list
 * it as unreadable instead of failing the whole list. Only what can be said safely about it is kept.
 */
export interface UnreadableItem {
  kind: ItemKind;
  id: string;
  /** When it was logged or submitted, if that much can be read (to keep lists in order); null otherwise. */
  at: string | null;
  /** Who can see it, if that can be read (a shared one can still be withdrawn); null otherwise. */
  visibility: Visibility | null;
}

function readable<S extends z.ZodType>(schema: S, raw: unknown): z.output<S> | null {
  const result = schema.safeParse(raw);
  return result.success ? result.data : null;
}

/** The log as its schema reads it, or null when it does not match (a stored record is never trusted blindly). */
export const readableLog = (raw: unknown): RejectionLog | null => readable(rejectionLogSchema, raw);
export const readableCheckIn = (raw: unknown): CheckIn | null => readable(checkInSchema, raw);
export const readableOutcome = (raw: unknown): Outcome | null => readable(outcomeSchema, raw);
export const readableReply = (raw: unknown): ManagerReply | null => readable(managerReplySchema, raw);

/** What a list may show of a stored item that is not readable. */
export function unreadableItem(kind: ItemKind, raw: unknown): UnreadableItem {
  const fields = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const own = (key: string): unknown => (Object.hasOwn(fields, key) ? fields[key] : undefined);
  const id = own('id');
  return {
    kind,
    id: typeof id === 'string' ? id : '',
    at: readable(instantSchema, own(kind === 'log' ? 'occurredAt' : 'submittedAt')),
    visibility: readable(visibilitySchema, own('visibility')),
  };
}

/** Splits stored records into those their schema reads (as it reads them) and those it does not (as stored). */
export function sortReadable<T>(raws: readonly T[], read: (raw: T) => T | null): { ok: T[]; bad: T[] } {
  const ok: T[] = [];
  const bad: T[] = [];
  for (const raw of raws) {
    const record = read(raw);
    if (record) ok.push(record);
    else bad.push(raw);
  }
  return { ok, bad };
}
