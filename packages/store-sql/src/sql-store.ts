import { parseInput, type Store, type StoreOps } from '@rebound/core';
import { type Kysely, sql } from 'kysely';
import type pg from 'pg';
import { z } from 'zod';
import { CompiledStatements } from './compiled';
import { parseStoreUrl, type SqlDialectName } from './config';
import { type Connection, openPostgres, openSqlite, readDatabaseSettings, wrapPool } from './connect';
import { type PgTargetInfo, pgError, sqliteError } from './error-mapping';
import { SqlStoreError } from './errors';
import { migrate } from './migrate';
import { type AnyKysely, type ImportRecords, SqlOps } from './ops';
import { makeTables, TABLE_NAMES, type Tables } from './tables';

export interface SqlStoreCommonOptions {
  /** Prepended to every table and index name (`rebound_`), so Rebound can share a database. */
  tablePrefix?: string;
  /** PostgreSQL only: the schema that holds the tables (created when missing). */
  schema?: string;
  /** SQLite only: how long a writer waits for another process's write transaction. Default 5000 ms. */
  busyTimeoutMs?: number;
}

export type SqlStoreOptions =
  | (SqlStoreCommonOptions & {
      /** `sqlite:./path/file.db`, `sqlite::memory:` or `postgres://user:password@host:port/database`. */
      url: string;
      /** PostgreSQL pool size. Default 10. */
      poolSize?: number;
    })
  | (SqlStoreCommonOptions & {
      /** An embedder's own Kysely instance; it stays open when the store closes. */
      // biome-ignore lint/suspicious/noExplicitAny: any database type is fine, the store only adds its tables
      kysely: Kysely<any>;
      dialect: SqlDialectName;
    })
  | (SqlStoreCommonOptions & {
      /** An embedder's own `pg` Pool; it stays open when the store closes. */
      pool: pg.Pool;
    });

export interface SqlStore extends Store {
  readonly dialect: SqlDialectName;
  /** The schema version the database is at after start. */
  readonly schemaVersion: number;
  /** The Kysely instance the store runs on. */
  readonly kysely: AnyKysely;
  /**
   * Writes many records in one transaction with multi-row statements: the same result as putting each one
   * (outcome flags and check-in periods included), for importing history or loading a benchmark.
   */
  importRecords(records: ImportRecords): Promise<void>;
  /** Refreshes the query planner's statistics (ANALYZE); worth it after a large import. */
  analyze(): Promise<void>;
  /** SQLite pragmas, or PostgreSQL's version and memory settings, as the store runs with them. */
  settings(): Promise<Record<string, string>>;
}

const identifier = /^[A-Za-z_][A-Za-z0-9_]*$/;
const commonSchema = z.object({
  tablePrefix: z.string().max(30).regex(identifier, { message: 'format' }).or(z.literal('')).optional(),
  schema: z.string().min(1).max(63).regex(identifier, { message: 'format' }).optional(),
  busyTimeoutMs: z.number().int().min(0).max(600_000).optional(),
  poolSize: z.number().int().min(1).max(1000).optional(),
  dialect: z.enum(['sqlite', 'postgres']).optional(),
});

const DEADLOCK_RETRIES = 8;
const DEFAULT_BUSY_TIMEOUT_MS = 5000;

/**
 * Opens a Store on SQLite or PostgreSQL and brings its schema up to date before resolving. Errors that an
 * operator must fix (bad URL, server unreachable, wrong password, read-only file, schema newer than this code)
 * reject with a `SqlStoreError` whose message says what to do and never contains the password.
 */
export async function createSqlStore(options: SqlStoreOptions): Promise<SqlStore> {
  const given = ['url', 'kysely', 'pool'].filter(
    (k) => (options as unknown as Record<string, unknown>)[k] !== undefined,
  );
  if (given.length !== 1) {
    throw new SqlStoreError('validation', 'store.options-invalid', { detail: `Given: ${given.join(', ') || 'none'}.` });
  }
  const common = parseInput(commonSchema, {
    tablePrefix: options.tablePrefix,
    schema: options.schema,
    busyTimeoutMs: options.busyTimeoutMs,
    poolSize: 'poolSize' in options ? options.poolSize : undefined,
    dialect: 'dialect' in options ? options.dialect : undefined,
  });
  const busyTimeoutMs = common.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS;

  let connection: Connection;
  let dialect: SqlDialectName;
  let mapError: (error: unknown) => unknown;
  if ('url' in options && options.url !== undefined) {
    const target = parseStoreUrl(options.url);
    dialect = target.dialect;
    if (target.dialect === 'sqlite') {
      connection = openSqlite(target, busyTimeoutMs);
      mapError = (error) => sqliteError(error, target.path, busyTimeoutMs);
    } else {
      connection = openPostgres(target, common.poolSize ?? 10);
      mapError = (error) => pgError(error, target);
    }
  } else if ('pool' in options && options.pool !== undefined) {
    dialect = 'postgres';
    connection = wrapPool(options.pool);
    const info = poolInfo(options.pool);
    mapError = (error) => pgError(error, info);
  } else if ('kysely' in options && options.kysely !== undefined) {
    if (common.dialect === undefined) {
      throw new SqlStoreError('validation', 'store.kysely-dialect', {});
    }
    dialect = common.dialect;
    connection = { db: options.kysely, close: async () => undefined };
    mapError = (error) =>
      dialect === 'sqlite' ? sqliteError(error, '(embedder database)', busyTimeoutMs) : pgError(error, unknownTarget);
  } else {
    throw new SqlStoreError('validation', 'store.options-invalid', { detail: 'Given: none.' });
  }
  if (common.schema !== undefined && dialect !== 'postgres') {
    await connection.close();
    throw new SqlStoreError('validation', 'store.schema-sqlite', {});
  }

  const tables = makeTables(common.tablePrefix ?? '', common.schema);
  let schemaVersion: number;
  try {
    schemaVersion = await migrate(connection.db, dialect, tables);
  } catch (error) {
    await connection.close().catch(() => undefined);
    throw mapError(error);
  }
  return buildStore(connection, dialect, tables, schemaVersion, mapError);
}

