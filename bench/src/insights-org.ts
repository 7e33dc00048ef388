/**
 * Issue 3 benchmark: team insights on the generated org (2,000 reps, 200 teams, 1,000,000 logs over two fiscal
 * years) held in memory. One team for one quarter and the whole org for one year, each with the previous period
 * for changes: the Store's counts (an index by author and date, and the memory Store itself) plus the pure
 * insight functions, against a bare loop summing one flag over the same logs, in the same run.
 * Run: cd bench && node --conditions=source --import tsx src/insights-org.ts   (BENCH_LOGS=100000 for a quick run)
 */
import { deepStrictEqual } from 'node:assert';
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import {
  computeOrgInsights,
  computeTeamInsights,
  createMemoryStore,
  type InsightCountRow,
  insightCountsQuery,
  insightPeriod,
  previousInsightPeriod,
  type Store,
  type Team,
  teamInsightPeriod,
} from '@rebound/core';
import { BENCHMARK_ORG, generateOrg } from '@rebound/core/testing';
import { machine, table } from './harness';
import { bareSum, indexOrg, insightCounts, type OrgIndex } from './insights-index';

const LOGS = Number(process.env.BENCH_LOGS ?? BENCHMARK_ORG.logs);
const WITH_STORE = process.env.BENCH_STORE !== '0';
const ORG = { ...BENCHMARK_ORG, logs: LOGS };
const AT = '2026-02-15T00:00:00.000Z'; // inside FY2025 Q4 (Tokyo, April start) and Q1 2026 (January start)
const K = 5;

interface Stats {
  median: number;
  min: number;
  p95: number;
  /** Median CPU time (user + system) of the process per call: less disturbed by other load on the machine. */
  cpu: number;
  runs: number;
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
/** Times every call on its own (ms, wall clock and CPU) and keeps medians and the 95th percentile. */
async function time(fn: (i: number) => unknown, runs: number, warmup: number): Promise<Stats> {
  for (let i = 0; i < warmup; i++) await fn(i);
  const ms: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    await fn(i);
    ms.push(performance.now() - start);
    const used = process.cpuUsage(cpuStart);
    cpu.push((used.user + used.system) / 1000);
  }
  const sorted = [...ms].sort((a, b) => a - b);
  return {
    median: median(ms),
    min: sorted[0]!,
    p95: sorted[Math.min(runs - 1, Math.floor(runs * 0.95))]!,
    cpu: median(cpu),
    runs,
  };
}
const f = (ms: number) => (ms < 10 ? ms.toFixed(3) : ms.toFixed(1));

// The org, streamed from the generator into the index.
let start = performance.now();
const index = indexOrg(generateOrg(ORG));
const indexMs = performance.now() - start;
const { teams, tenantId } = index;

const orgCalendar = { timeZone: 'Asia/Tokyo', fiscalYearStartMonth: 4 };
const year = insightPeriod({ kind: 'fiscal-year', at: AT, ...orgCalendar });
const previousYear = previousInsightPeriod(year);
const allTeams = teams.map((t) => t.id);
const teamList = teams.map((t) => ({ teamId: t.id }));

type Counts = (query: ReturnType<typeof insightCountsQuery>) => InsightCountRow[] | Promise<InsightCountRow[]>;

// Each team's quarter on its own calendar, computed once: the measured calls are counts and insights.
const quarters = new Map(
  teams.map((t) => {
    const period = teamInsightPeriod(t, 'fiscal-quarter', AT);
    return [t.id, { period, previous: previousInsightPeriod(period) }] as const;
  }),
);
function teamQuarterRows(counts: Counts, team: Team) {
  const { period, previous } = quarters.get(team.id)!;
  return Promise.all([
    counts(insightCountsQuery({ tenantId, teamIds: [team.id], period })),
    counts(insightCountsQuery({ tenantId, teamIds: [team.id], period: previous })),
  ]);
}
async function teamQuarter(counts: Counts, team: Team) {
  const [rows, previousRows] = await teamQuarterRows(counts, team);
  return computeTeamInsights({ teamId: team.id, rows, previousRows, k: K });
}
function orgYearRows(counts: Counts) {
  return Promise.all([
    counts(insightCountsQuery({ tenantId, teamIds: allTeams, period: year })),
    counts(insightCountsQuery({ tenantId, teamIds: allTeams, period: previousYear })),
  ]);
}
async function orgYear(counts: Counts) {
  const [rows, previousRows] = await orgYearRows(counts);
  return computeOrgInsights({ teams: teamList, rows, previousRows, k: K });
}
function teamQuarterBaseline(idx: OrgIndex, team: Team) {
  const { period, previous } = quarters.get(team.id)!;
  return bareSum(idx, [team.id], period.from, period.to) + bareSum(idx, [team.id], previous.from, previous.to);
}

