import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { StoreFactory } from '@rebound/core/testing';
import { createSqlStore, type SqlStore } from '@rebound/store-sql';
import { startTestPostgres, type TestDatabase, type TestPostgres } from '@rebound/store-sql/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll } from 'vitest';

let n = 0;
const unique = () => `${process.pid}_${++n}`;

/** A fresh PostgreSQL database for this test file, dropped afterwards. Call at the top level of the file. */
export function usePostgresDatabase(): () => TestDatabase {
  let server: TestPostgres | undefined;
  let database: TestDatabase | undefined;
  beforeAll(async () => {
    server = await startTestPostgres();
    database = await server.createDatabase();
  });
  afterAll(async () => {
    await database?.drop();
    await server?.stop();
  });
  return () => {
    if (!database) throw new Error('the PostgreSQL test database is not ready (usePostgresDatabase in a hook?)');
    return database;
  };
}

/** A temporary folder for this test file, removed afterwards. */
export function useTempDir(): () => string {
  let dir: string | undefined;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'rebound-store-sql-'));
  });
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
  return () => dir!;
}

export const sqliteMemoryStores: StoreFactory<SqlStore> = {
  name: 'SQLite in memory',
  create: () => createSqlStore({ url: 'sqlite::memory:' }),
};

export function sqliteFileStores(dir: () => string): StoreFactory<SqlStore> {
  return {
    name: 'SQLite file',
    create: () => createSqlStore({ url: `sqlite:${join(dir(), `store-${unique()}.db`)}` }),
  };
}

/** Each store in its own PostgreSQL schema of the file's database (the `schema` option), dropped afterwards. */
export function postgresStores(database: () => TestDatabase): StoreFactory<SqlStore> {
  const schemas = new WeakMap<SqlStore, string>();
  return {
    name: 'PostgreSQL',
    async create() {
      const schema = `contract_${unique()}`;
      const store = await createSqlStore({ url: database().url, schema, poolSize: 5 });
      schemas.set(store, schema);
      return store;
    },
    async destroy(store) {
      const schema = schemas.get(store);
      if (schema) await sql`DROP SCHEMA ${sql.id(schema)} CASCADE`.execute(store.kysely);
      await store.close();
    },
  };
}
