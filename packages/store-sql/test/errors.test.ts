import { execFileSync } from 'node:child_process';
import { chmodSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { isReboundError } from '@rebound/core';
import { aTeam } from '@rebound/core/testing';
import { createSqlStore, SqlStoreError } from '@rebound/store-sql';
import { startThrowawayPostgres, type TestPostgres } from '@rebound/store-sql/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { usePostgresDatabase, useTempDir } from './helpers';

const dir = useTempDir();
const database = usePostgresDatabase();

async function failure(promise: Promise<unknown>): Promise<SqlStoreError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(SqlStoreError);
    expect(isReboundError(error)).toBe(true);
    return error as SqlStoreError;
  }
  throw new Error('expected the store to refuse');
}

async function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 1));
    });
  });
}

describe('a store URL that cannot work', () => {
  it.each([
    ['mysql://root@localhost/db'],
    ['sqlite:'],
    ['postgres://user:hunter2@/missing-host-and-db'],
    ['postgres://user:hunter2@localhost'],
    [''],
  ])('refuses %j as validation, naming the accepted forms without the password', async (url) => {
    const error = await failure(createSqlStore({ url }));
    expect(error.code).toBe('validation');
    expect(error.message).toContain('sqlite:./path/to/file.db');
    expect(error.message).not.toContain('hunter2');
    expect(error.explain('ja')).toContain('sqlite::memory:');
  });

  it('hides a password that itself contains an @', async () => {
    const error = await failure(createSqlStore({ url: 'postgres://user:hun@ter2@/db' }));
    expect(error.message).toContain('postgres://user:***@/db');
    expect(error.message).not.toContain('ter2');
  });

  it('refuses options naming no database, or two', async () => {
    expect((await failure(createSqlStore({} as never))).code).toBe('validation');
    const two = { url: 'sqlite::memory:', pool: {} } as never;
    expect((await failure(createSqlStore(two))).code).toBe('validation');
  });

  it('refuses a PostgreSQL schema on SQLite, pointing to tablePrefix instead', async () => {
    const error = await failure(createSqlStore({ url: 'sqlite::memory:', schema: 'rebound' }));
    expect(error).toMatchObject({ code: 'validation', detailKey: 'store.schema-sqlite' });
    expect(error.explain('ja')).toContain('tablePrefix');
  });

  it('refuses a table prefix that is not a plain identifier, with the field named', async () => {
    await expect(createSqlStore({ url: 'sqlite::memory:', tablePrefix: 'x; DROP TABLE' })).rejects.toMatchObject({
      code: 'validation',
      fields: [{ path: 'tablePrefix' }],
    });
  });
});

describe('PostgreSQL that cannot be reached or used', () => {
  it('says which host and port did not answer, without the password', async () => {
    const port = await closedPort();
    const error = await failure(createSqlStore({ url: `postgres://postgres:hunter2@127.0.0.1:${port}/test` }));
    expect(error.code).toBe('unavailable');
    expect(error.detailKey).toBe('store.pg-unreachable');
    expect(error.message).toContain(`127.0.0.1:${port}`);
    expect(error.message).not.toContain('hunter2');
    expect(JSON.stringify(error)).not.toContain('hunter2');
  });

  it('names the missing database and how to create it', async () => {
    const url = new URL(database().url);
    url.pathname = '/rebound_no_such_database';
    const error = await failure(createSqlStore({ url: url.toString() }));
    expect(error.detailKey).toBe('store.pg-no-database');
    expect(error.message).toContain('createdb rebound_no_such_database');
  });

  describe('with password authentication', () => {
    let server: TestPostgres;
    beforeAll(async () => {
      server = await startThrowawayPostgres({ password: 'right-secret' });
    });
    afterAll(() => server?.stop());

    it('opens with the right password', async () => {
      const store = await createSqlStore({ url: server.adminUrl });
      await store.putTeam(aTeam({ id: 't1' }));
      expect((await store.getTeam('tenant-a', 't1'))?.id).toBe('t1');
      await store.close();
    });

    it('tells a wrong password apart, names the user, and never repeats the password', async () => {
      const url = server.adminUrl.replace('right-secret', 'wrong-secret-42');
      const error = await failure(createSqlStore({ url }));
      expect(error.code).toBe('unavailable');
      expect(error.detailKey).toBe('store.pg-auth');
      expect(error.message).toContain('"postgres"');
      for (const text of [error.message, error.explain('ja'), error.stack ?? '', JSON.stringify(error)]) {
        expect(text).not.toContain('wrong-secret-42');
        expect(text).not.toContain('right-secret');
      }
    });
  });
});

describe('SQLite files that cannot be used', () => {
  it('refuses a read-only database file at start, saying what to check', async () => {
    const path = join(dir(), 'read-only.db');
    const first = await createSqlStore({ url: `sqlite:${path}` });
    await first.putTeam(aTeam({ id: 'kept' }));
    await first.close();
    const undo = makeReadOnly(path);
    try {
      const error = await failure(createSqlStore({ url: `sqlite:${path}` }));
      expect(error.code).toBe('unavailable');
      expect(error.detailKey).toBe('store.sqlite-readonly');
      expect(error.message).toContain(path);
      expect(error.message).toContain('permissions');
    } finally {
      undo();
    }
    const again = await createSqlStore({ url: `sqlite:${path}` });
    expect((await again.getTeam('tenant-a', 'kept'))?.id).toBe('kept');
    await again.close();
  });

  it('refuses a file that is not a SQLite database', async () => {
    const path = join(dir(), 'notes.txt');
    writeFileSync(path, 'These are meeting notes, not a database. '.repeat(100));
    const error = await failure(createSqlStore({ url: `sqlite:${path}` }));
    expect(error.detailKey).toBe('store.sqlite-not-a-database');
  });

  it('refuses a path whose folder cannot be created', async () => {
    const file = join(dir(), 'plain-file');
    writeFileSync(file, 'x');
    const error = await failure(createSqlStore({ url: `sqlite:${join(file, 'sub', 'rebound.db')}` }));
    expect(error.detailKey).toBe('store.sqlite-cannot-open');
  });

  it('creates missing folders for a new database file', async () => {
    const store = await createSqlStore({ url: `sqlite:${join(dir(), 'new', 'nested', 'rebound.db')}` });
    expect(store.schemaVersion).toBeGreaterThan(0);
    await store.close();
  });
});

/**
 * Makes `path` read-only for this process: file permissions for an ordinary user; as root (who ignores
 * permissions) the immutable attribute. Returns the undo.
 */
function makeReadOnly(path: string): () => void {
  if (process.getuid?.() !== 0) {
    chmodSync(path, 0o444);
    return () => chmodSync(path, 0o644);
  }
  try {
    execFileSync('chattr', ['+i', path], { stdio: 'pipe' });
  } catch (error) {
    throw new Error(
      `Running as root, this test needs chattr +i (an ext2/3/4, XFS or btrfs temp folder) to make a file read-only: ${error}`,
    );
  }
  return () => execFileSync('chattr', ['-i', path]);
}