const fromIndex: Counts = (q) => insightCounts(index, q);
const teamAt = (i: number) => teams[(i * 7) % teams.length]!;

// One team, one quarter (and the quarter before), rotating over every team.
const tqBaseline = await time((i) => teamQuarterBaseline(index, teamAt(i)), 600, 100);
const tqCounts = await time((i) => teamQuarterRows(fromIndex, teamAt(i)), 600, 100);
const tqRows = await Promise.all(teams.map((t) => teamQuarterRows(fromIndex, t)));
const tqPure = await time(
  (i) => {
    const t = teamAt(i);
    const [rows, previousRows] = tqRows[teams.indexOf(t)]!;
    return computeTeamInsights({ teamId: t.id, rows, previousRows, k: K });
  },
  600,
  100,
);
const tqTotal = await time((i) => teamQuarter(fromIndex, teamAt(i)), 600, 100);
const periodsOnly = await time(
  (i) => {
    const period = teamInsightPeriod(teamAt(i), 'fiscal-quarter', AT);
    return previousInsightPeriod(period);
  },
  600,
  100,
);

// The whole org, one fiscal year (and the year before).
const oyBaseline = await time(
  () => bareSum(index, allTeams, year.from, year.to) + bareSum(index, allTeams, previousYear.from, previousYear.to),
  15,
  3,
);
const oyCounts = await time(() => orgYearRows(fromIndex), 15, 3);
const [oyRows, oyPrevious] = await orgYearRows(fromIndex);
const oyPure = await time(
  () => computeOrgInsights({ teams: teamList, rows: oyRows, previousRows: oyPrevious, k: K }),
  15,
  3,
);
const oyTotal = await time(() => orgYear(fromIndex), 15, 3);
const orgResult = await orgYear(fromIndex);

// The same through the memory Store, loaded with the same generated records.
let store: Store | null = null;
let loadMs = 0;
let sq: Stats | null = null;
let so: Stats | null = null;
if (WITH_STORE) {
  start = performance.now();
  store = createMemoryStore();
  for (const batch of generateOrg(ORG)) {
    await store.transaction(async (tx) => {
      for (const p of batch.people) await tx.putPerson(p);
      for (const t of batch.teams) await tx.putTeam(t);
      for (const m of batch.memberships) await tx.putMembership(m);
      for (const l of batch.logs) await tx.putLog(l);
      for (const o of batch.outcomes) await tx.putOutcome(o);
      for (const c of batch.checkIns) await tx.putCheckIn(c);
    });
  }
  loadMs = performance.now() - start;
  const s = store;
  const fromStore: Counts = (q) => s.insightCounts(q);
  // The index answers exactly what the memory Store answers.
  deepStrictEqual(await teamQuarterRows(fromStore, teams[3]!), await teamQuarterRows(fromIndex, teams[3]!));
  deepStrictEqual(await orgYearRows(fromStore), [oyRows, oyPrevious]);
  sq = await time((i) => teamQuarter(fromStore, teamAt(i)), 60, 5);
  so = await time(() => orgYear(fromStore), 2, 0);
}