type TenantLock = (tenantId: string) => Promise<void>;

function buildStore(
  connection: Connection,
  dialect: SqlDialectName,
  tables: Tables,
  schemaVersion: number,
  mapError: (error: unknown) => unknown,
): SqlStore {
  const db = connection.db;
  let closed: Promise<void> | undefined;

  const compiled = new CompiledStatements();
  const opsOn = (executor: AnyKysely, inTransaction: boolean): SqlOps =>
    new SqlOps(executor, {
      dialect,
      tables,
      compiled,
      atomic: (tenantId, work) =>
        inTransaction
          ? work(opsOn(executor, true))
          : runInTransaction(async (conn, lock) => {
              await lock(tenantId);
              return work(opsOn(conn, true));
            }),
    });

  function runInTransaction<T>(work: (conn: AnyKysely, lock: TenantLock) => Promise<T>): Promise<T> {
    return dialect === 'sqlite' ? sqliteTransaction(work) : postgresTransaction(work);
  }

  // SQLite: one connection; BEGIN IMMEDIATE takes the write lock up front, so that two processes never both
  // read and then fail to upgrade to writing (SQLITE_BUSY), and transactions never interleave.
  function sqliteTransaction<T>(work: (conn: AnyKysely, lock: TenantLock) => Promise<T>): Promise<T> {
    return db.connection().execute(async (conn) => {
      await sql`BEGIN IMMEDIATE`.execute(conn);
      let result: T;
      try {
        result = await work(conn, async () => undefined);
        await sql`COMMIT`.execute(conn);
      } catch (error) {
        await sql`ROLLBACK`.execute(conn).catch(() => undefined);
        throw error;
      }
      return result;
    });
  }

  // PostgreSQL: transactions of one tenant run one at a time, as on SQLite and in the memory store. Before its
  // first statement for a tenant, a transaction takes that tenant's advisory lock (held until commit or
  // rollback), so a read-then-write inside it cannot be overtaken; tenants do not wait for each other. A
  // deadlock between two transactions spanning tenants rolls back and runs `work` again.
  async function postgresTransaction<T>(work: (conn: AnyKysely, lock: TenantLock) => Promise<T>): Promise<T> {
    const lockSpace = `rebound-tx:${tables.schema ?? ''}:${tables.prefix}`;
    for (let attempt = 1; ; attempt++) {
      try {
        return await db.connection().execute(async (conn) => {
          await sql`BEGIN`.execute(conn);
          try {
            const locked = new Set<string>();
            const result = await work(conn, async (tenantId) => {
              if (locked.has(tenantId)) return;
              await sql`SELECT pg_advisory_xact_lock(hashtext(${lockSpace}), hashtext(${tenantId}))`.execute(conn);
              locked.add(tenantId);
            });
            await sql`COMMIT`.execute(conn);
            return result;
          } catch (error) {
            await sql`ROLLBACK`.execute(conn).catch(() => undefined);
            throw error;
          }
        });
      } catch (error) {
        const code = (error as { code?: unknown } | null)?.code;
        if ((code === '40P01' || code === '40001') && attempt < DEADLOCK_RETRIES) {
          await new Promise((r) => setTimeout(r, Math.random() * Math.min(200, 2 ** attempt)));
          continue;
        }
        throw error;
      }
    }
  }

  async function transaction<T>(work: (tx: StoreOps) => Promise<T>): Promise<T> {
    try {
      return await runInTransaction((conn, lock) =>
        work(dialect === 'postgres' ? tenantLocked(opsOn(conn, true), lock) : opsOn(conn, true)),
      );
    } catch (error) {
      throw mapError(error);
    }
  }

  const ops = guard(opsOn(db, false), mapError);
  return {
    ...ops,
    dialect,
    schemaVersion,
    kysely: db,
    transaction,
    importRecords: (records) =>
      runInTransaction(async (conn, lock) => {
        const all = [
          ...(records.persons ?? []),
          ...(records.teams ?? []),
          ...(records.memberships ?? []),
          ...(records.logs ?? []),
          ...(records.outcomes ?? []),
          ...(records.checkIns ?? []),
        ];
        for (const tenantId of new Set(all.map((r) => r.tenantId))) await lock(tenantId);
        // While a table grows by an import faster than autovacuum analyzes it, PostgreSQL may scan the whole
        // table to find a chunk's ids instead of using the primary key (quadratic imports). Every statement
        // of an import has an index to use; this transaction only is told to prefer them.
        if (dialect === 'postgres') await sql`SET LOCAL enable_seqscan = off`.execute(conn);
        await opsOn(conn, true).importRecords(records);
      }).catch((error: unknown) => {
        throw mapError(error);
      }),
    async analyze() {
      if (dialect === 'sqlite') await sql`ANALYZE`.execute(db);
      else for (const name of TABLE_NAMES) await sql`ANALYZE ${tables.t(name)}`.execute(db);
    },
    settings: () => readDatabaseSettings(db, dialect),
    close() {
      closed ??= connection.close();
      return closed;
    },
  };
}

