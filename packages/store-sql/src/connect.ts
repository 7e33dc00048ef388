import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import type { StoreTarget } from './config';
import { sqliteError } from './error-mapping';
import type { AnyKysely } from './ops';

export interface Connection {
  db: AnyKysely;
  /** Closes what this store opened (an embedder's own Kysely or Pool is left open). */
  close(): Promise<void>;
}

export interface SqlitePragmas {
  journalMode: string;
  synchronous: string;
  busyTimeoutMs: number;
}

// Stores of one process on one file share a connection. better-sqlite3 waits for a lock synchronously, so a
// second connection in the same process would block the thread that must finish the first one's transaction.
const sharedFiles = new Map<string, { connection: Connection; users: number }>();

/** Opens (or joins this process's connection to) a SQLite database; see `openSqliteConnection`. */
export function openSqlite(target: Extract<StoreTarget, { dialect: 'sqlite' }>, busyTimeoutMs: number): Connection {
  if (target.memory) return openSqliteConnection(target, busyTimeoutMs);
  const key = resolve(target.path);
  let entry = sharedFiles.get(key);
  if (!entry) {
    const connection = openSqliteConnection(target, busyTimeoutMs);
    entry = { connection, users: 0 };
    sharedFiles.set(key, entry);
  }
  entry.users++;
  const shared = entry;
  let closed = false;
  return {
    db: shared.connection.db,
    async close() {
      if (closed) return;
      closed = true;
      if (--shared.users > 0) return;
      sharedFiles.delete(key);
      await shared.connection.close();
    },
  };
}

/**
 * Opens a SQLite database with WAL, `synchronous=NORMAL` (a commit survives a process crash; a power loss
 * may lose the last commits but never corrupts) and a busy timeout, so that writers in other processes wait
 * their turn instead of failing. Prepared statements are cached: Kysely prepares every query anew otherwise.
 */
function openSqliteConnection(target: Extract<StoreTarget, { dialect: 'sqlite' }>, busyTimeoutMs: number): Connection {
  const path = target.memory ? ':memory:' : resolve(target.path);
  let raw: Database.Database;
  try {
    if (!target.memory) mkdirSync(dirname(path), { recursive: true });
    raw = new Database(path, { timeout: busyTimeoutMs });
  } catch (error) {
    throw sqliteError(error, target.path, busyTimeoutMs);
  }
  try {
    if (!target.memory) {
      raw.pragma('journal_mode = WAL');
      raw.pragma(`wal_autocheckpoint = ${WRITER_CHECKPOINT_PAGES}`);
    }
    raw.pragma('synchronous = NORMAL');
    raw.pragma(`busy_timeout = ${Math.floor(busyTimeoutMs)}`);
  } catch (error) {
    raw.close();
    throw sqliteError(error, target.path, busyTimeoutMs);
  }
  const statements = new Map<string, Database.Statement>();
  let checkpointer: Checkpointer | undefined;
  let runs = target.memory ? Number.NEGATIVE_INFINITY : 0;
  const database = {
    prepare(query: string) {
      if (++runs === CHECKPOINTER_AFTER_STATEMENTS) checkpointer = startCheckpointer(path);
      let statement = statements.get(query);
      if (!statement) {
        statement = raw.prepare(query);
        if (statements.size >= 1000) statements.clear();
        statements.set(query, statement);
      }
      return statement;
    },
    close() {
      statements.clear();
      raw.close();
    },
  };
  const db = new Kysely({ dialect: new SqliteDialect({ database }) });
  return {
    db,
    async close() {
      // The checkpointer's connection goes first, so that this one is the last and cleans the WAL up.
      await checkpointer?.stop();
      await db.destroy();
    },
  };
}

/**
 * WAL checkpoints copy committed pages back into the database file and flush it. On a large file every
 * write touches pages far apart (random ids in the primary key, authors in the covering index), so each
 * checkpoint writes thousands of scattered pages: run by the committing connection (SQLite's default, every
 * 1,000 pages) they stalled one write in a hundred for tens of milliseconds, more than half of the time of
 * logging a rejection on the 1M-log benchmark file. A store that writes runs them on a thread of its own
 * instead, with its own connection: PASSIVE checkpoints never block the writer, and the writer's own
 * automatic checkpoint stays as the fallback at `WRITER_CHECKPOINT_PAGES` (should the thread fall behind or
 * fail, the WAL still cannot grow without bound). Durability is unchanged: commits are in the WAL first.
 * Under writes without a pause the thread never quite catches up (the WAL can only start over once every
 * frame is copied), so the writer still copies the rest when the WAL reaches that size: at 10,000 pages
 * (40 MB, every 0.4 s at full speed) that cost 200 µs a logged rejection against 164 µs at 40,000 (160 MB),
 * measured in alternating blocks on the 1M-log file. The WAL file keeps its largest size until the last
 * connection closes.
 */
const WRITER_CHECKPOINT_PAGES = 40_000;
const CHECKPOINT_INTERVAL_MS = 100;
/** Stores that hardly write (most tests, short scripts) never start the thread. */
const CHECKPOINTER_AFTER_STATEMENTS = 1_000;

interface Checkpointer {
  stop(): Promise<void>;
}

