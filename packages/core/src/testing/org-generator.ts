import { isoWeekKey, startOfIsoWeek } from '../calendar/calendar';
import type { CheckIn } from '../records/check-in';
import {
  FEELINGS,
  NEXT_STEP_KINDS,
  type OutcomeKind,
  type ReasonCategory,
  SALES_STAGES,
  type Visibility,
} from '../records/enums';
import type { Person } from '../records/person';
import type { Outcome, RejectionLog } from '../records/rejection-log';
import type { Membership, Team } from '../records/team';

/**
 * A deterministic generated org for benchmarks and load tests: N reps in M teams (one manager each), L rejection
 * logs over a date range, weekly check-ins and some later outcomes. Every record satisfies the core schemas.
 * Streamed in batches, so a million logs never have to be one array.
 */
export interface OrgGeneratorOptions {
  /** Same seed, same org (a seeded PRNG; no Math.random). */
  seed?: number;
  tenantId?: string;
  reps?: number;
  teams?: number;
  logs?: number;
  /** Inclusive start and exclusive end of the logs and check-ins (instants). */
  from?: string;
  to?: string;
  /** Chance that a rep checks in in a given ISO week. */
  checkInRate?: number;
  /** Chance that a log gets a later outcome. */
  outcomeRate?: number;
  /** Share of reps who turned off "count my items in team statistics". */
  optOutRate?: number;
  /** Share of reps who share their signals with their managers. */
  shareSignalsRate?: number;
  /** Most records of one kind in a batch. */
  batchSize?: number;
}

/** The benchmark org: 2,000 reps, 200 teams, 1,000,000 logs over fiscal years 2024 and 2025 (Tokyo). */
export const BENCHMARK_ORG: Required<OrgGeneratorOptions> = {
  seed: 20261124,
  tenantId: 'bench-tenant',
  reps: 2000,
  teams: 200,
  logs: 1_000_000,
  from: '2024-03-31T15:00:00.000Z',
  to: '2026-03-31T15:00:00.000Z',
  checkInRate: 0.5,
  outcomeRate: 0.08,
  optOutRate: 0.03,
  shareSignalsRate: 0.2,
  batchSize: 10_000,
};

/** One batch. The first holds the org (people, teams, memberships); later ones logs with outcomes, then check-ins. */
export interface OrgBatch {
  people: Person[];
  teams: Team[];
  memberships: Membership[];
  logs: RejectionLog[];
  outcomes: Outcome[];
  checkIns: CheckIn[];
}

