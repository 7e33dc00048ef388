import { z } from 'zod';
import { isReboundError, parseInput } from '../errors';
import { idSchema } from '../records/primitives';
import type { StoreOps } from '../store/port';
import { asReboundError, inTransaction, parseActor, type ServiceContext } from './context';
import type { Actor } from './inputs';

/** How long an answer is kept under its key: far longer than any retry of the same request. */
export const IDEMPOTENCY_RETENTION_HOURS = 24;

/**
 * The optional field of a use case's input that makes it idempotent: the same key from the same person (the
 * Teams activity id of a card submission, say) gets the first answer again and writes nothing more.
 */
export type WithIdempotencyKey<T> = T & { idempotencyKey?: string };

const keyInput = z.object({ idempotencyKey: idSchema });

/** The input's idempotency key, if any, and the input without it (what the use case's own schema parses). */
function splitKey(input: unknown): { key: string | undefined; rest: unknown } {
  if (typeof input !== 'object' || input === null || !Object.hasOwn(input, 'idempotencyKey')) {
    return { key: undefined, rest: input };
  }
  const { idempotencyKey, ...rest } = input as { idempotencyKey?: unknown };
  if (idempotencyKey === undefined) return { key: undefined, rest };
  return { key: parseInput(keyInput, { idempotencyKey }).idempotencyKey, rest };
}

/** The transaction wrote its answer after a concurrent twin with the same key had already recorded one. */
class AnsweredByTwin extends Error {}

/**
 * `inTransaction` for a use case that creates something: with an `idempotencyKey` in `input`, the answer is
 * recorded under (tenant, acting person, `operation`, key) in the same transaction as the writes, and the same
 * key again returns that answer (as JSON gives it back) without running `work`. `work` gets the input without
 * the key. Without a key it is exactly `inTransaction`.
 */
export async function idempotentTransaction<T>(
  ctx: ServiceContext,
  actorInput: unknown,
  operation: string,
  input: unknown,
  work: (tx: StoreOps, actor: Actor, input: unknown) => Promise<T>,
): Promise<T> {
  const actor = parseActor(actorInput);
  const { key, rest } = splitKey(input);
  if (key === undefined) return inTransaction(ctx, actor, (tx, a) => work(tx, a, rest));
  const { tenantId, personId } = actor;
  const replay = async () => {
    const stored = await ctx.store.getIdempotencyRecord(tenantId, personId, operation, key);
    return stored ? { answer: JSON.parse(stored.result) as T } : null;
  };
  try {
    return await inTransaction(ctx, actor, async (tx, a) => {
      const stored = await tx.getIdempotencyRecord(tenantId, personId, operation, key);
      if (stored) return JSON.parse(stored.result) as T;
      const result = await work(tx, a, rest);
      const record = { tenantId, personId, operation, key, result: JSON.stringify(result), createdAt: ctx.now() };
      // Only on a store whose transactions interleave: the twin's answer stands, and this one's writes are undone.
      if (!(await tx.putIdempotencyRecord(record))) throw new AnsweredByTwin();
      return result;
    });
  } catch (error) {
    if (!(isReboundError(error) && error.cause instanceof AnsweredByTwin)) throw error;
    const twin = await replay().catch((readError: unknown) => {
      throw asReboundError(readError);
    });
    if (twin) return twin.answer;
    throw error;
  }
}

/** The moment before which idempotency records are forgotten, seen from `now`. */
export function idempotencyCutoff(now: string): string {
  return new Date(Date.parse(now) - IDEMPOTENCY_RETENTION_HOURS * 3_600_000).toISOString();
}
