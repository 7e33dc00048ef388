import type { Store, StoreOps } from '../store/port';

const WRITES = new Set<keyof StoreOps>([
  'putPerson',
  'putTeam',
  'putMembership',
  'deleteMembership',
  'putAssignment',
  'putLog',
  'putOutcome',
  'putCheckIn',
  'putShare',
  'putReply',
  'putSchedule',
  'putConversationRef',
  'createDelivery',
  'updateDelivery',
  'deletePersonData',
  'putIdempotencyRecord',
  'deleteIdempotencyRecordsBefore',
]);

export class InjectedFailure extends Error {
  override readonly name = 'InjectedFailure';
}

/**
 * Wraps a store so that the `failOnWrite`-th write inside a transaction throws `InjectedFailure` after the
 * earlier writes went through: the way a disk or connection fails in the middle of a use case.
 * `writes()` tells how many writes were attempted, to find how many points a use case can fail at.
 */
export function failingStore(store: Store, failOnWrite: number): Store & { writes(): number } {
  let writes = 0;
  const wrap = (tx: StoreOps): StoreOps =>
    new Proxy(tx, {
      get(target, prop, receiver) {
        const value = Reflect.get(target, prop, receiver);
        if (typeof value !== 'function' || !WRITES.has(prop as keyof StoreOps)) return value;
        return async (...args: unknown[]) => {
          writes++;
          if (writes === failOnWrite) throw new InjectedFailure(`injected failure at write ${writes}`);
          return value.apply(target, args);
        };
      },
    });
  return new Proxy(store, {
    get(target, prop, receiver) {
      if (prop === 'writes') return () => writes;
      if (prop === 'transaction') {
        return <T>(work: (tx: StoreOps) => Promise<T>) => target.transaction((tx) => work(wrap(tx)));
      }
      return Reflect.get(target, prop, receiver);
    },
  }) as Store & { writes(): number };
}
