import { createRebound, type Rebound } from '../service/create-rebound';
import type { Store } from '../store/port';
import { countingIds, steppingClock } from './clock';
import { failingStore, InjectedFailure } from './failure-injection';
import { snapshotStore } from './snapshot';
import { type StoreFactory, type TestApi, withStore } from './test-api';

const TENANT = 'tenant-a';
const PEOPLE = ['rep', 'peer', 'mgr'];
const TEAMS = ['tokyo'];
const as = (personId: string) => ({ tenantId: TENANT, personId });
const rejection = {
  customerLabel: 'Bakery',
  stage: 'proposal',
  askedWhy: true,
  reason: 'price',
  discovery: 'New shop in spring',
} as const;

function service(store: Store): Rebound {
  return createRebound({ store, clock: steppingClock('2026-11-24T00:00:00.000Z', 1000), ids: countingIds('atomic') });
}

async function seed(store: Store): Promise<{ logId: string }> {
  const rebound = service(store);
  for (const id of PEOPLE) await rebound.registerPerson(as(id), { displayName: id });
  await rebound.admin.syncOrgChart(TENANT, {
    teams: [{ id: 'tokyo', name: 'Tokyo', managers: ['mgr'], reps: ['rep', 'peer'] }],
  });
  const { log } = await rebound.logRejection(as('rep'), { ...rejection, visibility: 'manager' });
  return { logId: log.id };
}

/** Use cases with several writes each; a failure at any of those writes must leave the store as it was. */
const SCENARIOS: Record<string, (rebound: Rebound, seeded: { logId: string }) => Promise<unknown>> = {
  'logging a rejection shared with the team': (r) => r.logRejection(as('rep'), { ...rejection, visibility: 'team' }),
  'changing who sees an item': (r, s) =>
    r.setVisibility(as('rep'), { itemKind: 'log', itemId: s.logId, visibility: 'team' }),
  'a check-in that asks for support': (r) =>
    r.submitCheckIn(as('rep'), { pressure: 5, energy: 1, supportRequested: true, visibility: 'manager' }),
  'erasing a person': (r) => r.eraseMe(as('rep')),
};

/** Part of the store contract: use cases are all-or-nothing on this store, at every point they can fail. */
export function runUseCaseAtomicityContract(t: TestApi, factory: StoreFactory<Store>): void {
  t.describe(`use cases are all-or-nothing: ${factory.name}`, () => {
    for (const [name, run] of Object.entries(SCENARIOS)) {
      t.it(
        `${name} leaves nothing behind when the store fails at any of its writes`,
        withStore(factory, async (store) => {
          const seeded = await seed(store);
          const before = await snapshotStore(store, TENANT, PEOPLE, TEAMS);
          // Fail at the first write, then the second, ... until the use case has no write left to fail at.
          for (let failAt = 1; ; failAt++) {
            const outcome = await run(service(failingStore(store, failAt)), seeded).then(
              () => 'completed',
              (e: unknown) => e,
            );
            if (outcome === 'completed') {
              t.expect(failAt > 1).toBe(true); // it did write, and failed at least once
              break;
            }
            t.expect((outcome as { code?: string }).code).toBe('unavailable');
            t.expect((outcome as { cause?: unknown }).cause instanceof InjectedFailure).toBe(true);
            t.expect(await snapshotStore(store, TENANT, PEOPLE, TEAMS)).toEqual(before);
            if (failAt > 500) throw new Error('the use case never completed');
          }
        }),
        120_000,
      );
    }
  });
}
