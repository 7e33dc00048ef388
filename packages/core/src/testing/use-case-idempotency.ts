import { createRebound, type Rebound } from '../service/create-rebound';
import type { Store } from '../store/port';
import { countingIds, steppingClock } from './clock';
import { snapshotStore } from './snapshot';
import { type StoreFactory, type TestApi, withStore } from './test-api';

const TENANT = 'tenant-a';
const PEOPLE = ['rep', 'peer', 'mgr'];
const TEAMS = ['tokyo'];
const as = (personId: string) => ({ tenantId: TENANT, personId });
const rejection = { customerLabel: 'Bakery', stage: 'proposal', askedWhy: true, reason: 'price' } as const;

function service(store: Store): Rebound {
  return createRebound({ store, clock: steppingClock('2026-11-24T00:00:00.000Z', 1000), ids: countingIds('once') });
}

interface Seeded {
  logId: string;
  assignmentId: string;
}

async function seed(rebound: Rebound): Promise<Seeded> {
  for (const id of PEOPLE) await rebound.registerPerson(as(id), { displayName: id });
  await rebound.admin.syncOrgChart(TENANT, {
    teams: [{ id: 'tokyo', name: 'Tokyo', managers: ['mgr'], reps: ['rep', 'peer'] }],
  });
  const { log } = await rebound.logRejection(as('rep'), { ...rejection, visibility: 'manager' });
  const { assignment } = await rebound.requestManager(as('rep'), { managerId: 'peer' });
  return { logId: log.id, assignmentId: assignment.id };
}

/** Every use case that creates something from a card, sent with the key a host takes from the request. */
const SCENARIOS: Record<string, (rebound: Rebound, seeded: Seeded, idempotencyKey: string) => Promise<unknown>> = {
  'logging a rejection shared with the team': (r, _s, idempotencyKey) =>
    r.logRejection(as('rep'), { ...rejection, visibility: 'team', idempotencyKey }),
  'a check-in that asks for support': (r, _s, idempotencyKey) =>
    r.submitCheckIn(as('rep'), {
      pressure: 5,
      energy: 1,
      supportRequested: true,
      visibility: 'manager',
      idempotencyKey,
    }),
  'sharing an item with the team': (r, s, idempotencyKey) =>
    r.setVisibility(as('rep'), { itemKind: 'log', itemId: s.logId, visibility: 'team', idempotencyKey }),
  'recording a later outcome': (r, s, idempotencyKey) =>
    r.recordOutcome(as('rep'), { logId: s.logId, kind: 'reopened', idempotencyKey }),
  'a manager’s reply': (r, s, idempotencyKey) =>
    r.replyToItem(as('mgr'), {
      itemKind: 'log',
      itemId: s.logId,
      text: 'Thank you for writing this down. What did you learn about their timing?',
      locale: 'en',
      idempotencyKey,
    }),
  'naming a manager': (r, _s, idempotencyKey) => r.requestManager(as('peer'), { managerId: 'mgr', idempotencyKey }),
  'answering a manager request': (r, s, idempotencyKey) =>
    r.answerManagerRequest(as('peer'), { assignmentId: s.assignmentId, accept: true, idempotencyKey }),
};

/** How many records of each kind the snapshot holds: what a use case added, whatever the ids. */
function counts(snapshot: Awaited<ReturnType<typeof snapshotStore>>) {
  return snapshot.people.map((p) =>
    Object.fromEntries(Object.entries(p).map(([kind, value]) => [kind, Array.isArray(value) ? value.length : value])),
  );
}

/**
 * Part of the store contract: a use case sent again with the same idempotency key (a retried request) stores
 * nothing more and gives the same answer, one after the other and at the same time, on this store.
 */
export function runUseCaseIdempotencyContract(t: TestApi, factory: StoreFactory<Store>): void {
  const snapshot = (store: Store) => snapshotStore(store, TENANT, PEOPLE, TEAMS);

  t.describe(`use cases run once per idempotency key: ${factory.name}`, () => {
    for (const [name, run] of Object.entries(SCENARIOS)) {
      t.it(
        `${name}, sent again with the same key, stores nothing more and answers the same`,
        withStore(factory, async (store) => {
          const rebound = service(store);
          const seeded = await seed(rebound);
          const first = await run(rebound, seeded, 'activity-1');
          const after = await snapshot(store);
          t.expect(await run(rebound, seeded, 'activity-1')).toEqual(first);
          t.expect(await snapshot(store)).toEqual(after);
        }),
        60_000,
      );

      t.it(
        `${name}, sent twice at once with the same key, stores as much as once and answers both the same`,
        withStore(factory, async (store) => {
          const rebound = service(store);
          const seeded = await seed(rebound);
          const [a, b] = await Promise.all([run(rebound, seeded, 'activity-1'), run(rebound, seeded, 'activity-1')]);
          t.expect(b).toEqual(a);
          const twice = counts(await snapshot(store));
          // The same on a second store where it ran once.
          const other = await factory.create();
          try {
            const once = service(other);
            await run(once, await seed(once), 'activity-1');
            t.expect(twice).toEqual(counts(await snapshot(other)));
          } finally {
            if (factory.destroy) await factory.destroy(other);
            else await other.close();
          }
        }),
        60_000,
      );
    }

    t.it(
      'a rejection logged again with another key is a second log',
      withStore(factory, async (store) => {
        const rebound = service(store);
        await seed(rebound);
        const first = await SCENARIOS['logging a rejection shared with the team']!(rebound, {} as Seeded, 'a-1');
        const second = await SCENARIOS['logging a rejection shared with the team']!(rebound, {} as Seeded, 'a-2');
        t.expect((first as { log: { id: string } }).log.id === (second as { log: { id: string } }).log.id).toBe(false);
        t.expect(await store.listLogs(TENANT, { authorId: 'rep' })).toHaveLength(3);
      }),
      60_000,
    );
  });
}
