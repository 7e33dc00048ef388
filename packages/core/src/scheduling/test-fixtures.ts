import type { RejectionLog } from '../records/rejection-log';
import type { Schedule } from '../records/share';
import type { Team } from '../records/team';

/** A rep's schedule: on, weekdays at 17:30, nothing paused; override what a test is about. */
export function schedule(overrides: Partial<Schedule> = {}): Schedule {
  return {
    tenantId: 'tenant-1',
    personId: 'rep-1',
    enabled: true,
    cadence: 'daily',
    checkInDays: [1, 2, 3, 4, 5],
    checkInTime: '17:30',
    quietHours: null,
    snoozeUntil: null,
    outOfOffice: [],
    skipDates: [],
    reminderAfterHours: null,
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  };
}

export function team(overrides: Partial<Team> = {}): Team {
  return {
    tenantId: 'tenant-1',
    id: 'team-1',
    name: 'Kanto sales',
    timeZone: 'Asia/Tokyo',
    digestDay: 5,
    digestTime: '16:00',
    fiscalYearStartMonth: 4,
    teamsTeamId: null,
    channelConversationRefId: null,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  };
}

export function log(overrides: Partial<RejectionLog> = {}): RejectionLog {
  return {
    tenantId: 'tenant-1',
    id: 'log-1',
    authorId: 'rep-1',
    occurredAt: '2026-03-02T01:00:00.000Z',
    customerLabel: 'the bakery',
    stage: 'proposal',
    askedWhy: true,
    reason: 'budget',
    visibility: 'private',
    createdAt: '2026-03-02T01:00:00.000Z',
    updatedAt: '2026-03-02T01:00:00.000Z',
    ...overrides,
  };
}