// Report.
const counted = [...new Set([...index.reps.values()].flat())].filter((r) => r.counted).length;
const underK = [...index.reps.values()].filter((reps) => reps.filter((r) => r.counted).length < K).length;
const hidden = orgResult.teams.filter((t) => t.figures.logs.hidden);
const met = (ms: number, target: number) => (ms <= target ? 'met' : 'NOT met');
const row = (name: string, s: Stats, base: Stats, target: number | null) => [
  name,
  s.runs,
  f(s.median),
  f(s.min),
  f(s.p95),
  f(s.cpu),
  f(base.median),
  `${(s.median / base.median).toFixed(1)}×`,
  target === null ? '' : `<= ${target} ms`,
  target === null ? '' : `${met(s.median, target)} / ${met(s.cpu, target)}`,
];
const header = [
  'measure',
  'runs',
  'median ms',
  'min ms',
  'p95 ms',
  'median CPU ms',
  'baseline median ms',
  'time / baseline (medians)',
  'target',
  'target on median wall / median CPU',
];
const rows = [
  row('team-quarter: counts from index + computeTeamInsights', tqTotal, tqBaseline, 20),
  row('  of which: counts (2 queries) from index', tqCounts, tqBaseline, null),
  row('  of which: computeTeamInsights (pure, validation included)', tqPure, tqBaseline, null),
  row('  not included: the two periods (teamInsightPeriod + previousInsightPeriod)', periodsOnly, tqBaseline, null),
  ...(sq ? [row('team-quarter: memory Store insightCounts + computeTeamInsights', sq, tqBaseline, 20)] : []),
  row('org-year: counts from index + computeOrgInsights', oyTotal, oyBaseline, 500),
  row('  of which: counts (2 queries) from index', oyCounts, oyBaseline, null),
  row('  of which: computeOrgInsights (pure, validation included)', oyPure, oyBaseline, null),
  ...(so ? [row('org-year: memory Store insightCounts + computeOrgInsights', so, oyBaseline, 500)] : []),
];
const report = `# Team insights benchmark

Machine: ${machine()}; load average when the report was written: ${os
  .loadavg()
  .map((l) => l.toFixed(2))
  .join(', ')}

Generated org (\`generateOrg\` from \`@rebound/core/testing\`, seed ${ORG.seed}): ${teams.length} teams, ${counted} counted reps
(of ${ORG.reps}; the rest turned off "count me in team statistics"), ${index.logCount.toLocaleString('en')} logs,
${index.outcomeCount.toLocaleString('en')} outcomes, ${index.checkInCount.toLocaleString('en')} check-ins between
${ORG.from} and ${ORG.to}. Streaming it into the in-memory index took ${(indexMs / 1000).toFixed(1)} s${
  WITH_STORE ? `; loading it into \`createMemoryStore\` took ${(loadMs / 1000).toFixed(1)} s` : ''
}.

Each measured call computes one period and the period before it (for the changes): team-quarter uses the team's
own calendar (Asia/Tokyo, April start; a tenth of the teams are in Los Angeles with a January start; periods
computed once beforehand, their cost is the row "not included") and rotates over all teams; org-year is fiscal year ${year.key} (${year.startDate} to ${year.endDate}, Tokyo) with
${previousYear.key}, all ${teams.length} teams, k = ${K}. Baseline in the same process: a bare loop that finds the
same date ranges in the same index and sums one flag over the same logs (no rows, no privacy rules).
${WITH_STORE ? 'The memory Store answers exactly the same rows as the index (checked in the run).' : ''}

${table(header, rows)}

Wall-clock times depend on what else the machine runs (see the load average above; other jobs shared these 2
cores during the run); the CPU column is this process's own CPU time per call and is the steadier figure.

Privacy in the org-year result: ${underK} teams have fewer than ${K} counted reps; the logs figure is hidden for
${hidden.length} teams (${hidden.filter((t) => t.figures.logs.hidden?.reason === 'complementary').length} of them
as complementary cells), and the org total is ${orgResult.total.logs.hidden ? 'hidden' : 'shown'}.

Run: \`cd bench && node --conditions=source --import tsx src/insights-org.ts\` (\`BENCH_STORE=0\` skips the memory
Store, \`BENCH_LOGS=100000\` makes a smaller org)
`;
writeFileSync(new URL('../reports/insights.md', import.meta.url), report);
console.log(report);
