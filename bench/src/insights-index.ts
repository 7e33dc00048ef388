/**
 * The generated org held in memory as a compact index by author and date: per rep, its logs' times (sorted) and
 * packed flags, and its check-in times. `insightCounts` answers the Store's `InsightCountsQuery` from it with a
 * plain JS aggregation (binary search for the range, then one pass over the rep's logs in it).
 */
import {
  type InsightCountRow,
  type InsightCountsQuery,
  OUTCOME_KINDS,
  type OutcomeKind,
  REASON_CATEGORIES,
  type ReasonCategory,
  type Team,
} from '@rebound/core';
import type { OrgBatch } from '@rebound/core/testing';

// Packed log flags: bit 0 asked why, bit 1 discovery, bit 2 follow-up, bits 3-5 reason, bits 8-12 outcomes.
const ASKED = 1;
const DISCOVERY = 2;
const FOLLOW_UP = 4;
const REASON_SHIFT = 3;
const OUTCOME_SHIFT = 8;
const reasonIndex = new Map<ReasonCategory, number>(REASON_CATEGORIES.map((r, i) => [r, i]));
const outcomeIndex = new Map<OutcomeKind, number>(OUTCOME_KINDS.map((o, i) => [o, i]));

export interface RepIndex {
  id: string;
  counted: boolean;
  /** Log times (ms), ascending, and the flags of the same logs. */
  logTimes: Float64Array;
  logBits: Uint16Array;
  checkInTimes: Float64Array;
}

export interface OrgIndex {
  tenantId: string;
  teams: Team[];
  /** Rep indexes per team id. */
  reps: Map<string, RepIndex[]>;
  logCount: number;
  outcomeCount: number;
  checkInCount: number;
}

/** Builds the index while the generator streams; nothing but the index is kept. */
export function indexOrg(batches: Iterable<OrgBatch>): OrgIndex {
  const people = new Map<string, { counted: boolean; logs: number[]; bits: number[]; checkIns: number[] }>();
  const teams: Team[] = [];
  const teamReps = new Map<string, string[]>();
  let tenantId = '';
  let logCount = 0;
  let outcomeCount = 0;
  let checkInCount = 0;
  for (const batch of batches) {
    for (const p of batch.people) {
      tenantId = p.tenantId;
      people.set(p.id, { counted: p.privacy.countInTeamStats, logs: [], bits: [], checkIns: [] });
    }
    teams.push(...batch.teams);
    for (const m of batch.memberships) {
      if (m.role !== 'rep') continue;
      const list = teamReps.get(m.teamId) ?? [];
      list.push(m.personId);
      teamReps.set(m.teamId, list);
    }
    // Outcomes come in the same batch as their logs.
    const outcomeBits = new Map<string, number>();
    for (const o of batch.outcomes) {
      outcomeBits.set(o.logId, (outcomeBits.get(o.logId) ?? 0) | (1 << (OUTCOME_SHIFT + outcomeIndex.get(o.kind)!)));
      outcomeCount++;
    }
    for (const l of batch.logs) {
      const p = people.get(l.authorId)!;
      let bits = (reasonIndex.get(l.reason)! << REASON_SHIFT) | (outcomeBits.get(l.id) ?? 0);
      if (l.askedWhy) bits |= ASKED;
      if (l.discovery) bits |= DISCOVERY;
      if (l.nextStep && l.nextStep.kind !== 'none') bits |= FOLLOW_UP;
      p.logs.push(Date.parse(l.occurredAt));
      p.bits.push(bits);
      logCount++;
    }
    for (const c of batch.checkIns) {
      people.get(c.authorId)!.checkIns.push(Date.parse(c.submittedAt));
      checkInCount++;
    }
  }
  const reps = new Map<string, RepIndex[]>();
  const built = new Map<string, RepIndex>();
  for (const [teamId, ids] of teamReps) {
    reps.set(
      teamId,
      ids.map((id) => {
        let rep = built.get(id);
        if (!rep) {
          const p = people.get(id)!;
          const order = p.logs.map((_, i) => i).sort((a, b) => p.logs[a]! - p.logs[b]!);
          rep = {
            id,
            counted: p.counted,
            logTimes: Float64Array.from(order, (i) => p.logs[i]!),
            logBits: Uint16Array.from(order, (i) => p.bits[i]!),
            checkInTimes: Float64Array.from(p.checkIns).sort(),
          };
          built.set(id, rep);
        }
        return rep;
      }),
    );
  }
  return { tenantId, teams, reps, logCount, outcomeCount, checkInCount };
}

/** First position whose time is >= t. */
function lowerBound(times: Float64Array, t: number): number {
  let lo = 0;
  let hi = times.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (times[mid]! < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** What the memory Store's `insightCounts` computes, from the index. */
export function insightCounts(index: OrgIndex, query: InsightCountsQuery): InsightCountRow[] {
  const from = Date.parse(query.from);
  const to = Date.parse(query.to);
  const rows: InsightCountRow[] = [];
  for (const teamId of query.teamIds) {
    for (const rep of index.reps.get(teamId) ?? []) {
      if (!rep.counted) continue;
      const start = lowerBound(rep.logTimes, from);
      const end = lowerBound(rep.logTimes, to);
      let askedWhy = 0;
      let discovery = 0;
      let followUp = 0;
      const reasons = new Array<number>(REASON_CATEGORIES.length).fill(0);
      const outcomes = new Array<number>(OUTCOME_KINDS.length).fill(0);
      for (let i = start; i < end; i++) {
        const bits = rep.logBits[i]!;
        askedWhy += bits & ASKED;
        discovery += (bits & DISCOVERY) >> 1;
        followUp += (bits & FOLLOW_UP) >> 2;
        reasons[(bits >> REASON_SHIFT) & 7]!++;
        if (bits >> OUTCOME_SHIFT) {
          for (let o = 0; o < OUTCOME_KINDS.length; o++) if (bits & (1 << (OUTCOME_SHIFT + o))) outcomes[o]!++;
        }
      }
      rows.push({
        teamId,
        personId: rep.id,
        logs: end - start,
        askedWhy,
        discovery,
        followUp,
        reasons: Object.fromEntries(REASON_CATEGORIES.map((r, i) => [r, reasons[i]!])) as InsightCountRow['reasons'],
        outcomes: Object.fromEntries(OUTCOME_KINDS.map((o, i) => [o, outcomes[i]!])) as InsightCountRow['outcomes'],
        checkIns: lowerBound(rep.checkInTimes, to) - lowerBound(rep.checkInTimes, from),
      });
    }
  }
  return rows;
}

/** Baseline: the least work that touches the same logs: find the range, sum one flag. */
export function bareSum(index: OrgIndex, teamIds: readonly string[], fromIso: string, toIso: string): number {
  const from = Date.parse(fromIso);
  const to = Date.parse(toIso);
  let sum = 0;
  for (const teamId of teamIds) {
    for (const rep of index.reps.get(teamId) ?? []) {
      if (!rep.counted) continue;
      const end = lowerBound(rep.logTimes, to);
      for (let i = lowerBound(rep.logTimes, from); i < end; i++) sum += rep.logBits[i]! & ASKED;
    }
  }
  return sum;
}