/** mulberry32: small, fast, and the same on every platform. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const DAY = 86_400_000;
const pad = (n: number, width: number) => String(n).padStart(width, '0');

function weighted<T extends string>(random: () => number, table: readonly (readonly [T, number])[]): T {
  const total = table.reduce((s, [, w]) => s + w, 0);
  let r = random() * total;
  for (const [value, w] of table) {
    r -= w;
    if (r < 0) return value;
  }
  return table[table.length - 1]![0];
}

const REASON_WEIGHTS: readonly (readonly [ReasonCategory, number])[] = [
  ['price', 22],
  ['timing', 20],
  ['no-need', 14],
  ['trust', 6],
  ['competitor', 14],
  ['decision-maker', 8],
  ['budget', 12],
  ['other', 4],
];
const VISIBILITY_WEIGHTS: readonly (readonly [Visibility, number])[] = [
  ['private', 70],
  ['manager', 16],
  ['team', 10],
  ['team-anonymous', 4],
];
const OUTCOME_WEIGHTS: readonly (readonly [OutcomeKind, number])[] = [
  ['reopened', 30],
  ['won-later', 20],
  ['referral', 15],
  ['repeat', 10],
  ['closed', 25],
];
const CUSTOMERS = ['Bakery in Shibuya', '渋谷のベーカリー', 'Logistics firm', '物流会社A', 'Clinic group', '地方銀行'];
const DISCOVERIES = ['They renew contracts in March', '決裁は本社の購買部', 'A pilot would lower the risk for them'];
const LESSONS = ['Ask about the budget cycle earlier', '最初に決裁者を確認する', 'Listen before the demo'];

export function* generateOrg(options: OrgGeneratorOptions = {}): Generator<OrgBatch> {
  const o = { ...BENCHMARK_ORG, ...options };
  const random = seededRandom(o.seed);
  const fromMs = Date.parse(o.from);
  const toMs = Date.parse(o.to);
  const created = new Date(fromMs).toISOString();
  const empty = (): OrgBatch => ({ people: [], teams: [], memberships: [], logs: [], outcomes: [], checkIns: [] });

  // The org: team sizes vary (some teams are under the privacy threshold on purpose).
  const sizes = Array.from({ length: o.teams }, () => 3 + Math.floor(random() * 15));
  let assigned = sizes.reduce((a, b) => a + b, 0);
  while (assigned !== o.reps && o.teams > 0) {
    const i = Math.floor(random() * o.teams);
    if (assigned < o.reps) {
      sizes[i]!++;
      assigned++;
    } else if (sizes[i]! > 1) {
      sizes[i]!--;
      assigned--;
    }
  }
  const org = empty();
  const reps: { id: string; teamIndex: number; timeZone: string; askRate: number; activity: number }[] = [];
  for (let t = 0; t < o.teams; t++) {
    const abroad = random() < 0.1;
    const timeZone = abroad ? 'America/Los_Angeles' : 'Asia/Tokyo';
    const team: Team = {
      tenantId: o.tenantId,
      id: `team-${pad(t + 1, 3)}`,
      name: `Sales ${pad(t + 1, 3)}`,
      timeZone,
      digestDay: 5,
      digestTime: '16:00',
      fiscalYearStartMonth: abroad ? 1 : 4,
      teamsTeamId: null,
      channelConversationRefId: null,
      createdAt: created,
      updatedAt: created,
    };
    org.teams.push(team);
    const person = (id: string, name: string, privacy: Person['privacy']): Person => ({
      tenantId: o.tenantId,
      id,
      displayName: name,
      timeZone,
      language: abroad ? 'en' : 'ja',
      clientLocale: null,
      privacy,
      answerPreference: null,
      createdAt: created,
      updatedAt: created,
    });
    const managerId = `mgr-${pad(t + 1, 3)}`;
    org.people.push(
      person(managerId, `Manager ${t + 1}`, {
        defaultVisibility: 'private',
        shareSignalsWithManagers: false,
        countInTeamStats: true,
      }),
    );
    org.memberships.push(membership(o.tenantId, team.id, managerId, 'manager', created));
    for (let i = 0; i < sizes[t]!; i++) {
      const id = `rep-${pad(reps.length + 1, 5)}`;
      org.people.push(
        person(id, `Rep ${reps.length + 1}`, {
          defaultVisibility: 'private',
          shareSignalsWithManagers: random() < o.shareSignalsRate,
          countInTeamStats: random() >= o.optOutRate,
        }),
      );
      org.memberships.push(membership(o.tenantId, team.id, id, 'rep', created));
      reps.push({ id, teamIndex: t, timeZone, askRate: 0.3 + random() * 0.6, activity: 0.2 + random() * 1.6 });
    }
  }
  yield org;
  if (reps.length === 0) return;

  // Logs: busier reps log more; each log is a plain, valid record.
  const cumulative: number[] = [];
  let sum = 0;
  for (const r of reps) {
    sum += r.activity;
    cumulative.push(sum);
  }
  const pickRep = () => {
    const x = random() * sum;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! > x) hi = mid;
      else lo = mid + 1;
    }
    return reps[lo]!;
  };
  let batch = empty();
  let outcomeCount = 0;
  for (let n = 1; n <= o.logs; n++) {
    const rep = pickRep();
    const ms = fromMs + Math.floor((random() * (toMs - fromMs)) / 60_000) * 60_000;
    const at = new Date(ms).toISOString();
    const next = random() < 0.6 ? NEXT_STEP_KINDS[Math.floor(random() * NEXT_STEP_KINDS.length)]! : null;
    const log: RejectionLog = {
      tenantId: o.tenantId,
      id: `log-${pad(n, 7)}`,
      authorId: rep.id,
      occurredAt: at,
      customerLabel: CUSTOMERS[Math.floor(random() * CUSTOMERS.length)]!,
      stage: SALES_STAGES[Math.floor(random() * SALES_STAGES.length)]!,
      askedWhy: random() < rep.askRate,
      reason: weighted(random, REASON_WEIGHTS),
      visibility: weighted(random, VISIBILITY_WEIGHTS),
      createdAt: at,
      updatedAt: at,
    };
    if (random() < 0.3) log.discovery = DISCOVERIES[Math.floor(random() * DISCOVERIES.length)]!;
    if (random() < 0.3) log.learned = LESSONS[Math.floor(random() * LESSONS.length)]!;
    if (random() < 0.5) log.feeling = FEELINGS[Math.floor(random() * FEELINGS.length)]!;
    if (next) {
      log.nextStep = { kind: next };
      if (next !== 'none' && random() < 0.5) log.nextStep.dueDate = new Date(ms + 7 * DAY).toISOString().slice(0, 10);
    }
    batch.logs.push(log);
    if (random() < o.outcomeRate) {
      const when = ms + (7 + Math.floor(random() * 90)) * DAY;
      if (when < toMs) {
        const day = new Date(when).toISOString().slice(0, 10);
        batch.outcomes.push({
          tenantId: o.tenantId,
          id: `out-${pad(++outcomeCount, 7)}`,
          logId: log.id,
          authorId: rep.id,
          kind: weighted(random, OUTCOME_WEIGHTS),
          occurredOn: day,
          recordedAt: `${day}T09:00:00.000Z`,
        });
      }
    }
    if (batch.logs.length >= o.batchSize) {
      yield batch;
      batch = empty();
    }
  }
  if (batch.logs.length > 0) yield batch;

  // Weekly check-ins, Friday evening in Tokyo terms; pressure and energy drift per rep.
  batch = empty();
  const firstMonday = Date.parse(`${startOfIsoWeek(new Date(fromMs).toISOString().slice(0, 10))}T00:00:00Z`);
  let checkInCount = 0;
  for (const rep of reps) {
    let pressure = 2 + random() * 2;
    let energy = 2 + random() * 2;
    for (let monday = firstMonday; monday < toMs; monday += 7 * DAY) {
      pressure = Math.min(5, Math.max(1, pressure + (random() - 0.5)));
      energy = Math.min(5, Math.max(1, energy + (random() - 0.5)));
      const submitted = monday + 4 * DAY + 8 * 3_600_000;
      if (submitted < fromMs || submitted >= toMs || random() >= o.checkInRate) continue;
      const at = new Date(submitted).toISOString();
      batch.checkIns.push({
        tenantId: o.tenantId,
        id: `chk-${pad(++checkInCount, 7)}`,
        authorId: rep.id,
        cadence: 'weekly',
        periodKey: isoWeekKey(new Date(monday).toISOString().slice(0, 10)),
        answers: random() < 0.7 ? [{ promptId: 'what-went-well', answer: 'I asked why twice today' }] : [],
        pressure: Math.round(pressure),
        energy: Math.round(energy),
        permissionToNotSell: random() < 0.1,
        supportRequested: random() < 0.02,
        visibility: random() < 0.8 ? 'private' : 'manager',
        submittedAt: at,
        updatedAt: at,
      });
      if (batch.checkIns.length >= o.batchSize) {
        yield batch;
        batch = empty();
      }
    }
  }
  if (batch.checkIns.length > 0) yield batch;
}

function membership(tenantId: string, teamId: string, personId: string, role: Membership['role'], since: string) {
  return { tenantId, teamId, personId, role, source: 'org-chart', since } satisfies Membership;
}
