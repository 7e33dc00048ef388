import { createMemoryStore, type InsightCountsQuery, REASON_CATEGORIES, type Store } from '@rebound/core';
import { aCheckIn, aLog, aMembership, anOutcome, aPerson } from '@rebound/core/testing';
import { createSqlStore, type SqlStore } from '@rebound/store-sql';
import { describe, expect, it } from 'vitest';
import { usePostgresDatabase } from './helpers';

const database = usePostgresDatabase();

/** A small random org, the same every run: 3 teams, 12 reps, logs with every kind of field, outcomes, check-ins. */
function smallOrg() {
  let seed = 42;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const reps = Array.from({ length: 12 }, (_, i) => `rep-${i}`);
  const persons = reps
    .filter((_, i) => i !== 11) // rep-11 has no Person record
    .map((id, i) =>
      aPerson({
        id,
        privacy: { defaultVisibility: 'private', shareSignalsWithManagers: false, countInTeamStats: i % 5 !== 3 },
      }),
    );
  const memberships = reps.flatMap((personId, i) => {
    const own = aMembership({ teamId: `t${i % 3}`, personId });
    return i % 4 === 0 ? [own, aMembership({ teamId: `t${(i + 1) % 3}`, personId })] : [own];
  });
  memberships.push(aMembership({ teamId: 't0', personId: 'mgr', role: 'manager' }));
  const day = (d: number) => new Date(Date.UTC(2026, 0, 1) + d * 3_600_000 * 7).toISOString();
  const logs = Array.from({ length: 600 }, (_, i) =>
    aLog({
      id: `l${i}`,
      authorId: i % 50 === 0 ? 'mgr' : pick(reps),
      occurredAt: day(Math.floor(random() * 1200)),
      askedWhy: random() < 0.5,
      reason: pick(REASON_CATEGORIES),
      ...(random() < 0.4 ? { discovery: 'Something new' } : {}),
      ...(random() < 0.6 ? { nextStep: { kind: pick(['follow-up', 'none', 'revisit-later'] as const) } } : {}),
    }),
  );
  const outcomes = Array.from({ length: 250 }, (_, i) => {
    const log = pick(logs);
    return anOutcome({
      id: `o${i}`,
      logId: log.id,
      authorId: log.authorId,
      kind: pick(['reopened', 'won-later', 'referral', 'repeat', 'closed'] as const),
    });
  });
  const checkIns = Array.from({ length: 200 }, (_, i) =>
    aCheckIn({
      id: `c${i}`,
      authorId: reps[i % 12]!,
      periodKey: `2026-W${String((i % 50) + 1).padStart(2, '0')}`,
      cadence: 'weekly',
      submittedAt: day(i * 6),
    }),
  );
  return { persons, memberships, logs, outcomes, checkIns };
}

const all = ['t0', 't1', 't2'];
const queries: InsightCountsQuery[] = [
  // A fiscal quarter in Tokyo: partial months at both ends.
  { tenantId: 'tenant-a', teamIds: ['t0'], from: '2025-12-31T15:00:00.000Z', to: '2026-03-31T15:00:00.000Z' },
  // Exactly whole UTC months, then less than a month, then an empty range.
  { tenantId: 'tenant-a', teamIds: all, from: '2026-02-01T00:00:00.000Z', to: '2026-05-01T00:00:00.000Z' },
  { tenantId: 'tenant-a', teamIds: all, from: '2026-02-10T15:00:00.000Z', to: '2026-02-20T00:00:00.000Z' },
  { tenantId: 'tenant-a', teamIds: all, from: '2026-03-01T00:00:00.000Z', to: '2026-03-01T00:00:00.000Z' },
  {
    tenantId: 'tenant-a',
    teamIds: ['t2', 'no-such-team'],
    from: '2025-01-01T00:00:00.000Z',
    to: '2027-01-01T00:00:00.000Z',
  },
];

/** Later edits: logs moved to another month, reason and author; outcomes added and moved; a person erased. */
async function changeThings(store: Store, org: ReturnType<typeof smallOrg>) {
  for (const log of org.logs.slice(0, 40)) {
    await store.putLog({ ...log, occurredAt: '2026-03-15T12:00:00.000Z', reason: 'trust', askedWhy: !log.askedWhy });
  }
  await store.putLog({ ...org.logs[41]!, authorId: 'rep-2' });
  await store.putOutcome(anOutcome({ id: 'late-1', logId: 'l3', authorId: org.logs[3]!.authorId, kind: 'repeat' }));
  await store.putOutcome({ ...org.outcomes[0]!, logId: 'l5', kind: 'closed' });
  await store.deletePersonData('tenant-a', 'rep-7');
}

async function putOneByOne(store: Store, org: ReturnType<typeof smallOrg>) {
  for (const p of org.persons) await store.putPerson(p);
  for (const m of org.memberships) await store.putMembership(m);
  // Half the outcomes before their logs, half after: the flags must come out the same either way.
  for (const o of org.outcomes.slice(0, 125)) await store.putOutcome(o);
  for (const l of org.logs) await store.putLog(l);
  for (const o of org.outcomes.slice(125)) await store.putOutcome(o);
  for (const c of org.checkIns) await store.putCheckIn(c);
}

describe.each([
  ['SQLite', () => createSqlStore({ url: 'sqlite::memory:' })],
  [
    'PostgreSQL',
    () =>
      createSqlStore({
        url: database().url,
        schema: `import_${process.pid}_${Math.random().toString(36).slice(2, 8)}`,
      }),
  ],
])('insight counts and bulk import on %s, against the memory store', (_name, open) => {
  it('count exactly what the memory store counts, on a random org, whether put one by one or imported', async () => {
    const org = smallOrg();
    const reference = createMemoryStore();
    await putOneByOne(reference, org);
    const oneByOne: SqlStore = await open();
    await putOneByOne(oneByOne, org);
    const imported: SqlStore = await open();
    await imported.importRecords({ outcomes: org.outcomes.slice(0, 125) });
    await imported.importRecords({ ...org, outcomes: org.outcomes.slice(125) });
    const check = async () => {
      for (const query of queries) {
        const expected = await reference.insightCounts(query);
        expect(await oneByOne.insightCounts(query)).toEqual(expected);
        expect(await imported.insightCounts(query)).toEqual(expected);
      }
    };
    await check();
    for (const store of [reference, oneByOne, imported]) await changeThings(store, org);
    await check();
    // Importing again what is already there changes no count.
    await imported.importRecords({ logs: org.logs.slice(100, 200) });
    for (const log of org.logs.slice(100, 200)) await reference.putLog(log);
    await check();
    for (const query of queries.slice(0, 3)) {
      const expected = await reference.insightCounts(query);
      expect(expected.length).toBeGreaterThan(0);
      expect(await oneByOne.insightCounts(query)).toEqual(expected);
      expect(await imported.insightCounts(query)).toEqual(expected);
    }
    // Same logs, newest first (the port leaves the order of logs at the same instant open).
    const listed = await imported.listLogs('tenant-a', { authorId: 'rep-3' });
    const wanted = await reference.listLogs('tenant-a', { authorId: 'rep-3' });
    expect(listed.map((l) => l.occurredAt)).toEqual(wanted.map((l) => l.occurredAt));
    const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : 1);
    expect([...listed].sort(byId)).toEqual([...wanted].sort(byId));
    await Promise.all([oneByOne.close(), imported.close()]);
    // Some thousand statements one by one: 30 s on PostgreSQL beside four CPU-bound loops (load average 15).
  }, 120_000);
});