const CHECKPOINTER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
let db;
try {
  const Database = require(workerData.module);
  db = new Database(workerData.path, { fileMustExist: true, timeout: 0 });
} catch {
  process.exit(0);
}
const timer = setInterval(() => {
  try { db.pragma('wal_checkpoint(PASSIVE)'); } catch {}
}, workerData.intervalMs);
parentPort.on('message', () => {
  clearInterval(timer);
  try { db.close(); } catch {}
  process.exit(0);
});
`;

// The CommonJS build has no `import.meta.url`; the ES module build has no `__filename`.
declare const __filename: string | undefined;

function startCheckpointer(path: string): Checkpointer | undefined {
  let worker: Worker;
  try {
    const here = typeof __filename === 'string' ? pathToFileURL(__filename).href : import.meta.url;
    const module = createRequire(here).resolve('better-sqlite3');
    worker = new Worker(CHECKPOINTER_SOURCE, {
      eval: true,
      workerData: { module, path, intervalMs: CHECKPOINT_INTERVAL_MS },
    });
  } catch {
    return undefined; // the writer's own automatic checkpoints carry on
  }
  // Never keeps the host alive, never crashes it.
  worker.unref();
  worker.on('error', () => undefined);
  const exited = new Promise<void>((done) => worker.once('exit', () => done()));
  return {
    stop() {
      // Referenced again while it closes: an unreferenced worker would let the host exit before it has.
      worker.ref();
      worker.postMessage('stop');
      return exited;
    },
  };
}

/** The pragmas a SQLite store actually runs with (for the README's claims and the benchmark report). */
export async function readSqlitePragmas(db: AnyKysely): Promise<SqlitePragmas> {
  const one = async (name: string) => {
    const { rows } = await sql.raw<Record<string, unknown>>(`PRAGMA ${name}`).execute(db);
    return Object.values(rows[0] ?? {})[0];
  };
  const synchronous = ['OFF', 'NORMAL', 'FULL', 'EXTRA'][Number(await one('synchronous'))] ?? 'unknown';
  return {
    journalMode: String(await one('journal_mode')),
    synchronous,
    busyTimeoutMs: Number(await one('busy_timeout')),
  };
}

/**
 * Sessions of the pools the store opens run with `jit = off`. PostgreSQL 15 compiles a query with LLVM once its
 * estimated cost passes `jit_above_cost` (100,000 by default): the whole org-year insight counts on the 1M-log
 * benchmark org were estimated at 72,000 and took 290 ms; with JIT forced on, compiling them took 165 ms more
 * and the query 435 ms. No query of the store runs long enough to win the compile time back (they are key
 * lookups, short index ranges and aggregates over one row per member), so the setting is per session of the
 * store's own pool, and the server's configuration is left alone. A connection string's own `options`
 * parameter wins. An embedder's own Pool or Kysely is used as given.
 */
const POSTGRES_SESSION_OPTIONS = '-c jit=off';

export function openPostgres(target: Extract<StoreTarget, { dialect: 'postgres' }>, poolSize: number): Connection {
  const hasOptions = (() => {
    try {
      return new URL(target.connectionString).searchParams.has('options');
    } catch {
      return false;
    }
  })();
  const pool = new pg.Pool({
    connectionString: target.connectionString,
    max: poolSize,
    connectionTimeoutMillis: 10_000,
    ...(hasOptions ? {} : { options: POSTGRES_SESSION_OPTIONS }),
  });
  // An idle client losing its server must not crash the host; the next query reports the problem.
  pool.on('error', () => undefined);
  const db = new Kysely({ dialect: new PostgresDialect({ pool }) });
  return { db, close: () => db.destroy() };
}

export function wrapPool(pool: pg.Pool): Connection {
  return { db: new Kysely({ dialect: new PostgresDialect({ pool }) }), close: async () => undefined };
}

/** What the database runs with: SQLite pragmas, or PostgreSQL's version and memory settings (for reports). */
export async function readDatabaseSettings(
  db: AnyKysely,
  dialect: 'sqlite' | 'postgres',
): Promise<Record<string, string>> {
  if (dialect === 'sqlite') {
    const p = await readSqlitePragmas(db);
    const { rows } = await sql<{ v: string }>`SELECT sqlite_version() AS v`.execute(db);
    return {
      version: `SQLite ${rows[0]?.v ?? '?'}`,
      journal_mode: p.journalMode,
      synchronous: p.synchronous,
      busy_timeout: `${p.busyTimeoutMs} ms`,
      wal_autocheckpoint: `${String(
        Object.values(
          (await sql.raw<Record<string, unknown>>('PRAGMA wal_autocheckpoint').execute(db)).rows[0] ?? {},
        )[0],
      )} pages on the writer, PASSIVE checkpoints every ${CHECKPOINT_INTERVAL_MS} ms on a thread of their own`,
      cache_size: String(
        Object.values((await sql.raw<Record<string, unknown>>('PRAGMA cache_size').execute(db)).rows[0] ?? {})[0],
      ),
    };
  }
  const { rows } = await sql<Record<string, string>>`SELECT version() AS version,
    current_setting('shared_buffers') AS shared_buffers, current_setting('work_mem') AS work_mem,
    current_setting('jit') AS jit, current_setting('autovacuum') AS autovacuum,
    current_setting('max_parallel_workers_per_gather') AS max_parallel_workers_per_gather`.execute(db);
  const row = rows[0] ?? {};
  return { ...row, version: String(row.version ?? '').split(' on ')[0] ?? '' };
}
