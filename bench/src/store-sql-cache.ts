/**
 * The generated 1M-log org, built once and kept for the SQL store probes: a SQLite file under
 * `bench/results/store-sql-cache/` and a PostgreSQL database `rebound_bench_org` on the test server. A marker
 * file (SQLite) and a marker table (PostgreSQL) say that a load finished; anything else is rebuilt.
 * Build or check: cd bench && node --conditions=source --import tsx src/store-sql-cache.ts [sqlite|postgres]
 */
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { createSqlStore, type SqlStore } from '@rebound/store-sql';
import { startTestPostgres } from '@rebound/store-sql/testing';
import { FULL_ORG, type OrgShape, orgItems, orgPeople } from './store-sql-org';

export const cacheDir = join(import.meta.dirname, '..', 'results', 'store-sql-cache');
export const cachedSqlitePath = (shape: OrgShape) => join(cacheDir, `org-${shape.logs}.db`);
const PG_NAME = (shape: OrgShape) => `rebound_bench_org_${shape.logs}`;

// `pg` is the store's dependency, not the bench's: borrowed from there for the admin connection.
const pg = createRequire(join(import.meta.dirname, '..', '..', 'packages', 'store-sql', 'package.json'))('pg') as {
  Client: new (options: {
    connectionString: string;
  }) => {
    connect(): Promise<void>;
    query(text: string, values?: unknown[]): Promise<{ rowCount: number | null; rows: Record<string, unknown>[] }>;
    end(): Promise<void>;
  };
};

const log = (line: string) => process.stderr.write(`${line}\n`);

async function load(store: SqlStore, shape: OrgShape, name: string) {
  const start = Date.now();
  await store.importRecords(orgPeople(shape));
  let loaded = 0;
  for (const batch of orgItems(shape, 20_000)) {
    await store.importRecords(batch);
    loaded += batch.logs.length;
    if (loaded % 100_000 === 0) log(`${name}: ${loaded} logs in ${((Date.now() - start) / 1000).toFixed(1)} s`);
  }
  await store.analyze();
}

/** Runs one statement on the test server's admin database (CREATE / DROP DATABASE), or on the one at `url`. */
export async function adminQuery(statement: string, url?: string): Promise<void> {
  const admin = new pg.Client({ connectionString: url ?? (await startTestPostgres()).adminUrl });
  await admin.connect();
  try {
    await admin.query(statement);
  } finally {
    await admin.end();
  }
}

/** The cached SQLite org, built first when missing. */
export async function cachedSqlite(shape: OrgShape = FULL_ORG): Promise<string> {
  const path = cachedSqlitePath(shape);
  const done = `${path}.done`;
  if (existsSync(done)) return path;
  mkdirSync(cacheDir, { recursive: true });
  for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
  const store = await createSqlStore({ url: `sqlite:${path}` });
  await load(store, shape, 'SQLite');
  await store.close();
  writeFileSync(done, new Date().toISOString());
  return path;
}

/** The URL of the cached PostgreSQL org, built first when missing. */
export async function cachedPostgres(shape: OrgShape = FULL_ORG): Promise<string> {
  const server = await startTestPostgres();
  const name = PG_NAME(shape);
  const admin = new pg.Client({ connectionString: server.adminUrl });
  await admin.connect();
  const url = new URL(server.adminUrl);
  url.pathname = `/${name}`;
  try {
    const exists = (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 1;
    if (exists) {
      const client = new pg.Client({ connectionString: url.toString() });
      await client.connect();
      const done = await client.query(`SELECT to_regclass('bench_loaded') AS t`);
      await client.end();
      if (done.rows[0]?.t) return url.toString();
      await admin.query(`DROP DATABASE "${name}" WITH (FORCE)`);
    }
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const store = await createSqlStore({ url: url.toString(), poolSize: 4 });
  await load(store, shape, 'PostgreSQL');
  await adminQuery('VACUUM (ANALYZE)', url.toString());
  await store.kysely.schema.createTable('bench_loaded').addColumn('at', 'text').execute();
  await store.close();
  return url.toString();
}

if (process.argv[1]?.endsWith('store-sql-cache.ts')) {
  const shape: OrgShape = { ...FULL_ORG, logs: Number(process.env.BENCH_LOGS ?? FULL_ORG.logs) };
  const which = process.argv[2];
  if (which !== 'postgres') log(`SQLite: ${await cachedSqlite(shape)}`);
  if (which !== 'sqlite') log(`PostgreSQL: ${await cachedPostgres(shape)}`);
}
