import { createSqlStore, type SqlStore } from '@rebound/store-sql';
import { sql } from 'kysely';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { usePostgresDatabase } from './helpers';

const database = usePostgresDatabase();

async function jitOf(db: SqlStore['kysely']): Promise<string | undefined> {
  const { rows } = await sql<{ jit: string }>`SHOW jit`.execute(db);
  return rows[0]?.jit;
}

describe('PostgreSQL sessions of the store', () => {
  it('run without JIT compilation in the pool the store opens, whatever the server says', async () => {
    const store = await createSqlStore({ url: database().url, poolSize: 2 });
    try {
      // Every connection of the pool, not just the first one: two queries held open at once take two.
      const seen = await Promise.all(
        [1, 2].map(async () => {
          const { rows } = await sql<{ jit: string; pid: number }>`SELECT current_setting('jit') AS jit,
            pg_backend_pid() AS pid, pg_sleep(0.2)`.execute(store.kysely);
          return rows[0]!;
        }),
      );
      expect(seen.map((r) => r.jit)).toEqual(['off', 'off']);
      expect(new Set(seen.map((r) => r.pid)).size).toBe(2);
      expect((await store.settings()).jit).toBe('off');
    } finally {
      await store.close();
    }
  });

  it('leave an options parameter of the connection string and an embedder’s own pool as they are', async () => {
    const url = new URL(database().url);
    url.searchParams.set('options', '-c jit=on');
    const fromUrl = await createSqlStore({ url: url.toString(), poolSize: 1 });
    const pool = new pg.Pool({ connectionString: database().url, max: 1, options: '-c jit=on' });
    const embedded = await createSqlStore({ pool });
    try {
      expect(await jitOf(fromUrl.kysely)).toBe('on');
      expect(await jitOf(embedded.kysely)).toBe('on');
    } finally {
      await fromUrl.close();
      await embedded.close();
      await pool.end();
    }
  });
});
