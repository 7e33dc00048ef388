/**
 * Issue 4 benchmark: the SQL store on a SQLite file and on PostgreSQL, side by side with the core memory store
 * in the same run, on a generated org (2,000 reps, 200 teams, 1M logs over two years): team insights (one
 * team-quarter, the whole org-year), point reads, listing a rep's items, and logging rejections through the
 * service. Run: cd bench && node --conditions=source --import tsx src/store-sql.ts (or build the packages first).
 * Knobs: BENCH_LOGS (org size, default 1,000,000), BENCH_LOG_N (service logs per store, default 100,000),
 * BENCH_PG_LOG_N (on PostgreSQL, default 5,000), BENCH_PG=0 to leave PostgreSQL out, BENCH_REUSE=1 to start the SQL
 * stores from copies of the org cached by `store-sql-cache.ts` (built there first when missing) instead of
 * loading them in this run: the SQLite file is copied, the PostgreSQL database created from the cached one as
 * its template. Only the memory store is loaded then, and the load table says so.
 */

import { randomUUID } from 'node:crypto';
import { copyFileSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { createMemoryStore, createRebound, type InsightCountsQuery, type Store } from '@rebound/core';
import { createSqlStore, type ImportRecords, type SqlStore } from '@rebound/store-sql';
import { startTestPostgres, type TestDatabase, type TestPostgres } from '@rebound/store-sql/testing';
import { rejectionInput } from './fixtures';
import { machine, table } from './harness';
import { adminQuery, cachedPostgres, cachedSqlite } from './store-sql-cache';
import { FULL_ORG, type OrgShape, orgItems, orgPeople, prng, repId, TENANT, teamId } from './store-sql-org';

const shape: OrgShape = { ...FULL_ORG, logs: Number(process.env.BENCH_LOGS ?? FULL_ORG.logs) };
const LOG_N = Number(process.env.BENCH_LOG_N ?? 100_000);
const PG_LOG_N = Number(process.env.BENCH_PG_LOG_N ?? 5_000);
const WITH_PG = process.env.BENCH_PG !== '0';
const REUSE = process.env.BENCH_REUSE === '1';
const reps = shape.teams * shape.repsPerTeam;

const log = (line: string) => process.stderr.write(`${line}\n`);
const ms = (ns: number) => ns / 1e6;
const now = () => Number(process.hrtime.bigint());

// Stores ---------------------------------------------------------------------------------------------------
const loadBefore = os.loadavg();
const workDir = join(import.meta.dirname, '..', 'results', 'store-sql');
rmSync(workDir, { recursive: true, force: true });
mkdirSync(workDir, { recursive: true });
const sqlitePath = join(workDir, 'bench.db');

const memory = createMemoryStore();
if (REUSE) copyFileSync(await cachedSqlite(shape), sqlitePath);
const sqlite = await createSqlStore({ url: `sqlite:${sqlitePath}` });
let pgServer: TestPostgres | undefined;
let pgDatabase: TestDatabase | undefined;
let postgres: SqlStore | undefined;
if (WITH_PG) {
  pgServer = await startTestPostgres();
  pgDatabase = await pgServer.createDatabase();
  if (REUSE) {
    const template = new URL(await cachedPostgres(shape)).pathname.slice(1);
    await adminQuery(`DROP DATABASE "${pgDatabase.name}"`);
    await adminQuery(`CREATE DATABASE "${pgDatabase.name}" TEMPLATE "${template}"`);
  }
  postgres = await createSqlStore({ url: pgDatabase.url, poolSize: 4 });
}

/** The memory store's way to load: every record through its put method. */
async function putEach(store: Store, batch: ImportRecords) {
  for (const p of batch.persons ?? []) await store.putPerson(p);
  for (const t of batch.teams ?? []) await store.putTeam(t);
  for (const m of batch.memberships ?? []) await store.putMembership(m);
  for (const o of batch.outcomes ?? []) await store.putOutcome(o);
  for (const l of batch.logs ?? []) await store.putLog(l);
  for (const c of batch.checkIns ?? []) await store.putCheckIn(c);
}

const targets: {
  name: string;
  store: Store;
  load: (b: Parameters<SqlStore['importRecords']>[0]) => Promise<void>;
  logN: number;
  loadNs: number;
}[] = [
  { name: 'memory', store: memory, load: (b) => putEach(memory, b), logN: LOG_N, loadNs: 0 },
  { name: 'SQLite file', store: sqlite, load: (b) => sqlite.importRecords(b), logN: LOG_N, loadNs: 0 },
];
if (postgres) {
  const pg = postgres;
  targets.push({ name: 'PostgreSQL', store: pg, load: (b) => pg.importRecords(b), logN: PG_LOG_N, loadNs: 0 });
}
const loaded = REUSE ? targets.filter((t) => t.name === 'memory') : targets;

// Load the org ---------------------------------------------------------------------------------------------
// Each store loads from its own run of the (deterministic) generator, all at once: PostgreSQL's import waits
// on the server while SQLite and the memory store work in this process.
const people = orgPeople(shape);
const counts = { logs: 0, outcomes: 0, checkIns: 0 };
await Promise.all(
  loaded.map(async (t) => {
    const start = now();
    await t.load(people);
    let loaded = 0;
    for (const batch of orgItems(shape, 20_000)) {
      await t.load(batch);
      await new Promise((resolve) => setImmediate(resolve));
      loaded += batch.logs.length;
      if (t.name === 'memory') {
        counts.logs += batch.logs.length;
        counts.outcomes += batch.outcomes.length;
        counts.checkIns += batch.checkIns.length;
      }
      if (loaded % 200_000 === 0) log(`${t.name}: ${loaded} logs in ${(ms(now() - start) / 1000).toFixed(1)} s`);
    }
    t.loadNs = now() - start;
  }),
);
await postgres?.analyze();
// This machine's server runs with autovacuum off (a default server has it on): after a load, nothing would
// mark the new pages all-visible, and every index-only scan would read the table too (the org-year counts:
// 290 ms with 40,677 heap fetches, 100 ms after VACUUM). The bench does what autovacuum would.
if (postgres && pgDatabase) await adminQuery('VACUUM (ANALYZE)', pgDatabase.url);
await sqlite.analyze();
log('org loaded');

// Measurements ---------------------------------------------------------------------------------------------
interface Stats {
  median: number;
  p95: number;
  best: number;
}
async function sample(runs: number, op: (i: number) => Promise<unknown>): Promise<Stats> {
  for (let w = 0; w < Math.min(3, runs); w++) await op(runs + w);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = now();
    await op(i);
    times.push(now() - start);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!;
  return { median: ms(at(0.5)), p95: ms(at(0.95)), best: ms(times[0]!) };
}

/** Fiscal quarters (April start) in Asia/Tokyo: local midnight is 15:00 UTC the day before. */
const tokyoMidnight = (y: number, m: number) => new Date(Date.UTC(y, m - 1, 1) - 9 * 3_600_000).toISOString();
const quarterStarts: Array<[number, number]> = [
  [2025, 4],
  [2025, 7],
  [2025, 10],
  [2026, 1],
  [2026, 4],
  [2026, 7],
];
const quarters = quarterStarts.map(([y, m]) => ({
  from: tokyoMidnight(y, m),
  to: m + 3 > 12 ? tokyoMidnight(y + 1, m - 9) : tokyoMidnight(y, m + 3),
}));
const allTeams = Array.from({ length: shape.teams }, (_, t) => teamId(t));
const teamQuarter = (i: number): InsightCountsQuery => ({
  tenantId: TENANT,
  teamIds: [teamId((i * 37) % shape.teams)],
  ...quarters[i % quarters.length]!,
});
const orgYear: InsightCountsQuery = {
  tenantId: TENANT,
  teamIds: allTeams,
  from: tokyoMidnight(2025, 4),
  to: tokyoMidnight(2026, 4),
};

interface Result {
  name: string;
  teamQuarter: Stats;
  orgYear: Stats;
  pointRead: Stats;
  listRecent: Stats;
  listQuarter: Stats;
  logsPerSecond: number;
  logNsPerOp: number;
  logN: number;
  rowsChecked: boolean;
}
const results: Result[] = [];
const reference = JSON.stringify(await memory.insightCounts(orgYear));
const input = rejectionInput;

for (const t of targets) {
  log(`measuring ${t.name}`);
  const rowsChecked = JSON.stringify(await t.store.insightCounts(orgYear)) === reference;
  const teamQuarterStats = await sample(60, (i) => t.store.insightCounts(teamQuarter(i)));
  const orgYearStats = await sample(t.name === 'memory' ? 5 : 7, () => t.store.insightCounts(orgYear));
  const pick = prng(99);
  const pointRead = await sample(20_000, () => t.store.getLog(TENANT, `log-${Math.floor(pick() * shape.logs)}`));
  const listRecent = await sample(5_000, () =>
    t.store.listLogs(TENANT, { authorId: repId(Math.floor(pick() * reps)), limit: 20 }),
  );
  const listQuarter = await sample(2_000, (i) =>
    t.store.listLogs(TENANT, { authorId: repId(Math.floor(pick() * reps)), ...quarters[i % quarters.length]! }),
  );

  // Logging through the service, one use case at a time, spread over the org's reps.
  const rebound = createRebound({ store: t.store, clock: () => new Date('2026-11-24T09:00:00Z'), ids: randomUUID });
  const actor = (i: number) => ({ tenantId: TENANT, personId: repId(i % reps) });
  for (let i = 0; i < 500; i++) await rebound.logRejection(actor(i), input);
  const start = now();
  for (let i = 0; i < t.logN; i++) await rebound.logRejection(actor(i), input);
  const elapsed = now() - start;
  results.push({
    name: t.name,
    teamQuarter: teamQuarterStats,
    orgYear: orgYearStats,
    pointRead,
    listRecent,
    listQuarter,
    logsPerSecond: t.logN / (elapsed / 1e9),
    logNsPerOp: elapsed / t.logN,
    logN: t.logN,
    rowsChecked,
  });
}

// Report ---------------------------------------------------------------------------------------------------
const pragmas = await sqlite.settings();
const sqliteSize = statSync(sqlitePath).size;
let pgLine = '';
if (postgres) {
  const r = await postgres.settings();
  pgLine = `PostgreSQL: ${r.version} on 127.0.0.1 (${pgServer?.source} server), shared_buffers ${r.shared_buffers}, work_mem ${r.work_mem}, max_parallel_workers_per_gather ${r.max_parallel_workers_per_gather}, autovacuum ${r.autovacuum} on this server (the bench runs \`VACUUM (ANALYZE)\` after the load, as autovacuum would), jit ${r.jit} in the store's sessions (its pool's connection option), server defaults otherwise (synchronous_commit on: every commit waits for the disk); pool of 4.`;
}
const base = results[0]!;
const f = (n: number, digits = 2) => n.toFixed(digits);
const ratio = (a: number, b: number) => (b > 0 ? `${f(a / b, 1)}×` : '-');
const ok = (pass: boolean) => (pass ? 'yes' : '**no**');

const insightRows = results.map((r) => [
  r.name,
  `${f(r.teamQuarter.median)} / ${f(r.teamQuarter.p95)}`,
  r.name === 'memory' ? '-' : ok(r.teamQuarter.p95 <= 20),
  `${f(r.orgYear.median, 1)} / ${f(r.orgYear.best, 1)}`,
  r.name === 'memory' ? '-' : ok(r.orgYear.median <= 500),
  r.rowsChecked ? 'same as memory' : '**differs**',
]);
const readRows = results.map((r) => [
  r.name,
  f(r.pointRead.median * 1000, 1),
  ratio(r.pointRead.median, base.pointRead.median),
  f(r.listRecent.median * 1000, 1),
  ratio(r.listRecent.median, base.listRecent.median),
  f(r.listQuarter.median * 1000, 1),
  ratio(r.listQuarter.median, base.listQuarter.median),
]);
const logRows = results.map((r) => [
  r.name,
  r.logN.toLocaleString('en'),
  Math.round(r.logsPerSecond).toLocaleString('en'),
  f(r.logNsPerOp / 1000, 1),
  ratio(r.logNsPerOp, base.logNsPerOp),
  r.name === 'SQLite file' ? ok(r.logsPerSecond >= 5000) : '-',
]);
const loadRows = targets.map((t) => [
  t.name,
  loaded.includes(t) ? f(ms(t.loadNs) / 1000, 1) : 'copied from the cached org (BENCH_REUSE=1)',
]);

const report = `### SQL store: SQLite file and PostgreSQL beside the memory store (issue 4)

Machine: ${machine()}. One process; every store measured in the same run on the same generated org. Load average (1 / 5 / 15 min) ${loadBefore.map((l) => l.toFixed(1)).join(' / ')} at the start and ${os
  .loadavg()
  .map((l) => l.toFixed(1))
  .join(
    ' / ',
  )} at the end: other work shared the 2 cores, so absolute times are pessimistic; the ratios to the memory store, measured alongside, are the steadier figures.

Org: ${shape.teams} teams × ${shape.repsPerTeam} reps (+1 manager each) = ${reps.toLocaleString('en')} reps, ${counts.logs.toLocaleString('en')} rejection logs over 2025-2026, ${counts.outcomes.toLocaleString('en')} outcomes, ${counts.checkIns.toLocaleString('en')} weekly check-ins; about 3% of people do not count in team statistics. Generator: \`bench/src/store-sql-org.ts\` (seeded, the same every run).

SQLite: ${pragmas.version}, file \`bench/results/store-sql/bench.db\` (${(sqliteSize / 2 ** 20).toFixed(0)} MiB after the run), journal_mode=${pragmas.journal_mode}, synchronous=${pragmas.synchronous}, busy_timeout=${pragmas.busy_timeout}, cache_size=${pragmas.cache_size}, wal_autocheckpoint=${pragmas.wal_autocheckpoint}; write transactions open with \`BEGIN IMMEDIATE\`.
${pgLine}

#### Team insights (\`insightCounts\`), milliseconds

One team-quarter: 60 different team × fiscal-quarter queries (Asia/Tokyo, April start); median / p95. Whole org-year: all ${shape.teams} teams over fiscal 2025; median / best of 7 (memory: 5). Computed in SQL: whole UTC months from a per-author monthly rollup that every log and outcome write keeps in step in its own transaction, the partial months at the edges from the logs' covering index, then one row per membership. The org-year rows are compared with the memory store's.

${table(['store', 'team-quarter ms (median / p95)', 'p95 ≤ 20 ms', 'org-year ms (median / best)', 'median ≤ 500 ms', 'rows'], insightRows)}

#### Reads: microseconds per call (median), and the ratio to the memory store

Point read: \`getLog\` of a random id. Recent: \`listLogs\` of a random rep, newest 20. Quarter: \`listLogs\` of a random rep over one fiscal quarter (about 60 logs).

${table(['store', 'point read µs', 'ratio', 'recent 20 µs', 'ratio', 'quarter µs', 'ratio'], readRows)}

#### Logging rejections through the service (\`createRebound(...).logRejection\`), one call at a time

Each call validates, reads the person and writes the log in one transaction (private by default), on top of the loaded org. PostgreSQL runs fewer calls: each commit waits for the server's disk flush (BENCH_PG_LOG_N sets the number).

${table(['store', 'calls', 'logs/s', 'µs per call', 'ratio to memory', '≥ 5,000/s (SQLite target)'], logRows)}

Loading the org (informational; the SQL stores through \`importRecords\`, the memory store through its put methods; all three at once), seconds:

${table(['store', 'load s'], loadRows)}
`;

mkdirSync(join(import.meta.dirname, '..', 'reports'), { recursive: true });
writeFileSync(join(import.meta.dirname, '..', 'reports', 'store-sql.md'), report);
process.stdout.write(report);

await sqlite.close();
if (postgres) await postgres.close();
await pgDatabase?.drop();
await pgServer?.stop();