const STORE_OPS_METHODS = [
  'getPerson',
  'putPerson',
  'getTeam',
  'putTeam',
  'listTeams',
  'listMemberships',
  'putMembership',
  'deleteMembership',
  'getAssignment',
  'putAssignment',
  'listAssignments',
  'getLog',
  'putLog',
  'listLogs',
  'putOutcome',
  'listOutcomes',
  'getCheckIn',
  'findCheckIn',
  'putCheckIn',
  'listCheckIns',
  'putShare',
  'listShares',
  'putReply',
  'listReplies',
  'getSchedule',
  'putSchedule',
  'listEnabledSchedules',
  'listAllTeams',
  'listLogsWithNextStepDue',
  'getConversationRef',
  'findConversationRefs',
  'putConversationRef',
  'getDelivery',
  'getDeliveryByKey',
  'createDelivery',
  'updateDelivery',
  'listDeliveries',
  'listPendingDeliveries',
  'listSentDeliveries',
  'getIdempotencyRecord',
  'putIdempotencyRecord',
  'deleteIdempotencyRecordsBefore',
  'insightCounts',
  'deletePersonData',
] as const satisfies readonly (keyof StoreOps)[];
// The compiler complains here when the port gains a method this list does not wrap.
const everyMethodWrapped: Exclude<keyof StoreOps, (typeof STORE_OPS_METHODS)[number]> extends never ? true : never =
  true;
void everyMethodWrapped;

/** Every StoreOps method with operator-facing errors mapped (busy, read-only, server gone). */
function guard(ops: SqlOps, mapError: (error: unknown) => unknown): StoreOps {
  const out: Record<string, unknown> = {};
  for (const name of STORE_OPS_METHODS) {
    const method = ops[name] as (...args: unknown[]) => Promise<unknown>;
    out[name] = async (...args: unknown[]) => {
      try {
        return await method.apply(ops, args);
      } catch (error) {
        throw mapError(error);
      }
    };
  }
  return out as unknown as StoreOps;
}

/** Scans of every tenant: they take no tenant's lock (their arguments are dates and queries, not tenants). */
const CROSS_TENANT: ReadonlySet<string> = new Set([
  'listEnabledSchedules',
  'listAllTeams',
  'listLogsWithNextStepDue',
  'listPendingDeliveries',
  'listSentDeliveries',
  'deleteIdempotencyRecordsBefore',
]);

/** The tenant a StoreOps call is about: its first argument, or that argument's `tenantId`. */
function tenantOf(args: readonly unknown[]): string | undefined {
  const first = args[0];
  if (typeof first === 'string') return first;
  const tenantId = (first as { tenantId?: unknown } | null | undefined)?.tenantId;
  return typeof tenantId === 'string' ? tenantId : undefined;
}

/** Every StoreOps method taking `lock(tenant)` before it runs. */
function tenantLocked(ops: SqlOps, lock: (tenantId: string) => Promise<void>): StoreOps {
  const out: Record<string, unknown> = {};
  for (const name of STORE_OPS_METHODS) {
    const method = ops[name] as (...args: unknown[]) => Promise<unknown>;
    out[name] = async (...args: unknown[]) => {
      const tenantId = CROSS_TENANT.has(name) ? undefined : tenantOf(args);
      if (tenantId !== undefined) await lock(tenantId);
      return method.apply(ops, args);
    };
  }
  return out as unknown as StoreOps;
}

function poolInfo(pool: pg.Pool): PgTargetInfo {
  const o = pool.options as pg.PoolConfig;
  return {
    host: String(o.host ?? 'localhost'),
    port: Number(o.port ?? 5432),
    user: String(o.user ?? ''),
    database: String(o.database ?? ''),
    password: typeof o.password === 'string' ? o.password : undefined,
  };
}

const unknownTarget: PgTargetInfo = { host: '(embedder database)', port: 0, user: '', database: '' };
