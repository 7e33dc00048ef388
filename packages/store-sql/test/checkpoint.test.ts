import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { aLog } from '@rebound/core/testing';
import { createSqlStore } from '@rebound/store-sql';
import { describe, expect, it } from 'vitest';
import { useTempDir } from './helpers';

const dir = useTempDir();

async function until(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) return false;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return true;
}

describe('SQLite WAL checkpoints', () => {
  it('are done off the writing thread: the file takes the pages in while the WAL is far below the writer threshold', async () => {
    const path = join(dir(), 'checkpoints.db');
    const store = await createSqlStore({ url: `sqlite:${path}` });
    const { rows } = await store.kysely.executeQuery<{ wal_autocheckpoint: number }>({
      sql: 'PRAGMA wal_autocheckpoint',
      parameters: [],
    } as never);
    expect(rows[0]?.wal_autocheckpoint).toBe(40_000);
    const before = statSync(path).size;
    // About 1,500 statements: past the point where a writing store starts its checkpointer, and about 2,000
    // WAL pages, far from the 40,000 at which the writer would checkpoint by itself.
    for (let i = 0; i < 300; i++) {
      await store.putLog(aLog({ id: `log-${i}`, authorId: `rep-${i % 7}`, customerWords: 'x'.repeat(2000) }));
    }
    expect(statSync(`${path}-wal`).size).toBeLessThan(10_000 * 4096);
    expect(await until(() => statSync(path).size > before + 300 * 2000, 10_000)).toBe(true);

    await store.close();
    // The store's connection closes last and removes the WAL; everything is in the file.
    expect(existsSync(`${path}-wal`)).toBe(false);
    const reopened = await createSqlStore({ url: `sqlite:${path}` });
    expect((await reopened.listLogs('tenant-a', { authorId: 'rep-3' })).length).toBe(43);
    await reopened.close();
  });

  it('are not started by a store that hardly writes, and closing it leaves no WAL behind', async () => {
    const path = join(dir(), 'quiet.db');
    const store = await createSqlStore({ url: `sqlite:${path}` });
    for (let i = 0; i < 10; i++) await store.putLog(aLog({ id: `log-${i}`, authorId: 'rep-1' }));
    await new Promise((resolve) => setTimeout(resolve, 300));
    // Nothing checkpointed yet: the pages are still in the WAL only.
    expect(statSync(`${path}-wal`).size).toBeGreaterThan(0);
    await store.close();
    expect(existsSync(`${path}-wal`)).toBe(false);
    const reopened = await createSqlStore({ url: `sqlite:${path}` });
    expect((await reopened.listLogs('tenant-a', { authorId: 'rep-1' })).length).toBe(10);
    await reopened.close();
  });
});
