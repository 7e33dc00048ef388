import { describe, expect, it } from 'vitest';
import { isReboundError } from '../errors';
import { createMemoryStore } from '../store/memory-store';
import type { Store, StoreOps } from '../store/port';
import { countingIds } from '../testing/clock';
import { aRejection, as, TENANT, tokyoWorld } from './test-world';

/**
 * A store whose transactions interleave: each one reads as if no other had recorded an answer yet (as two
 * transactions on a database without the tenant lock could), so only the insert tells a twin apart.
 */
function blindToEarlierAnswers(store: Store): Store {
  const blind = (tx: StoreOps): StoreOps =>
    new Proxy(tx, {
      get: (target, prop, receiver) =>
        prop === 'getIdempotencyRecord' ? async () => null : Reflect.get(target, prop, receiver),
    });
  return new Proxy(store, {
    get: (target, prop, receiver) =>
      prop === 'transaction'
        ? <T>(work: (tx: StoreOps) => Promise<T>) => target.transaction((tx) => work(blind(tx)))
        : Reflect.get(target, prop, receiver),
  });
}

describe('idempotency keys', () => {
  it('answer as the twin did when a concurrent twin recorded its answer first, and keep none of this one’s writes', async () => {
    const store = createMemoryStore();
    const { rebound } = await tokyoWorld({ store });
    const first = await rebound.logRejection(as('rep'), { ...aRejection, idempotencyKey: 'activity-1' });
    const { rebound: interleaved } = await tokyoWorld({
      store: blindToEarlierAnswers(store),
      ids: countingIds('twin'),
    });
    const again = await interleaved.logRejection(as('rep'), { ...aRejection, idempotencyKey: 'activity-1' });
    expect(again).toEqual(first);
    expect(await store.listLogs(TENANT, { authorId: 'rep' })).toHaveLength(1);
  });

  it('refuse a key that is no id, naming the field, and store nothing', async () => {
    const { rebound, store } = await tokyoWorld({ store: createMemoryStore() });
    const error = await rebound
      .logRejection(as('rep'), { ...aRejection, idempotencyKey: 'has spaces' })
      .catch((e: unknown) => e);
    expect(isReboundError(error, 'validation')).toBe(true);
    expect((error as { fields: { path: string }[] }).fields.map((f) => f.path)).toEqual(['idempotencyKey']);
    expect(await store.listLogs(TENANT, { authorId: 'rep' })).toEqual([]);
  });

  it('are kept a day, and the scheduler’s plan forgets older ones', async () => {
    let now = Date.parse('2026-11-24T00:00:00.000Z');
    const { rebound, store } = await tokyoWorld({ store: createMemoryStore(), clock: () => new Date(now) });
    await rebound.logRejection(as('rep'), { ...aRejection, idempotencyKey: 'activity-1' });
    now += 23 * 3_600_000;
    await rebound.scheduler.plan();
    await rebound.logRejection(as('rep'), { ...aRejection, idempotencyKey: 'activity-1' });
    expect(await store.listLogs(TENANT, { authorId: 'rep' })).toHaveLength(1);
    now += 2 * 3_600_000;
    await rebound.scheduler.plan();
    expect(await store.getIdempotencyRecord(TENANT, 'rep', 'logRejection', 'activity-1')).toBeNull();
  });
});
