/**
 * Issue 2 benchmark: microseconds per use case on the memory store, split into validation, policy and store,
 * against a baseline of a bare zod parse plus a Map write of the same record, in the same run.
 * Run: cd bench && node --import tsx src/core-service.ts
 */
import { writeFileSync } from 'node:fs';
import {
  actorSchema,
  checkInSchema,
  createMemoryStore,
  createRebound,
  logRejectionInput,
  parseInput,
  rejectionLogSchema,
  submitCheckInInput,
} from '@rebound/core';
import { countingIds, steppingClock } from '@rebound/core/testing';
import { rejectionInput } from './fixtures';
import { machine, measure, table, us } from './harness';

const N = Number(process.env.BENCH_N ?? 20_000);
const tenantId = 'bench';
const as = (personId: string) => ({ tenantId, personId });
const input = { ...rejectionInput, visibility: 'private' } as const;

async function world() {
  const store = createMemoryStore();
  const rebound = createRebound({ store, clock: steppingClock('2026-11-24T00:00:00Z', 1000), ids: countingIds() });
  for (const id of ['rep', 'mgr', 'peer']) await rebound.registerPerson(as(id), { displayName: id });
  await rebound.admin.syncOrgChart(tenantId, {
    teams: [{ id: 'team', name: 'Team', managers: ['mgr'], reps: ['rep', 'peer'] }],
  });
  return { store, rebound };
}

const now = '2026-11-24T00:00:00.000Z';
const fullLog = (i: number) => ({
  ...input,
  tenantId,
  id: `b-${i}`,
  authorId: 'rep',
  occurredAt: now,
  createdAt: now,
  updatedAt: now,
});

// Baseline: what any embedding would do at the least: validate the record and keep it.
const baselineMap = new Map<string, unknown>();
const baselineLog = await measure(
  'baseline: zod parse + Map.set (log)',
  (i) => {
    const log = rejectionLogSchema.parse(fullLog(i));
    baselineMap.set(log.id, log);
  },
  N,
);

// The parts of logRejection, measured alone.
const validation = await measure(
  'validation (actor + input schemas)',
  () => {
    parseInput(actorSchema, as('rep'));
    parseInput(logRejectionInput, input);
  },
  N,
);
const { store } = await world();
const storeOnly = await measure(
  'store (transaction + person read + putLog)',
  async (i) => {
    await store.transaction(async (tx) => {
      await tx.getPerson(tenantId, 'rep');
      await tx.putLog(rejectionLogSchema.parse(fullLog(i)));
    });
  },
  N,
);
const storeCost = storeOnly.nsPerOp - baselineLog.nsPerOp + 0; // putLog + tx minus its own parse
const { rebound } = await world();
const service = await measure(
  'service: logRejection',
  (i) => rebound.logRejection(as('rep'), { ...input, customerLabel: `c${i}` }),
  N,
);
const policy = Math.max(0, service.nsPerOp - validation.nsPerOp - Math.max(0, storeCost));

// Check-ins: one per period, so each op is a fresh rep-day; baseline parses the same record.
const checkInBase = {
  pressure: 3,
  energy: 4,
  permissionToNotSell: false,
  supportRequested: false,
  answers: [],
  visibility: 'private',
} as const;
const baselineCheckIn = await measure(
  'baseline: zod parse + Map.set (check-in)',
  (i) => {
    const c = checkInSchema.parse({
      ...checkInBase,
      cadence: 'daily',
      tenantId,
      id: `c-${i}`,
      authorId: 'rep',
      periodKey: '2026-11-24',
      submittedAt: now,
      updatedAt: now,
    });
    baselineMap.set(c.id, c);
  },
  N,
);
const ck = await world();
let reps = 0;
const checkInOp = await measure(
  'service: submitCheckIn',
  async (i) => {
    if (i % 336 === 0) {
      reps++;
      await ck.rebound.registerPerson(as(`r${reps}`), { displayName: 'r' });
    }
    const day = i % 336;
    const period = `${2030 + Math.floor(day / 28 / 12)}-${String(1 + (Math.floor(day / 28) % 12)).padStart(2, '0')}-${String(1 + (day % 28)).padStart(2, '0')}`;
    await ck.rebound.submitCheckIn(as(`r${reps}`), { ...checkInBase, periodKey: period });
  },
  N,
);
const checkInValidation = await measure(
  'validation (check-in)',
  () => {
    parseInput(actorSchema, as('rep'));
    parseInput(submitCheckInInput, { ...checkInBase, periodKey: '2026-11-24' });
  },
  N,
);

// A privacy-checked read: a manager reads one shared item (shares looked up, access decided, view built).
const rd = await world();
const ids: string[] = [];
for (let i = 0; i < 1000; i++)
  ids.push((await rd.rebound.logRejection(as('rep'), { ...input, visibility: 'manager' })).log.id);
const baselineRead = await measure(
  'baseline: actor parse + Map.get',
  (i) => {
    actorSchema.parse(as('mgr'));
    return baselineMap.get(`b-${i % 1000}`);
  },
  N,
);
const read = await measure(
  'service: viewItem (manager reads a shared log)',
  (i) => rd.rebound.viewItem(as('mgr'), { itemKind: 'log', itemId: ids[i % ids.length]! }),
  N,
);

const ratio = (a: number, b: number) => (a / b).toFixed(2);
const rows = [
  [
    'log a rejection',
    us(service.nsPerOp),
    us(validation.nsPerOp),
    us(policy),
    us(Math.max(0, storeCost)),
    us(baselineLog.nsPerOp),
    ratio(service.nsPerOp, baselineLog.nsPerOp),
  ],
  [
    'submit a check-in',
    us(checkInOp.nsPerOp),
    us(checkInValidation.nsPerOp),
    '-',
    '-',
    us(baselineCheckIn.nsPerOp),
    ratio(checkInOp.nsPerOp, baselineCheckIn.nsPerOp),
  ],
  [
    'privacy-checked read',
    us(read.nsPerOp),
    '-',
    '-',
    '-',
    us(baselineLog.nsPerOp),
    ratio(read.nsPerOp, baselineLog.nsPerOp),
  ],
];
const report = [
  '### Core service on the memory store (issue 2)',
  '',
  `Machine: ${machine()}. ${N} operations per round, best of 5 rounds, one process.`,
  '',
  table(
    ['use case', 'service µs/op', 'validation µs', 'policy µs', 'store µs', 'baseline µs/op', 'ratio (target ≤ 3)'],
    rows,
  ),
  '',
  "Baseline (the issue's): a bare zod parse of the same record plus a `Map.set`; the read is set against the log's.",
  `A bare actor parse plus \`Map.get\` takes ${us(baselineRead.nsPerOp)} µs: the read costs ${ratio(read.nsPerOp, baselineRead.nsPerOp)}x a lookup`,
  "that checks nothing (looking up the item's shares, deciding access, building the redacted view).",
  'Validation: the actor and input schemas parsed alone (new records are built from validated input, not parsed again). Store: a transaction with a person read and the',
  'write, minus its own record parse. Policy: the rest (audience, shares, outbox). The check-in row uses a fresh',
  'rep-day per operation, since a second check-in for a period is a conflict.',
].join('\n');
console.log(report);
writeFileSync(new URL('../reports/core-service.md', import.meta.url), `${report}\n`);
