import type { Store } from '@rebound/core';
import { aCheckIn, aLog, anOutcome } from '@rebound/core/testing';
import { createSqlStore } from '@rebound/store-sql';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { describe, expect, it } from 'vitest';

const A = 'tenant-a';
const range = { from: '2026-01-01T00:00:00.000Z', to: '2026-04-01T00:00:00.000Z' };

/** Every list and lookup the port offers, with the filters a host uses alone. */
const reads: Array<[string, (s: Store) => Promise<unknown>]> = [
  ['listTeams', (s) => s.listTeams(A)],
  ['listMemberships by team', (s) => s.listMemberships(A, { teamId: 't1' })],
  ['listMemberships by person', (s) => s.listMemberships(A, { personId: 'p1' })],
  ['listAssignments by rep', (s) => s.listAssignments(A, { repId: 'p1' })],
  ['listAssignments by manager', (s) => s.listAssignments(A, { managerId: 'm1', status: 'pending' })],
  ['listLogs', (s) => s.listLogs(A, { authorId: 'p1', ...range, limit: 20 })],
  ['listOutcomes by log', (s) => s.listOutcomes(A, { logId: 'l1' })],
  ['listOutcomes by author', (s) => s.listOutcomes(A, { authorId: 'p1' })],
  ['findCheckIn', (s) => s.findCheckIn(A, 'p1', 'daily', '2026-11-02')],
  ['listCheckIns', (s) => s.listCheckIns(A, { authorId: 'p1', ...range })],
  ['listShares by item', (s) => s.listShares(A, { itemId: 'l1' })],
  ['listShares by owner', (s) => s.listShares(A, { ownerId: 'p1' })],
  ['listShares by audience', (s) => s.listShares(A, { audienceId: 'm1', activeOnly: true })],
  ['listReplies by rep', (s) => s.listReplies(A, { repId: 'p1' })],
  ['listReplies by manager', (s) => s.listReplies(A, { managerId: 'm1' })],
  ['listReplies by item', (s) => s.listReplies(A, { itemId: 'l1' })],
  ['listEnabledSchedules', (s) => s.listEnabledSchedules()],
  ['findConversationRefs by person', (s) => s.findConversationRefs(A, { personId: 'p1' })],
  ['findConversationRefs by team', (s) => s.findConversationRefs(A, { teamId: 't1' })],
  ['findConversationRefs by conversation', (s) => s.findConversationRefs(A, { conversationId: 'c1' })],
  ['getDeliveryByKey', (s) => s.getDeliveryByKey(A, 'k1')],
  ['listDeliveries by item', (s) => s.listDeliveries(A, { itemId: 'l1' })],
  ['listDeliveries by owner', (s) => s.listDeliveries(A, { ownerId: 'p1' })],
  ['listDeliveries by recipient', (s) => s.listDeliveries(A, { recipientId: 'p1' })],
  ['listDeliveries by team', (s) => s.listDeliveries(A, { teamId: 't1' })],
  ['listDeliveries by status', (s) => s.listDeliveries(A, { status: 'pending' })],
  ['getIdempotencyRecord', (s) => s.getIdempotencyRecord(A, 'p1', 'logRejection', 'activity-1')],
  ['insightCounts', (s) => s.insightCounts({ tenantId: A, teamIds: ['t1', 't2'], ...range })],
  // The scheduler's and the queue's scans of every tenant.
  ['listPendingDeliveries', (s) => s.listPendingDeliveries({ dueBy: range.to, limit: 100 })],
  [
    'listPendingDeliveries after one',
    (s) =>
      s.listPendingDeliveries({ dueBy: range.to, limit: 100, after: { tenantId: A, id: 'd1', dueAt: range.from } }),
  ],
  ['listSentDeliveries', (s) => s.listSentDeliveries({ kind: 'check-in', ...range })],
  ['listLogsWithNextStepDue', (s) => s.listLogsWithNextStepDue('2026-11-24', '2026-11-26')],
  // Writes that read: the log's old version for the monthly counts, outcome flags, a person's whole data. (A
  // check-in reads nothing on SQLite: its period's unique index alone refuses a second one.)
  ['putLog', (s) => s.putLog(aLog({ id: 'l1', authorId: 'p1' }))],
  ['putOutcome', (s) => s.putOutcome(anOutcome({ id: 'o1', logId: 'l1', authorId: 'p1' }))],
  ['deletePersonData', (s) => s.deletePersonData(A, 'p1')],
];

describe('every list query, and every write that reads, on SQLite', () => {
  it.each(reads)('%s searches an index instead of scanning a table', async (name, read) => {
    const raw = new Database(':memory:');
    const statements: Array<{ sql: string; parameters: readonly unknown[] }> = [];
    const kysely = new Kysely({
      dialect: new SqliteDialect({ database: raw }),
      log: (event) => {
        if (event.level === 'query') statements.push(event.query);
      },
    });
    const store = await createSqlStore({ kysely, dialect: 'sqlite' });
    statements.length = 0;
    await read(store);
    const selects = statements.filter(
      (s) => /SELECT/i.test(s.sql) && !/^\s*(BEGIN|COMMIT|ROLLBACK|PRAGMA)/i.test(s.sql),
    );
    expect(selects.length).toBeGreaterThan(0);
    for (const statement of selects) {
      const plan = raw.prepare(`EXPLAIN QUERY PLAN ${statement.sql}`).all(...statement.parameters) as {
        detail: string;
      }[];
      // "SCAN <table>" is a full scan, and a search on the tenant alone scans the whole tenant: only a read
      // of the whole tenant (listTeams) may do that. "SEARCH ... USING INDEX (tenant_id=? AND ...)" is the aim.
      const tenantWide = name === 'listTeams';
      const fullScans = plan
        .map((row) => row.detail)
        .filter((d) => /^SCAN \w+/.test(d) || (!tenantWide && /\(tenant_id=\?\)$/.test(d)))
        // The few rows a statement picked for itself first (a materialized CTE) may be read in full.
        .filter((d) => d !== 'SCAN picked');
      expect(fullScans, statement.sql).toEqual([]);
    }
    await kysely.destroy();
  });
});

describe('a check-in on SQLite', () => {
  it('is written with one statement: the period’s unique index alone refuses a second one for the period', async () => {
    const statements: string[] = [];
    const kysely = new Kysely({
      dialect: new SqliteDialect({ database: new Database(':memory:') }),
      log: (event) => {
        if (event.level === 'query') statements.push(event.query.sql);
      },
    });
    const store = await createSqlStore({ kysely, dialect: 'sqlite' });
    statements.length = 0;
    await store.putCheckIn(aCheckIn({ id: 'c1', authorId: 'p1', periodKey: '2026-11-02' }));
    expect(statements.filter((s) => /SELECT/i.test(s))).toEqual([]);
    const second = await store
      .putCheckIn(aCheckIn({ id: 'c2', authorId: 'p1', periodKey: '2026-11-02' }))
      .catch((e) => e);
    expect(second).toMatchObject({
      name: 'ReboundError',
      code: 'conflict',
      messageKey: 'error.conflict.check-in-period',
      params: { period: '2026-11-02' },
    });
    expect(second.localize('ja').message).toContain('2026-11-02');
    expect(await store.getCheckIn(A, 'c2')).toBeNull();
    await kysely.destroy();
  });
});
