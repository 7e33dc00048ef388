import type { CheckIn } from '../../records/check-in';
import type { RejectionLog } from '../../records/rejection-log';

// Plain records for tests and benchmarks of the prompt and reply rules. Not part of the public API.

let serial = 0;

export function makeLog(overrides: Partial<RejectionLog> = {}): RejectionLog {
  serial++;
  const at = overrides.occurredAt ?? '2026-11-24T01:00:00.000Z';
  return {
    tenantId: 'tenant-1',
    id: `log-${serial}`,
    authorId: 'rep-1',
    occurredAt: at,
    customerLabel: 'Sakura Bakery',
    stage: 'proposal',
    askedWhy: false,
    reason: 'timing',
    visibility: 'private',
    createdAt: at,
    updatedAt: at,
    ...overrides,
  };
}

export function makeCheckIn(overrides: Partial<CheckIn> = {}): CheckIn {
  serial++;
  const at = overrides.submittedAt ?? '2026-11-24T09:00:00.000Z';
  return {
    tenantId: 'tenant-1',
    id: `check-in-${serial}`,
    authorId: 'rep-1',
    cadence: 'daily',
    periodKey: at.slice(0, 10),
    answers: [],
    pressure: 3,
    energy: 3,
    permissionToNotSell: false,
    supportRequested: false,
    visibility: 'private',
    submittedAt: at,
    updatedAt: at,
    ...overrides,
  };
}
