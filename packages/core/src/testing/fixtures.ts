import type { CheckIn } from '../records/check-in';
import type { ConversationRef, Delivery } from '../records/delivery';
import { DEFAULT_PRIVACY, type Person } from '../records/person';
import type { Outcome, RejectionLog } from '../records/rejection-log';
import type { ManagerReply, Schedule, Share } from '../records/share';
import type { ManagerAssignment, Membership, Team } from '../records/team';
import { defaultSchedule } from '../service/people';
import type { IdempotencyRecord } from '../store/port';

/** Valid records with readable defaults, for tests of stores and hosts. Override what matters to the test. */
export const T0 = '2026-11-02T00:00:00.000Z';

export function aPerson(o: Partial<Person> & Pick<Person, 'id'>): Person {
  return {
    tenantId: 'tenant-a',
    displayName: `Person ${o.id}`,
    timeZone: 'Asia/Tokyo',
    language: null,
    clientLocale: null,
    privacy: { ...DEFAULT_PRIVACY },
    answerPreference: null,
    createdAt: T0,
    updatedAt: T0,
    ...o,
  };
}

export function aTeam(o: Partial<Team> & Pick<Team, 'id'>): Team {
  return {
    tenantId: 'tenant-a',
    name: `Team ${o.id}`,
    timeZone: 'Asia/Tokyo',
    digestDay: 5,
    digestTime: '16:00',
    fiscalYearStartMonth: 4,
    teamsTeamId: null,
    channelConversationRefId: null,
    createdAt: T0,
    updatedAt: T0,
    ...o,
  };
}

export function aMembership(o: Partial<Membership> & Pick<Membership, 'teamId' | 'personId'>): Membership {
  return { tenantId: 'tenant-a', role: 'rep', source: 'api', since: T0, ...o };
}

export function anAssignment(
  o: Partial<ManagerAssignment> & Pick<ManagerAssignment, 'id' | 'repId' | 'managerId'>,
): ManagerAssignment {
  return { tenantId: 'tenant-a', status: 'pending', requestedAt: T0, decidedAt: null, ...o };
}

export function aLog(o: Partial<RejectionLog> & Pick<RejectionLog, 'id' | 'authorId'>): RejectionLog {
  return {
    tenantId: 'tenant-a',
    occurredAt: T0,
    customerLabel: 'Bakery in Shibuya',
    stage: 'proposal',
    askedWhy: true,
    reason: 'timing',
    visibility: 'private',
    createdAt: T0,
    updatedAt: T0,
    ...o,
  };
}

export function anOutcome(o: Partial<Outcome> & Pick<Outcome, 'id' | 'logId' | 'authorId'>): Outcome {
  return { tenantId: 'tenant-a', kind: 'reopened', occurredOn: '2026-11-20', recordedAt: T0, ...o };
}

export function aCheckIn(o: Partial<CheckIn> & Pick<CheckIn, 'id' | 'authorId'>): CheckIn {
  return {
    tenantId: 'tenant-a',
    cadence: 'daily',
    periodKey: '2026-11-02',
    answers: [],
    pressure: 3,
    energy: 3,
    permissionToNotSell: false,
    supportRequested: false,
    visibility: 'private',
    submittedAt: T0,
    updatedAt: T0,
    ...o,
  };
}

export function aShare(o: Partial<Share> & Pick<Share, 'id' | 'itemId' | 'ownerId'>): Share {
  return {
    tenantId: 'tenant-a',
    itemKind: 'log',
    visibility: 'manager',
    audience: [],
    teamIds: [],
    sharedAt: T0,
    withdrawnAt: null,
    ...o,
  };
}

export function aReply(
  o: Partial<ManagerReply> & Pick<ManagerReply, 'id' | 'managerId' | 'repId' | 'itemId'>,
): ManagerReply {
  return {
    tenantId: 'tenant-a',
    itemKind: 'log',
    templateId: null,
    text: 'Thanks for sharing this.',
    toneFindings: [],
    sentAt: T0,
    ...o,
  };
}

export function aSchedule(o: Partial<Schedule> & Pick<Schedule, 'personId'>): Schedule {
  return { ...defaultSchedule(o.tenantId ?? 'tenant-a', o.personId, T0), ...o };
}

export function aConversationRef(o: Partial<ConversationRef> & Pick<ConversationRef, 'id'>): ConversationRef {
  return {
    tenantId: 'tenant-a',
    kind: 'personal',
    personId: null,
    teamId: null,
    conversationId: `conv-${o.id}`,
    serviceUrl: 'http://127.0.0.1:9/',
    reference: '{}',
    active: true,
    updatedAt: T0,
    ...o,
  };
}

export function aDelivery(o: Partial<Delivery> & Pick<Delivery, 'id' | 'key'>): Delivery {
  return {
    tenantId: 'tenant-a',
    kind: 'check-in',
    recipientId: null,
    teamId: null,
    conversationRefId: null,
    itemKind: null,
    itemId: null,
    ownerId: null,
    periodKey: null,
    subjectId: null,
    anonymous: false,
    messageId: null,
    status: 'pending',
    attempts: 0,
    lastError: null,
    dueAt: T0,
    createdAt: T0,
    updatedAt: T0,
    ...o,
  };
}

export function anIdempotencyRecord(
  o: Partial<IdempotencyRecord> & Pick<IdempotencyRecord, 'personId' | 'key'>,
): IdempotencyRecord {
  return { tenantId: 'tenant-a', operation: 'logRejection', result: '{"ok":true}', createdAt: T0, ...o };
}
