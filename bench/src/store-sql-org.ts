/**
 * A deterministic generated org for the store benchmark: 200 teams of 10 reps and 1 manager (2,000 reps),
 * 1,000,000 rejection logs over two years, outcomes on about one log in eight, weekly check-ins from most reps.
 * Streams in batches so that no store needs the whole org in one array.
 */
import {
  type CheckIn,
  type Membership,
  type Outcome,
  type OutcomeKind,
  type Person,
  REASON_CATEGORIES,
  type RejectionLog,
  type Team,
} from '@rebound/core';
import { seededRandom } from '@rebound/core/testing';

export const TENANT = 'bench-org';
export const START = Date.UTC(2025, 0, 1);
export const END = Date.UTC(2027, 0, 1);

export interface OrgShape {
  teams: number;
  repsPerTeam: number;
  logs: number;
}

export const FULL_ORG: OrgShape = { teams: 200, repsPerTeam: 10, logs: 1_000_000 };

/** The same seeded PRNG as core's org generator. */
export const prng = seededRandom;

const iso = (ms: number) => new Date(ms).toISOString();
export const repId = (i: number) => `rep-${String(i).padStart(4, '0')}`;
export const teamId = (i: number) => `team-${String(i).padStart(3, '0')}`;
const managerId = (i: number) => `mgr-${String(i).padStart(3, '0')}`;

export function orgPeople(shape: OrgShape): { persons: Person[]; teams: Team[]; memberships: Membership[] } {
  const random = prng(7);
  const created = iso(START);
  const persons: Person[] = [];
  const teams: Team[] = [];
  const memberships: Membership[] = [];
  for (let t = 0; t < shape.teams; t++) {
    teams.push({
      tenantId: TENANT,
      id: teamId(t),
      name: `Sales ${t}`,
      timeZone: 'Asia/Tokyo',
      digestDay: 5,
      digestTime: '16:00',
      fiscalYearStartMonth: 4,
      teamsTeamId: null,
      channelConversationRefId: null,
      createdAt: created,
      updatedAt: created,
    });
    const person = (id: string): Person => ({
      tenantId: TENANT,
      id,
      displayName: id,
      timeZone: 'Asia/Tokyo',
      language: random() < 0.7 ? 'ja' : 'en',
      clientLocale: null,
      privacy: { defaultVisibility: 'private', shareSignalsWithManagers: false, countInTeamStats: random() > 0.03 },
      answerPreference: null,
      createdAt: created,
      updatedAt: created,
    });
    persons.push(person(managerId(t)));
    const since = created;
    memberships.push({
      tenantId: TENANT,
      teamId: teamId(t),
      personId: managerId(t),
      role: 'manager',
      source: 'org-chart',
      since,
    });
    for (let r = 0; r < shape.repsPerTeam; r++) {
      const id = repId(t * shape.repsPerTeam + r);
      persons.push(person(id));
      memberships.push({ tenantId: TENANT, teamId: teamId(t), personId: id, role: 'rep', source: 'org-chart', since });
    }
  }
  return { persons, teams, memberships };
}

const WORDS = [
  '今は時期じゃない',
  '予算が来期まで取れない',
  'We already use another vendor',
  '決裁者が別にいる',
  'Not a priority this year',
];
const DISCOVERIES = [
  'They open a second shop in spring',
  '来年の組織変更で窓口が変わる',
  'Their contract renews in March',
];
const OUTCOMES: OutcomeKind[] = ['reopened', 'won-later', 'referral', 'repeat', 'closed'];

export interface OrgBatch {
  logs: RejectionLog[];
  outcomes: Outcome[];
  checkIns: CheckIn[];
}

/** The org's logs, outcomes and check-ins, `size` logs per batch. */
export function* orgItems(shape: OrgShape, size: number): Generator<OrgBatch> {
  const random = prng(11);
  const reps = shape.teams * shape.repsPerTeam;
  const span = END - START;
  let checkInWeek = 0;
  const weeks = Math.floor(span / (7 * 86_400_000));
  for (let first = 0; first < shape.logs; first += size) {
    const batch: OrgBatch = { logs: [], outcomes: [], checkIns: [] };
    for (let i = first; i < Math.min(shape.logs, first + size); i++) {
      const author = repId(Math.floor(random() * reps));
      const occurred = iso(START + Math.floor(random() * span));
      const log: RejectionLog = {
        tenantId: TENANT,
        id: `log-${i}`,
        authorId: author,
        occurredAt: occurred,
        customerLabel: `Customer ${Math.floor(random() * 5000)}`,
        stage: random() < 0.5 ? 'proposal' : 'first-meeting',
        askedWhy: random() < 0.55,
        reason: REASON_CATEGORIES[Math.floor(random() * REASON_CATEGORIES.length)]!,
        visibility: random() < 0.8 ? 'private' : 'manager',
        createdAt: occurred,
        updatedAt: occurred,
      };
      if (random() < 0.4) log.customerWords = WORDS[Math.floor(random() * WORDS.length)]!;
      if (random() < 0.35) log.discovery = DISCOVERIES[Math.floor(random() * DISCOVERIES.length)]!;
      if (random() < 0.6) log.nextStep = { kind: random() < 0.8 ? 'follow-up' : 'none' };
      if (random() < 0.5) log.feeling = 'disappointed';
      batch.logs.push(log);
      if (random() < 0.12) {
        batch.outcomes.push({
          tenantId: TENANT,
          id: `out-${i}`,
          logId: log.id,
          authorId: author,
          kind: OUTCOMES[Math.floor(random() * OUTCOMES.length)]!,
          occurredOn: occurred.slice(0, 10),
          recordedAt: occurred,
        });
      }
    }
    // Weekly check-ins, spread over the batches: three reps in four answer each week.
    const until = Math.floor(((first + size) / shape.logs) * weeks);
    for (; checkInWeek < Math.min(until, weeks); checkInWeek++) {
      const weekStart = START + checkInWeek * 7 * 86_400_000;
      for (let r = 0; r < reps; r++) {
        if (random() < 0.25) continue;
        const at = iso(weekStart + 4 * 86_400_000 + Math.floor(random() * 8 * 3_600_000));
        batch.checkIns.push({
          tenantId: TENANT,
          id: `ci-${checkInWeek}-${r}`,
          authorId: repId(r),
          cadence: 'weekly',
          periodKey: `${2025 + Math.floor(checkInWeek / 52)}-W${String((checkInWeek % 52) + 1).padStart(2, '0')}`,
          answers: [],
          pressure: 1 + Math.floor(random() * 5),
          energy: 1 + Math.floor(random() * 5),
          permissionToNotSell: false,
          supportRequested: false,
          visibility: 'private',
          submittedAt: at,
          updatedAt: at,
        });
      }
    }
    yield batch;
  }
}
