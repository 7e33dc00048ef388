import type {
  CheckIn,
  ConversationRef,
  Delivery,
  ManagerAssignment,
  ManagerReply,
  Membership,
  Outcome,
  Person,
  RejectionLog,
  Schedule,
  Share,
  Team,
} from '@rebound/core';
import type { TableName } from './tables';

/** A row to write: the columns queries use, plus the whole record as JSON. */
export type Row = Record<string, string | number | null>;

const flag = (value: boolean): number => (value ? 1 : 0);
const json = (record: unknown): string => JSON.stringify(record);

/** How each record becomes a row: its table, primary key columns and column values. */
export const rowOf = {
  person: (p: Person): Row => ({
    tenant_id: p.tenantId,
    id: p.id,
    count_in_stats: flag(p.privacy?.countInTeamStats !== false),
    data: json(p),
  }),
  team: (t: Team): Row => ({ tenant_id: t.tenantId, id: t.id, data: json(t) }),
  membership: (m: Membership): Row => ({
    tenant_id: m.tenantId,
    team_id: m.teamId,
    person_id: m.personId,
    role: m.role,
    since: m.since,
    data: json(m),
  }),
  assignment: (a: ManagerAssignment): Row => ({
    tenant_id: a.tenantId,
    id: a.id,
    rep_id: a.repId,
    manager_id: a.managerId,
    status: a.status,
    requested_at: a.requestedAt,
    data: json(a),
  }),
  /** The outcome flags are filled from the outcomes table by the insert itself. */
  log: (l: RejectionLog): Row => ({
    tenant_id: l.tenantId,
    id: l.id,
    author_id: l.authorId,
    occurred_at: l.occurredAt,
    asked_why: flag(l.askedWhy),
    has_discovery: flag(typeof l.discovery === 'string' && l.discovery !== ''),
    follow_up: flag(l.nextStep !== undefined && l.nextStep !== null && l.nextStep.kind !== 'none'),
    reason: l.reason,
    next_step_due: l.nextStep?.dueDate ?? null,
    data: json(l),
  }),
  outcome: (o: Outcome): Row => ({
    tenant_id: o.tenantId,
    id: o.id,
    log_id: o.logId,
    author_id: o.authorId,
    kind: o.kind,
    recorded_at: o.recordedAt,
    data: json(o),
  }),
  checkIn: (c: CheckIn): Row => ({
    tenant_id: c.tenantId,
    id: c.id,
    author_id: c.authorId,
    cadence: c.cadence,
    period_key: c.periodKey,
    submitted_at: c.submittedAt,
    data: json(c),
  }),
  share: (s: Share): Row => ({
    tenant_id: s.tenantId,
    id: s.id,
    item_id: s.itemId,
    owner_id: s.ownerId,
    shared_at: s.sharedAt,
    withdrawn: flag(s.withdrawnAt !== null && s.withdrawnAt !== undefined),
    data: json(s),
  }),
  reply: (r: ManagerReply): Row => ({
    tenant_id: r.tenantId,
    id: r.id,
    manager_id: r.managerId,
    rep_id: r.repId,
    item_id: r.itemId,
    sent_at: r.sentAt,
    data: json(r),
  }),
  schedule: (s: Schedule): Row => ({
    tenant_id: s.tenantId,
    person_id: s.personId,
    enabled: flag(s.enabled),
    data: json(s),
  }),
  conversationRef: (c: ConversationRef): Row => ({
    tenant_id: c.tenantId,
    id: c.id,
    person_id: c.personId ?? null,
    team_id: c.teamId ?? null,
    conversation_id: c.conversationId,
    active: flag(c.active),
    updated_at: c.updatedAt,
    data: json(c),
  }),
  delivery: (d: Delivery): Row => ({
    tenant_id: d.tenantId,
    id: d.id,
    key: d.key,
    kind: d.kind,
    status: d.status,
    recipient_id: d.recipientId ?? null,
    team_id: d.teamId ?? null,
    item_id: d.itemId ?? null,
    owner_id: d.ownerId ?? null,
    subject_id: d.subjectId ?? null,
    anonymous: flag(d.anonymous === true),
    due_at: d.dueAt,
    created_at: d.createdAt,
    data: json(d),
  }),
} as const;

/** Tables that hold records (put by primary key). */
export type RecordTable = Exclude<
  TableName,
  'schema_migrations' | 'share_audience' | 'log_months' | 'idempotency_records'
>;

export const PRIMARY_KEYS: Record<RecordTable, readonly string[]> = {
  persons: ['tenant_id', 'id'],
  teams: ['tenant_id', 'id'],
  memberships: ['tenant_id', 'team_id', 'person_id'],
  assignments: ['tenant_id', 'id'],
  logs: ['tenant_id', 'id'],
  outcomes: ['tenant_id', 'id'],
  check_ins: ['tenant_id', 'id'],
  shares: ['tenant_id', 'id'],
  replies: ['tenant_id', 'id'],
  schedules: ['tenant_id', 'person_id'],
  conversation_refs: ['tenant_id', 'id'],
  deliveries: ['tenant_id', 'id'],
};

/** Parses the stored JSON of each row back into its record. */
export function records<T>(rows: readonly { data: string }[]): T[] {
  return rows.map((r) => JSON.parse(r.data) as T);
}

export function firstRecord<T>(rows: readonly { data: string }[]): T | null {
  const row = rows[0];
  return row ? (JSON.parse(row.data) as T) : null;
}
