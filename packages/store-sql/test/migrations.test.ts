import { join } from 'node:path';
import { aLog, aMembership, aTeam } from '@rebound/core/testing';
import { createSqlStore, SCHEMA_VERSION, type SqlStore, SqlStoreError } from '@rebound/store-sql';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { migrate } from '../src/migrate';
import { MIGRATIONS, type Migration } from '../src/migrations';
import { rowOf } from '../src/rows';
import { makeTables, type Tables } from '../src/tables';
import { usePostgresDatabase, useTempDir } from './helpers';

const dir = useTempDir();
const database = usePostgresDatabase();
let n = 0;

/** One database (a SQLite file, or a PostgreSQL schema) that several stores can open. */
interface Target {
  open(tablePrefix?: string): Promise<SqlStore>;
  tables(tablePrefix?: string): Tables;
}

const targets: Array<[string, () => Target]> = [
  [
    'SQLite file',
    () => {
      const url = `sqlite:${join(dir(), `migrations-${++n}.db`)}`;
      return {
        open: (tablePrefix) => createSqlStore({ url, tablePrefix }),
        tables: (p = '') => makeTables(p, undefined),
      };
    },
  ],
  [
    'PostgreSQL',
    () => {
      const schema = `migrations_${process.pid}_${++n}`;
      return {
        open: (tablePrefix) => createSqlStore({ url: database().url, schema, tablePrefix, poolSize: 2 }),
        tables: (p = '') => makeTables(p, schema),
      };
    },
  ],
];

async function appliedVersions(store: SqlStore, tables: Tables): Promise<number[]> {
  const { rows } = await sql<{ version: number }>`SELECT version FROM ${tables.t('schema_migrations')}
    ORDER BY version`.execute(store.kysely);
  return rows.map((r) => Number(r.version));
}

describe.each(targets)('migrations on %s', (_name, makeTarget) => {
  it('creates the schema once; opening again changes nothing and keeps the data', async () => {
    const target = makeTarget();
    const first = await target.open();
    expect(first.schemaVersion).toBe(SCHEMA_VERSION);
    await first.putLog(aLog({ id: 'kept', authorId: 'rep-1' }));
    await first.close();
    const second = await target.open();
    expect(second.schemaVersion).toBe(SCHEMA_VERSION);
    expect((await second.getLog('tenant-a', 'kept'))?.id).toBe('kept');
    expect(await appliedVersions(second, target.tables())).toEqual(MIGRATIONS.map((m) => m.version));
    await second.close();
  });

  it('lets several stores start at once on a new database, each step applied exactly once', async () => {
    const target = makeTarget();
    const stores = await Promise.all(Array.from({ length: 6 }, () => target.open()));
    for (const store of stores) expect(store.schemaVersion).toBe(SCHEMA_VERSION);
    expect(await appliedVersions(stores[0]!, target.tables())).toEqual(MIGRATIONS.map((m) => m.version));
    await stores[0]!.putTeam(aTeam({ id: 't1' }));
    expect((await stores[5]!.getTeam('tenant-a', 't1'))?.id).toBe('t1');
    await Promise.all(stores.map((s) => s.close()));
  });

  it('keeps stores with different table prefixes apart in one database', async () => {
    const target = makeTarget();
    const a = await target.open('app_a_');
    const b = await target.open('app_b_');
    await a.putTeam(aTeam({ id: 'only-in-a' }));
    expect(await b.getTeam('tenant-a', 'only-in-a')).toBeNull();
    expect((await a.getTeam('tenant-a', 'only-in-a'))?.id).toBe('only-in-a');
    await Promise.all([a.close(), b.close()]);
  });

  it('leaves no half-applied step behind when a step fails', async () => {
    const target = makeTarget();
    const store = await target.open();
    const tables = target.tables();
    const broken: Migration = {
      version: SCHEMA_VERSION + 1,
      name: 'fails halfway',
      statements: (t) => [
        sql`CREATE TABLE ${t.t('persons')}_extra (id TEXT PRIMARY KEY)`,
        sql`ALTER TABLE ${t.t('logs')} ADD COLUMN half_done INTEGER`,
        sql`THIS IS NOT SQL`,
      ],
    };
    await expect(migrate(store.kysely, store.dialect, tables, [...MIGRATIONS, broken])).rejects.toThrow();
    expect(await appliedVersions(store, tables)).toEqual(MIGRATIONS.map((m) => m.version));
    // The step's first statements were rolled back with it: the column is not there.
    await expect(sql`SELECT half_done FROM ${tables.t('logs')}`.execute(store.kysely)).rejects.toThrow();
    await store.putLog(aLog({ id: 'still-works', authorId: 'rep-1' }));
    await store.close();
  });

  it('refuses a schema newer than the code, naming both versions, and leaves it untouched', async () => {
    const target = makeTarget();
    const store = await target.open();
    const future = SCHEMA_VERSION + 41;
    await sql`INSERT INTO ${target.tables().t('schema_migrations')} (version, name, applied_at)
      VALUES (${future}, 'from the future', '2030-01-01T00:00:00.000Z')`.execute(store.kysely);
    await store.close();
    const error = await target.open().then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(SqlStoreError);
    expect(error).toMatchObject({ code: 'unavailable', detailKey: 'store.schema-newer' });
    expect((error as Error).message).toContain(`version ${future}`);
    expect((error as Error).message).toContain(`(version ${SCHEMA_VERSION})`);
  });
});

describe('upgrading a version-1 SQLite database', () => {
  it('fills the monthly counts from the logs already there, so insights count them', async () => {
    const raw = new Database(join(dir(), `upgrade-${++n}.db`));
    const kysely = new Kysely({ dialect: new SqliteDialect({ database: raw }) });
    const tables = makeTables('', undefined);
    await migrate(kysely, 'sqlite', tables, MIGRATIONS.slice(0, 1));
    for (const [i, occurredAt] of ['2026-01-10T09:00:00.000Z', '2026-02-10T09:00:00.000Z'].entries()) {
      const row = { ...rowOf.log(aLog({ id: `old-${i}`, authorId: 'rep-1', occurredAt, askedWhy: true })) };
      // Version 1 had no next-step column (added by version 3).
      delete row.next_step_due;
      const values = { ...row, o_reopened: 0, o_won_later: 0, o_referral: 0, o_repeat: 0, o_closed: 0 };
      const columns = Object.keys(values);
      await sql`INSERT INTO ${tables.t('logs')} (${sql.join(columns.map((c) => sql.id(c)))})
        VALUES (${sql.join(columns.map((c) => values[c as keyof typeof values]))})`.execute(kysely);
    }
    const store = await createSqlStore({ kysely, dialect: 'sqlite' });
    expect(store.schemaVersion).toBe(SCHEMA_VERSION);
    await store.putMembership(aMembership({ teamId: 't1', personId: 'rep-1' }));
    const [row] = await store.insightCounts({
      tenantId: 'tenant-a',
      teamIds: ['t1'],
      from: '2026-01-01T00:00:00.000Z',
      to: '2026-03-01T00:00:00.000Z',
    });
    expect(row).toMatchObject({ logs: 2, askedWhy: 2 });
    await kysely.destroy();
  });
});
