import { describe, expect, it } from 'vitest';
import { checkInSchema } from '../records/check-in';
import { personSchema } from '../records/person';
import { outcomeSchema, rejectionLogSchema } from '../records/rejection-log';
import { membershipSchema, teamSchema } from '../records/team';
import { BENCHMARK_ORG, generateOrg, type OrgBatch, seededRandom } from './org-generator';

const SMALL = { reps: 60, teams: 6, logs: 3000, batchSize: 500, seed: 7 };

function collect(batches: Iterable<OrgBatch>) {
  const all: OrgBatch = { people: [], teams: [], memberships: [], logs: [], outcomes: [], checkIns: [] };
  const sizes: number[] = [];
  for (const b of batches) {
    sizes.push(Math.max(b.logs.length, b.checkIns.length));
    for (const key of Object.keys(all) as (keyof OrgBatch)[]) (all[key] as unknown[]).push(...b[key]);
  }
  return { all, sizes };
}

describe('generateOrg', () => {
  it('yields records that satisfy the core schemas, unchanged by parsing', () => {
    const { all } = collect(generateOrg(SMALL));
    for (const p of all.people) expect(personSchema.parse(p)).toEqual(p);
    for (const t of all.teams) expect(teamSchema.parse(t)).toEqual(t);
    for (const m of all.memberships) expect(membershipSchema.parse(m)).toEqual(m);
    for (const l of all.logs) expect(rejectionLogSchema.parse(l)).toEqual(l);
    for (const o of all.outcomes) expect(outcomeSchema.parse(o)).toEqual(o);
    for (const c of all.checkIns) expect(checkInSchema.parse(c)).toEqual(c);
  });

  it('builds the asked org: every rep in one team, one manager per team, logs by reps inside the range', () => {
    const { all, sizes } = collect(generateOrg(SMALL));
    expect(all.teams).toHaveLength(6);
    const reps = all.memberships.filter((m) => m.role === 'rep');
    expect(reps).toHaveLength(60);
    expect(new Set(reps.map((m) => m.personId)).size).toBe(60);
    expect(all.memberships.filter((m) => m.role === 'manager')).toHaveLength(6);
    expect(all.logs).toHaveLength(3000);
    const repIds = new Set(reps.map((m) => m.personId));
    const logIds = new Set(all.logs.map((l) => l.id));
    for (const l of all.logs) {
      expect(repIds.has(l.authorId)).toBe(true);
      expect(l.occurredAt >= BENCHMARK_ORG.from && l.occurredAt < BENCHMARK_ORG.to).toBe(true);
    }
    for (const o of all.outcomes) expect(logIds.has(o.logId)).toBe(true);
    expect(all.outcomes.length).toBeGreaterThan(100);
    // One weekly check-in per rep and week at most, as the Store's unique key demands.
    const keys = all.checkIns.map((c) => `${c.authorId}/${c.periodKey}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(all.checkIns.length).toBeGreaterThan(60 * 104 * 0.4);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(500);
    const optOuts = collect(generateOrg({ ...SMALL, logs: 0, optOutRate: 0.5 })).all.people.filter(
      (p) => !p.privacy.countInTeamStats,
    );
    expect(optOuts.length).toBeGreaterThan(10);
    expect(optOuts.length).toBeLessThan(50);
  });

  it('is deterministic for a seed and different for another', () => {
    const a = collect(generateOrg(SMALL)).all;
    const b = collect(generateOrg(SMALL)).all;
    const c = collect(generateOrg({ ...SMALL, seed: 8 })).all;
    expect(b).toEqual(a);
    expect(c.logs.map((l) => l.authorId)).not.toEqual(a.logs.map((l) => l.authorId));
  });

  it('defaults to the benchmark org: 2,000 reps in 200 teams, streamed', () => {
    const batches = generateOrg();
    const first = batches.next().value as OrgBatch;
    expect(first.teams).toHaveLength(200);
    expect(first.memberships.filter((m) => m.role === 'rep')).toHaveLength(2000);
    const second = batches.next().value as OrgBatch;
    expect(second.logs).toHaveLength(10_000);
    expect(BENCHMARK_ORG.logs).toBe(1_000_000);
  });

  it('has a PRNG that repeats for a seed and stays in [0, 1)', () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    const xs = Array.from({ length: 1000 }, () => a());
    expect(Array.from({ length: 1000 }, () => b())).toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
  });
});
