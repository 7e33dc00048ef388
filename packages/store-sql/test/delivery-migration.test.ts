import { join } from 'node:path';
import { aDelivery, aLog } from '@rebound/core/testing';
import { createSqlStore, type SqlStore } from '@rebound/store-sql';
import Database from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { migrate } from '../src/migrate';
import { MIGRATIONS } from '../src/migrations';
import type { AnyKysely } from '../src/ops';
import { rowOf } from '../src/rows';
import { makeTables, type Tables } from '../src/tables';
import { usePostgresDatabase, useTempDir } from './helpers';

const dir = useTempDir();
const database = usePostgresDatabase();
let n = 0;

/** A database at schema version 2, the raw connection to write old rows with, and how to open it now. */
interface OldDatabase {
  kysely: AnyKysely;
  tables: Tables;
  open(): Promise<SqlStore>;
  close(): Promise<void>;
}

const targets: Array<[string, () => OldDatabase]> = [
  [
    'SQLite',
    () => {
      const file = join(dir(), `v2-${++n}.db`);
      const kysely: AnyKysely = new Kysely({ dialect: new SqliteDialect({ database: new Database(file) }) });
      return {
        kysely,
        tables: makeTables('', undefined),
        open: () => createSqlStore({ url: `sqlite:${file}` }),
        close: () => kysely.destroy(),
      };
    },
  ],
  [
    'PostgreSQL',
    () => {
      const schema = `v2_${process.pid}_${++n}`;
      const pool = new pg.Pool({ connectionString: database().url, max: 1 });
      const kysely: AnyKysely = new Kysely({ dialect: new PostgresDialect({ pool }) });
      return {
        kysely,
        tables: makeTables('', schema),
        open: () => createSqlStore({ url: database().url, schema, poolSize: 2 }),
        close: () => kysely.destroy(),
      };
    },
  ],
];

async function insert(kysely: AnyKysely, table: ReturnType<Tables['t']>, values: Record<string, unknown>) {
  const columns = Object.keys(values);
  await sql`INSERT INTO ${table} (${sql.join(columns.map((c) => sql.id(c)))})
    VALUES (${sql.join(columns.map((c) => values[c]))})`.execute(kysely);
}

describe.each(targets)('upgrading a version-2 %s database to deliveries with subject and anonymity', (_name, make) => {
  it('reads old deliveries with the new fields, and finds old rows in the scheduler scans', async () => {
    const old = make();
    await migrate(old.kysely, old.tables.schema ? 'postgres' : 'sqlite', old.tables, MIGRATIONS.slice(0, 2));
    // As version 2 wrote them: no subjectId, no anonymous, anonymity in `periodKey`.
    const asWritten = (d: Record<string, unknown>) => {
      const data: Record<string, unknown> = { ...d };
      delete data.subjectId;
      delete data.anonymous;
      return data;
    };
    const story = aDelivery({ id: 'story', key: 'team-story:s1:team:t1', kind: 'team-story', teamId: 't1' });
    const named = aDelivery({ id: 'named', key: 'team-story:s2:team:t1', kind: 'team-story', teamId: 't1' });
    for (const [d, periodKey] of [
      [story, 'anonymous'],
      [named, null],
    ] as const) {
      const row: Record<string, unknown> = {
        ...rowOf.delivery(d),
        data: JSON.stringify(asWritten({ ...d, periodKey })),
      };
      delete row.subject_id;
      delete row.anonymous;
      delete row.due_at;
      await insert(old.kysely, old.tables.t('deliveries'), row);
    }
    const log = aLog({ id: 'old-log', authorId: 'rep-1', nextStep: { kind: 'follow-up', dueDate: '2026-11-26' } });
    const logRow: Record<string, unknown> = {
      ...rowOf.log(log),
      o_reopened: 0,
      o_won_later: 0,
      o_referral: 0,
      o_repeat: 0,
      o_closed: 0,
    };
    delete logRow.next_step_due;
    await insert(old.kysely, old.tables.t('logs'), logRow);
    await old.close();

    const store = await old.open();
    expect(await store.getDelivery('tenant-a', 'story')).toEqual({ ...story, periodKey: null, anonymous: true });
    expect(await store.getDelivery('tenant-a', 'named')).toEqual(named);
    const due = await store.listPendingDeliveries({ dueBy: '2026-11-30T00:00:00.000Z', limit: 10 });
    expect(due.map((d) => [d.id, d.anonymous])).toEqual([
      ['named', false],
      ['story', true],
    ]);
    expect((await store.listLogsWithNextStepDue('2026-11-26', '2026-11-26')).map((l) => l.id)).toEqual(['old-log']);
    await store.close();
  });
});
