/**
 * Probe for issue 4's SQLite logging miss: `logRejection` through the service on a copy of the cached 1M-log
 * org file, in alternating blocks of variants (pragmas set between blocks), so that the machine's noise falls
 * on every variant alike. Run: cd bench && node --conditions=source --import tsx src/store-sql-log-probe.ts
 * Knobs: PROBE_VARIANTS (`;`-separated, each a `,`-separated list of pragmas, `-` for none), PROBE_BLOCK
 * (calls per block, default 2,000), PROBE_ROUNDS (default 5), PROBE_FRESH=1 for an empty file instead.
 */
import { randomUUID } from 'node:crypto';
import { copyFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { createRebound } from '@rebound/core';
import { createSqlStore } from '@rebound/store-sql';
import { rejectionInput } from './fixtures';
import { cacheDir, cachedSqlite } from './store-sql-cache';
import { FULL_ORG, orgPeople, repId, TENANT } from './store-sql-org';

const variants = (process.env.PROBE_VARIANTS ?? '-').split(';').map((v) => v.split(',').filter((p) => p !== '-'));
const BLOCK = Number(process.env.PROBE_BLOCK ?? 2000);
const ROUNDS = Number(process.env.PROBE_ROUNDS ?? 5);
const fresh = process.env.PROBE_FRESH === '1';

const path = join(cacheDir, fresh ? 'probe-empty.db' : 'probe.db');
for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
if (!fresh) copyFileSync(process.env.PROBE_SOURCE || (await cachedSqlite()), path);
const store = await createSqlStore({ url: `sqlite:${path}` });
if (fresh) await store.importRecords(orgPeople(FULL_ORG));
const raw = (statement: string) => store.kysely.executeQuery({ sql: statement, parameters: [] } as never);

const rebound = createRebound({ store, clock: () => new Date('2026-11-24T09:00:00Z'), ids: randomUUID });
const reps = FULL_ORG.teams * FULL_ORG.repsPerTeam;
let call = 0;
const once = () => rebound.logRejection({ tenantId: TENANT, personId: repId(call++ % reps) }, rejectionInput);
for (let i = 0; i < 500; i++) await once();

const totals = variants.map(() => [] as number[]);
const cpu = variants.map(() => [] as number[]);
const loadBefore = os.loadavg();
for (let round = 0; round < ROUNDS; round++) {
  for (const [v, pragmas] of variants.entries()) {
    for (const p of pragmas) await raw(`PRAGMA ${p}`);
    const start = process.hrtime.bigint();
    const cpuStart = process.cpuUsage();
    for (let i = 0; i < BLOCK; i++) await once();
    const used = process.cpuUsage(cpuStart);
    totals[v]!.push(Number(process.hrtime.bigint() - start) / BLOCK / 1000);
    cpu[v]!.push((used.user + used.system) / BLOCK);
  }
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
for (const [v, pragmas] of variants.entries()) {
  const us = median(totals[v]!);
  process.stdout.write(
    `${(pragmas.join(', ') || '(defaults)').padEnd(50)} ${us.toFixed(1)} µs/call  ${Math.round(1e6 / us)}/s  cpu ${median(cpu[v]!).toFixed(1)} µs/call  blocks ${totals[v]!.map((x) => x.toFixed(0)).join(' ')}\n`,
  );
}
process.stdout.write(
  `load ${loadBefore.map((l) => l.toFixed(1)).join(' / ')} -> ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' / ')}\n`,
);
await store.close();
for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
