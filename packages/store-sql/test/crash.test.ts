import { join } from 'node:path';
import { createSqlStore, type SqlStore } from '@rebound/store-sql';
import { describe, expect, it } from 'vitest';
import { startFixture } from './child';
import { usePostgresDatabase, useTempDir } from './helpers';

const dir = useTempDir();
const database = usePostgresDatabase();

/** Runs the crash writer until it has committed a few use cases, then kills it with SIGKILL at a random moment. */
async function runAndKill(url: string, round: number): Promise<string[]> {
  const child = startFixture('crash-writer.ts', [url, String(round)]);
  const committed: string[] = [];
  let buffer = '';
  let stderr = '';
  child.stderr?.on('data', (chunk) => {
    stderr += chunk;
  });
  const exited = new Promise<NodeJS.Signals | number | null>((resolve) =>
    child.on('exit', (code, signal) => resolve(signal ?? code)),
  );
  await new Promise<void>((resolve, reject) => {
    const target = 5 + Math.floor(Math.random() * 60);
    child.stdout?.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) if (line.startsWith('committed ')) committed.push(line.slice('committed '.length));
      if (committed.length >= target) {
        // A random delay more, so that the kill lands anywhere inside the next use case.
        setTimeout(() => child.kill('SIGKILL'), Math.random() * 15);
        resolve();
      }
    });
    exited.then((how) => reject(new Error(`crash writer ended by itself (${how}): ${stderr.slice(-2000)}`)));
  });
  expect(await exited).toBe('SIGKILL');
  // Lines read after the kill was sent were written before the process died, so they were committed too.
  for (const line of buffer.split('\n')) if (line.startsWith('committed ')) committed.push(line.slice(10));
  return committed;
}

/** Every log shared with the manager comes with its share and its delivery, and nothing exists without its log. */
async function expectWholeUseCases(store: SqlStore, reported: Set<string>): Promise<void> {
  const logs = await store.listLogs('tenant-a', { authorId: 'rep-1' });
  const logIds = new Set(logs.map((l) => l.id));
  for (const id of reported) expect(logIds.has(id), `reported log ${id} is stored`).toBe(true);
  const shares = await store.listShares('tenant-a', { ownerId: 'rep-1' });
  const deliveries = await store.listDeliveries('tenant-a', { ownerId: 'rep-1' });
  for (const log of logs) {
    expect(log.visibility).toBe('manager');
    expect(shares.filter((s) => s.itemId === log.id).map((s) => s.audience)).toEqual([['mgr-1']]);
    expect(deliveries.filter((d) => d.itemId === log.id).map((d) => d.recipientId)).toEqual(['mgr-1']);
  }
  for (const share of shares) expect(logIds.has(share.itemId)).toBe(true);
  for (const delivery of deliveries) expect(logIds.has(delivery.itemId!)).toBe(true);
}

describe.each([
  ['SQLite file', () => `sqlite:${join(dir(), 'crash.db')}`],
  ['PostgreSQL', () => database().url],
])('a writer killed with SIGKILL on %s', (_name, url) => {
  it('keeps every use case it reported committed, and no part of the one it was in', async () => {
    const reported = new Set<string>();
    for (let round = 1; round <= 3; round++) {
      for (const id of await runAndKill(url(), round)) reported.add(id);
      const store = await createSqlStore({ url: url() });
      await expectWholeUseCases(store, reported);
      await store.close();
    }
    expect(reported.size).toBeGreaterThanOrEqual(15);
    // Three writer processes: 97 s measured beside four CPU-bound loops (load average 15), hence the budget.
  }, 300_000);
});
