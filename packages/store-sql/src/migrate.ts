import { type Kysely, sql } from 'kysely';
import type { SqlDialectName } from './config';
import { SqlStoreError } from './errors';
import { MIGRATIONS, type Migration } from './migrations';
import type { Tables } from './tables';

// biome-ignore lint/suspicious/noExplicitAny: the store builds its own SQL; Kysely's table typing is not used
type AnyKysely = Kysely<any>;

/**
 * Brings the schema to the latest version. Safe when several processes start at once: SQLite serialises them
 * with `BEGIN IMMEDIATE` (every pending step in one transaction), PostgreSQL with an advisory lock held while
 * each step runs in its own transaction. A schema newer than this code is refused and left untouched.
 */
export async function migrate(
  db: AnyKysely,
  dialect: SqlDialectName,
  t: Tables,
  steps: readonly Migration[] = MIGRATIONS,
): Promise<number> {
  return dialect === 'sqlite' ? migrateSqlite(db, t, steps) : migratePostgres(db, t, steps);
}

const latestOf = (steps: readonly Migration[]) => steps[steps.length - 1]?.version ?? 0;

async function migrateSqlite(db: AnyKysely, t: Tables, steps: readonly Migration[]): Promise<number> {
  return db.connection().execute(async (conn) => {
    await sql`BEGIN IMMEDIATE`.execute(conn);
    try {
      await createVersionTable(conn, t);
      const current = await currentVersion(conn, t);
      refuseNewer(current, latestOf(steps));
      for (const step of steps) {
        if (step.version <= current) continue;
        for (const statement of step.statements(t, 'sqlite')) await statement.execute(conn);
        await recordStep(conn, t, step.version, step.name);
      }
      // Always a write, so that a read-only file is refused at start rather than at the first real write.
      await sql.raw(`PRAGMA user_version = ${Math.max(current, latestOf(steps))}`).execute(conn);
      await sql`COMMIT`.execute(conn);
      return Math.max(current, latestOf(steps));
    } catch (error) {
      await sql`ROLLBACK`.execute(conn).catch(() => undefined);
      throw error;
    }
  });
}

async function migratePostgres(db: AnyKysely, t: Tables, steps: readonly Migration[]): Promise<number> {
  const lockKey = `rebound-store-sql:${t.schema ?? ''}:${t.prefix}`;
  return db.connection().execute(async (conn) => {
    await sql`SELECT pg_advisory_lock(hashtext(${lockKey}))`.execute(conn);
    try {
      if (t.schema) await sql`CREATE SCHEMA IF NOT EXISTS ${sql.id(t.schema)}`.execute(conn);
      await createVersionTable(conn, t);
      let current = await currentVersion(conn, t);
      refuseNewer(current, latestOf(steps));
      for (const step of steps) {
        if (step.version <= current) continue;
        await sql`BEGIN`.execute(conn);
        try {
          for (const statement of step.statements(t, 'postgres')) await statement.execute(conn);
          await recordStep(conn, t, step.version, step.name);
          await sql`COMMIT`.execute(conn);
        } catch (error) {
          await sql`ROLLBACK`.execute(conn).catch(() => undefined);
          throw error;
        }
        current = step.version;
      }
      return current;
    } finally {
      await sql`SELECT pg_advisory_unlock(hashtext(${lockKey}))`.execute(conn).catch(() => undefined);
    }
  });
}

async function createVersionTable(conn: AnyKysely, t: Tables): Promise<void> {
  await sql`CREATE TABLE IF NOT EXISTS ${t.t('schema_migrations')} (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`.execute(conn);
}

async function currentVersion(conn: AnyKysely, t: Tables): Promise<number> {
  const { rows } = await sql<{ v: number | string | null }>`
    SELECT MAX(version) AS v FROM ${t.t('schema_migrations')}`.execute(conn);
  return Number(rows[0]?.v ?? 0);
}

function refuseNewer(current: number, known: number): void {
  if (current > known) {
    throw new SqlStoreError('unavailable', 'store.schema-newer', { found: current, known });
  }
}

async function recordStep(conn: AnyKysely, t: Tables, version: number, name: string): Promise<void> {
  await sql`INSERT INTO ${t.t('schema_migrations')} (version, name, applied_at)
    VALUES (${version}, ${name}, ${new Date().toISOString()})`.execute(conn);
}
