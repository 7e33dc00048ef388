import { join } from 'node:path';
import { aDelivery, aLog, anOutcome } from '@rebound/core/testing';
import { createSqlStore, type SqlStore } from '@rebound/store-sql';
import { describe, expect, it } from 'vitest';
import { finished, startFixture } from './child';
import { usePostgresDatabase, useTempDir } from './helpers';

const dir = useTempDir();
const database = usePostgresDatabase();
let n = 0;

/** Opens `count` stores on one fresh database: for PostgreSQL each with its own pool, like separate bot instances. */
const targets: Array<[string, (count: number) => Promise<SqlStore[]>]> = [
  [
    'SQLite file',
    async (count) => {
      const url = `sqlite:${join(dir(), `concurrency-${++n}.db`)}`;
      return Promise.all(Array.from({ length: count }, () => createSqlStore({ url })));
    },
  ],
  [
    'PostgreSQL',
    async (count) => {
      const schema = `concurrency_${process.pid}_${++n}`;
      const first = await createSqlStore({ url: database().url, schema, poolSize: 6 });
      const rest = await Promise.all(
        Array.from({ length: count - 1 }, () => createSqlStore({ url: database().url, schema, poolSize: 6 })),
      );
      return [first, ...rest];
    },
  ],
];

describe.each(targets)('parallel writers on %s', (_name, open) => {
  it('lose no increment when transactions read, then write, the same record at once', async () => {
    const stores = await open(2);
    await stores[0]!.createDelivery(aDelivery({ id: 'counter', key: 'counter', attempts: 0 }));
    await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        stores[i % stores.length]!.transaction(async (tx) => {
          const counter = (await tx.getDelivery('tenant-a', 'counter'))!;
          await tx.updateDelivery({ ...counter, attempts: counter.attempts + 1 });
        }),
      ),
    );
    expect((await stores[1]!.getDelivery('tenant-a', 'counter'))?.attempts).toBe(60);
    await Promise.all(stores.map((s) => s.close()));
  });

  it('keep every one of many plain writes, and the outcome flags the insight counts read', async () => {
    const [store] = await open(1);
    await Promise.all(
      Array.from({ length: 150 }, async (_, i) => {
        await store!.putLog(aLog({ id: `l${i}`, authorId: 'rep-1', occurredAt: '2026-11-03T09:00:00.000Z' }));
        await store!.putOutcome(anOutcome({ id: `o${i}`, logId: `l${i}`, authorId: 'rep-1', kind: 'referral' }));
      }),
    );
    await store!.putMembership({
      tenantId: 'tenant-a',
      teamId: 't1',
      personId: 'rep-1',
      role: 'rep',
      source: 'api',
      since: '2026-01-01T00:00:00.000Z',
    });
    expect(await store!.listLogs('tenant-a', { authorId: 'rep-1' })).toHaveLength(150);
    const [row] = await store!.insightCounts({
      tenantId: 'tenant-a',
      teamIds: ['t1'],
      from: '2026-11-01T00:00:00.000Z',
      to: '2026-12-01T00:00:00.000Z',
    });
    expect(row).toMatchObject({ logs: 150, outcomes: { referral: 150 } });
    await store!.close();
  });
});

describe('several processes writing one SQLite file', () => {
  it('start together on a new file, and lose no write and no increment', async () => {
    const path = join(dir(), `processes-${++n}.db`);
    const workers = 4;
    const each = 60;
    const outputs = await Promise.all(
      Array.from({ length: workers }, (_, w) =>
        finished(startFixture('counter-writer.ts', [`sqlite:${path}`, String(w), String(each)])),
      ),
    );
    expect(outputs.every((o) => o.includes('done'))).toBe(true);
    const store = await createSqlStore({ url: `sqlite:${path}` });
    expect((await store.getDelivery('tenant-a', 'counter'))?.attempts).toBe(workers * each);
    for (let w = 0; w < workers; w++) {
      expect(await store.listLogs('tenant-a', { authorId: `rep-${w}` })).toHaveLength(each);
    }
    await store.close();
  }, 120_000);
});
