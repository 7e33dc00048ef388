import type { RejectionLog } from '../records/rejection-log';
import type { Schedule } from '../records/share';
import type { Team } from '../records/team';
import { aLog, aSchedule, aTeam } from '../testing/fixtures';

/** A rep who opted in: weekdays at 17:30, nothing paused. Override what the test is about. */
export function schedule(overrides: Partial<Schedule> = {}): Schedule {
  return aSchedule({ tenantId: 'tenant-1', personId: 'rep-1', enabled: true, ...overrides });
}

export function team(overrides: Partial<Team> = {}): Team {
  return aTeam({ tenantId: 'tenant-1', id: 'team-1', ...overrides });
}

export function log(overrides: Partial<RejectionLog> = {}): RejectionLog {
  const written = '2026-03-02T01:00:00.000Z';
  return aLog({
    tenantId: 'tenant-1',
    id: 'log-1',
    authorId: 'rep-1',
    occurredAt: written,
    createdAt: written,
    updatedAt: written,
    ...overrides,
  });
}
