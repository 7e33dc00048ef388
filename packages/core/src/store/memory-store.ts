import { addDays, daysBetween } from '../calendar/calendar';
import { ReboundError } from '../errors';
import type { CheckIn } from '../records/check-in';
import type { ConversationRef, Delivery } from '../records/delivery';
import { OUTCOME_KINDS, REASON_CATEGORIES } from '../records/enums';
import type { Person } from '../records/person';
import type { Outcome, RejectionLog } from '../records/rejection-log';
import type { ManagerReply, Schedule, Share } from '../records/share';
import type { ManagerAssignment, Membership, Team } from '../records/team';
import type { IdempotencyRecord, InsightCountRow, Store, StoreOps } from './port';
import { Table } from './table';

const k = (...parts: string[]) => parts.join('\u0000');

function freeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) freeze(v);
  }
  return value;
}

/**
 * A frozen deep copy without `undefined` properties, so a stored record reads back exactly as the SQL stores
 * return it. Records are plain JSON-like data, so copying them by hand is enough (and much cheaper than
 * `structuredClone`).
 */
function copy<T>(value: T): T {
  return freeze(stripUndefined(value));
}
function stripUndefined<T>(value: T): T {
  if (Array.isArray(value)) return value.map(stripUndefined) as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) if (v !== undefined) out[key] = stripUndefined(v);
    return out as T;
  }
  return value;
}

const newestFirst =
  <T>(field: keyof T) =>
  (a: T, b: T) =>
    a[field] < b[field] ? 1 : a[field] > b[field] ? -1 : 0;

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function firstAtOrAfter(sorted: readonly RejectionLog[], instant: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]!.occurredAt < instant) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Deliveries by `dueAt`, then id, then tenant: the order of the cross-tenant scans. */
function byDue(a: Pick<Delivery, 'dueAt' | 'id' | 'tenantId'>, b: Pick<Delivery, 'dueAt' | 'id' | 'tenantId'>): number {
  return compare(a.dueAt, b.dueAt) || compare(a.id, b.id) || compare(a.tenantId, b.tenantId);
}

function inRange(value: string, from?: string, to?: string): boolean {
  return (from === undefined || value >= from) && (to === undefined || value < to);
}

/**
 * The reference `Store`: everything in memory, for tests, examples and embedding in a browser. Transactions run
 * one at a time; a failing one is rolled back from an undo journal, so nothing of it remains.
 */
export function createMemoryStore(): Store {
  const people = new Table<Person>();
  const teams = new Table<Team>({ tenant: (t) => t.tenantId });
  const memberships = new Table<Membership>({
    team: (m) => k(m.tenantId, m.teamId),
    person: (m) => k(m.tenantId, m.personId),
  });
  const assignments = new Table<ManagerAssignment>({
    rep: (a) => k(a.tenantId, a.repId),
    manager: (a) => k(a.tenantId, a.managerId),
  });
  // Derived caches, dropped whenever a row they come from changes (rollbacks included).
  const logsByTime = new Map<string, RejectionLog[]>();
  // Keyed by the stored log object itself: a replaced log is a new object, so it can never read stale bits.
  const outcomeKindsOfLog = new WeakMap<RejectionLog, number>();
  const logs = new Table<RejectionLog>(
    { author: (l) => k(l.tenantId, l.authorId), nextStepDue: (l) => l.nextStep?.dueDate ?? null },
    (l) => logsByTime.delete(k(l.tenantId, l.authorId)),
  );
  const outcomes = new Table<Outcome>(
    { log: (o) => k(o.tenantId, o.logId), author: (o) => k(o.tenantId, o.authorId) },
    (o) => {
      const log = logs.get(k(o.tenantId, o.logId));
      if (log) outcomeKindsOfLog.delete(log);
    },
  );

  /** An author's logs, oldest `occurredAt` first (ties by id), built once per change. */
  function authorLogs(tenantId: string, authorId: string): RejectionLog[] {
    const key = k(tenantId, authorId);
    let sorted = logsByTime.get(key);
    if (!sorted) {
      sorted = logs.lookup('author', key).sort((a, b) => compare(a.occurredAt, b.occurredAt) || compare(a.id, b.id));
      logsByTime.set(key, sorted);
    }
    return sorted;
  }

  /** The logs with `occurredAt` in [from, to), oldest first, found by binary search. */
  function logsInRange(tenantId: string, authorId: string, from?: string, to?: string): RejectionLog[] {
    const sorted = authorLogs(tenantId, authorId);
    const start = from === undefined ? 0 : firstAtOrAfter(sorted, from);
    const end = to === undefined ? sorted.length : firstAtOrAfter(sorted, to);
    return sorted.slice(start, end);
  }

  /** A bit per outcome kind the log has had. */
  function outcomeKinds(log: RejectionLog): number {
    let bits = outcomeKindsOfLog.get(log);
    if (bits === undefined) {
      bits = 0;
      for (const o of outcomes.lookup('log', k(log.tenantId, log.id))) bits |= 1 << OUTCOME_KINDS.indexOf(o.kind);
      outcomeKindsOfLog.set(log, bits);
    }
    return bits;
  }

  const checkIns = new Table<CheckIn>({
    author: (c) => k(c.tenantId, c.authorId),
    period: (c) => k(c.tenantId, c.authorId, c.cadence, c.periodKey),
  });
  const shares = new Table<Share>({
    item: (s) => k(s.tenantId, s.itemId),
    owner: (s) => k(s.tenantId, s.ownerId),
    audience: (s) => s.audience.map((p) => k(s.tenantId, p)),
  });
  const replies = new Table<ManagerReply>({
    rep: (r) => k(r.tenantId, r.repId),
    manager: (r) => k(r.tenantId, r.managerId),
    item: (r) => k(r.tenantId, r.itemId),
  });
  const schedules = new Table<Schedule>({ enabled: (s) => (s.enabled ? 'yes' : null) });
  const conversationRefs = new Table<ConversationRef>({
    person: (c) => (c.personId ? k(c.tenantId, c.personId) : null),
    team: (c) => (c.teamId ? k(c.tenantId, c.teamId) : null),
    conversation: (c) => k(c.tenantId, c.conversationId),
  });
  const deliveries = new Table<Delivery>({
    key: (d) => k(d.tenantId, d.key),
    item: (d) => (d.itemId ? k(d.tenantId, d.itemId) : null),
    owner: (d) => (d.ownerId ? k(d.tenantId, d.ownerId) : null),
    recipient: (d) => (d.recipientId ? k(d.tenantId, d.recipientId) : null),
    team: (d) => (d.teamId ? k(d.tenantId, d.teamId) : null),
    tenant: (d) => d.tenantId,
    // The cross-tenant scans: pending ones, and sent ones by kind.
    scan: (d) => (d.status === 'pending' ? 'pending' : d.status === 'sent' ? `sent:${d.kind}` : null),
  });

  const idempotency = new Table<IdempotencyRecord>({ person: (r) => k(r.tenantId, r.personId) });

  type Journal = Array<() => void>;
  let journal: Journal | null = null;

  function write<T>(table: Table<T>, key: string, row: T | undefined): void {
    const previous = row === undefined ? table.delete(key) : table.set(key, row);
    journal?.push(() => (previous === undefined ? table.delete(key) : table.set(key, previous)));
  }

  const ops: StoreOps = {
    async getPerson(tenantId, id) {
      return people.get(k(tenantId, id)) ?? null;
    },
    async putPerson(person) {
      write(people, k(person.tenantId, person.id), copy(person));
    },
    async getTeam(tenantId, id) {
      return teams.get(k(tenantId, id)) ?? null;
    },
    async putTeam(team) {
      write(teams, k(team.tenantId, team.id), copy(team));
    },
    async listTeams(tenantId) {
      return teams.lookup('tenant', tenantId).sort((a, b) => (a.id < b.id ? -1 : 1));
    },
    async listMemberships(tenantId, query) {
      const rows =
        query.teamId !== undefined
          ? memberships.lookup('team', k(tenantId, query.teamId))
          : query.personId !== undefined
            ? memberships.lookup('person', k(tenantId, query.personId))
            : [...memberships.values()].filter((m) => m.tenantId === tenantId);
      return rows.filter((m) => query.personId === undefined || m.personId === query.personId);
    },
    async putMembership(m) {
      write(memberships, k(m.tenantId, m.teamId, m.personId), copy(m));
    },
    async deleteMembership(tenantId, teamId, personId) {
      write(memberships, k(tenantId, teamId, personId), undefined);
    },
    async getAssignment(tenantId, id) {
      return assignments.get(k(tenantId, id)) ?? null;
    },
    async putAssignment(a) {
      write(assignments, k(a.tenantId, a.id), copy(a));
    },
    async listAssignments(tenantId, query) {
      const rows =
        query.repId !== undefined
          ? assignments.lookup('rep', k(tenantId, query.repId))
          : query.managerId !== undefined
            ? assignments.lookup('manager', k(tenantId, query.managerId))
            : [...assignments.values()].filter((a) => a.tenantId === tenantId);
      return rows
        .filter(
          (a) =>
            (query.managerId === undefined || a.managerId === query.managerId) &&
            (query.status === undefined || a.status === query.status),
        )
        .sort(newestFirst('requestedAt'));
    },
    async getLog(tenantId, id) {
      return logs.get(k(tenantId, id)) ?? null;
    },
    async putLog(log) {
      write(logs, k(log.tenantId, log.id), copy(log));
    },
    async listLogs(tenantId, query) {
      const rows = logsInRange(tenantId, query.authorId, query.from, query.to);
      const count = query.limit === undefined ? rows.length : Math.min(query.limit, rows.length);
      const out: RejectionLog[] = [];
      for (let i = rows.length - 1; out.length < count; i--) out.push(rows[i]!);
      return out;
    },
    async putOutcome(o) {
      write(outcomes, k(o.tenantId, o.id), copy(o));
    },
    async listOutcomes(tenantId, query) {
      const rows =
        query.logId !== undefined
          ? outcomes.lookup('log', k(tenantId, query.logId))
          : query.authorId !== undefined
            ? outcomes.lookup('author', k(tenantId, query.authorId))
            : [];
      return rows
        .filter((o) => query.authorId === undefined || o.authorId === query.authorId)
        .sort((a, b) => (a.recordedAt < b.recordedAt ? -1 : a.recordedAt > b.recordedAt ? 1 : 0));
    },
    async getCheckIn(tenantId, id) {
      return checkIns.get(k(tenantId, id)) ?? null;
    },
    async findCheckIn(tenantId, authorId, cadence, periodKey) {
      return checkIns.lookup('period', k(tenantId, authorId, cadence, periodKey))[0] ?? null;
    },
    async putCheckIn(c) {
      const samePeriod = checkIns.lookup('period', k(c.tenantId, c.authorId, c.cadence, c.periodKey));
      if (samePeriod.some((other) => other.id !== c.id)) {
        throw new ReboundError('conflict', 'error.conflict.check-in-period', { params: { period: c.periodKey } });
      }
      write(checkIns, k(c.tenantId, c.id), copy(c));
    },
    async listCheckIns(tenantId, query) {
      const rows = checkIns
        .lookup('author', k(tenantId, query.authorId))
        .filter(
          (c) =>
            (query.cadence === undefined || c.cadence === query.cadence) &&
            inRange(c.submittedAt, query.from, query.to),
        )
        .sort(newestFirst('submittedAt'));
      return query.limit === undefined ? rows : rows.slice(0, query.limit);
    },
    async putShare(s) {
      write(shares, k(s.tenantId, s.id), copy(s));
    },
    async listShares(tenantId, query) {
      const rows =
        query.itemId !== undefined
          ? shares.lookup('item', k(tenantId, query.itemId))
          : query.ownerId !== undefined
            ? shares.lookup('owner', k(tenantId, query.ownerId))
            : query.audienceId !== undefined
              ? shares.lookup('audience', k(tenantId, query.audienceId))
              : [...shares.values()].filter((s) => s.tenantId === tenantId);
      return rows
        .filter(
          (s) =>
            (query.ownerId === undefined || s.ownerId === query.ownerId) &&
            (query.audienceId === undefined || s.audience.includes(query.audienceId)) &&
            (!query.activeOnly || s.withdrawnAt === null),
        )
        .sort(newestFirst('sharedAt'));
    },
    async putReply(r) {
      write(replies, k(r.tenantId, r.id), copy(r));
    },
    async listReplies(tenantId, query) {
      const rows =
        query.itemId !== undefined
          ? replies.lookup('item', k(tenantId, query.itemId))
          : query.repId !== undefined
            ? replies.lookup('rep', k(tenantId, query.repId))
            : query.managerId !== undefined
              ? replies.lookup('manager', k(tenantId, query.managerId))
              : [];
      return rows
        .filter(
          (r) =>
            (query.repId === undefined || r.repId === query.repId) &&
            (query.managerId === undefined || r.managerId === query.managerId),
        )
        .sort(newestFirst('sentAt'));
    },
    async getSchedule(tenantId, personId) {
      return schedules.get(k(tenantId, personId)) ?? null;
    },
    async putSchedule(s) {
      write(schedules, k(s.tenantId, s.personId), copy(s));
    },
    async listEnabledSchedules() {
      return schedules.lookup('enabled', 'yes');
    },
    async listAllTeams() {
      return [...teams.values()].sort((a, b) => compare(a.tenantId, b.tenantId) || compare(a.id, b.id));
    },
    async listLogsWithNextStepDue(fromDate, toDate) {
      const found: RejectionLog[] = [];
      const days = fromDate <= toDate ? daysBetween(fromDate, toDate) : -1;
      if (days > 400) {
        for (const l of logs.values()) {
          const due = l.nextStep?.dueDate;
          if (due !== undefined && due >= fromDate && due <= toDate) found.push(l);
        }
      } else {
        for (let i = 0; i <= days; i++) found.push(...logs.lookup('nextStepDue', addDays(fromDate, i)));
      }
      return found.sort(
        (a, b) =>
          compare(a.nextStep!.dueDate!, b.nextStep!.dueDate!) || compare(a.tenantId, b.tenantId) || compare(a.id, b.id),
      );
    },
    async getConversationRef(tenantId, id) {
      return conversationRefs.get(k(tenantId, id)) ?? null;
    },
    async findConversationRefs(tenantId, query) {
      const rows =
        query.personId !== undefined
          ? conversationRefs.lookup('person', k(tenantId, query.personId))
          : query.teamId !== undefined
            ? conversationRefs.lookup('team', k(tenantId, query.teamId))
            : query.conversationId !== undefined
              ? conversationRefs.lookup('conversation', k(tenantId, query.conversationId))
              : [];
      return rows
        .filter(
          (c) =>
            (query.teamId === undefined || c.teamId === query.teamId) &&
            (query.conversationId === undefined || c.conversationId === query.conversationId) &&
            (!query.activeOnly || c.active),
        )
        .sort(newestFirst('updatedAt'));
    },
    async putConversationRef(c) {
      write(conversationRefs, k(c.tenantId, c.id), copy(c));
    },
    async getDelivery(tenantId, id) {
      return deliveries.get(k(tenantId, id)) ?? null;
    },
    async getDeliveryByKey(tenantId, key) {
      return deliveries.lookup('key', k(tenantId, key))[0] ?? null;
    },
    async createDelivery(d) {
      if (deliveries.lookup('key', k(d.tenantId, d.key)).length > 0) return false;
      write(deliveries, k(d.tenantId, d.id), copy(d));
      return true;
    },
    async updateDelivery(d) {
      const existing = deliveries.get(k(d.tenantId, d.id));
      if (!existing) throw new ReboundError('not-found', 'error.not-found', { params: { thing: 'delivery' } });
      const clash = deliveries.lookup('key', k(d.tenantId, d.key)).some((other) => other.id !== d.id);
      if (clash) throw new ReboundError('conflict', 'error.conflict.duplicate', { params: { thing: 'delivery' } });
      write(deliveries, k(d.tenantId, d.id), copy(d));
    },
    async listDeliveries(tenantId, query) {
      const rows =
        query.itemId !== undefined
          ? deliveries.lookup('item', k(tenantId, query.itemId))
          : query.ownerId !== undefined
            ? deliveries.lookup('owner', k(tenantId, query.ownerId))
            : query.recipientId !== undefined
              ? deliveries.lookup('recipient', k(tenantId, query.recipientId))
              : query.teamId !== undefined
                ? deliveries.lookup('team', k(tenantId, query.teamId))
                : deliveries.lookup('tenant', tenantId);
      return rows
        .filter(
          (d) =>
            (query.ownerId === undefined || d.ownerId === query.ownerId) &&
            (query.recipientId === undefined || d.recipientId === query.recipientId) &&
            (query.teamId === undefined || d.teamId === query.teamId) &&
            (query.kind === undefined || d.kind === query.kind) &&
            (query.status === undefined || d.status === query.status),
        )
        .sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : 1));
    },
    async listPendingDeliveries(query) {
      const after = query.after;
      const rows = deliveries
        .lookup('scan', 'pending')
        .filter((d) => d.dueAt <= query.dueBy && (!after || byDue(d, after) > 0))
        .sort(byDue);
      return rows.slice(0, Math.max(0, Math.floor(query.limit)));
    },
    async listSentDeliveries(query) {
      return deliveries
        .lookup('scan', `sent:${query.kind}`)
        .filter((d) => d.dueAt >= query.from && d.dueAt < query.to)
        .sort(byDue);
    },
    async getIdempotencyRecord(tenantId, personId, operation, key) {
      return idempotency.get(k(tenantId, personId, operation, key)) ?? null;
    },
    async putIdempotencyRecord(r) {
      const key = k(r.tenantId, r.personId, r.operation, r.key);
      if (idempotency.get(key)) return false;
      write(idempotency, key, copy(r));
      return true;
    },
    async deleteIdempotencyRecordsBefore(before) {
      const old = [...idempotency.values()].filter((r) => r.createdAt < before);
      for (const r of old) write(idempotency, k(r.tenantId, r.personId, r.operation, r.key), undefined);
      return old.length;
    },
    async insightCounts(query) {
      const out: InsightCountRow[] = [];
      for (const teamId of query.teamIds) {
        for (const m of memberships.lookup('team', k(query.tenantId, teamId))) {
          if (m.role !== 'rep') continue;
          const person = people.get(k(query.tenantId, m.personId));
          if (person && !person.privacy.countInTeamStats) continue;
          out.push(countFor(query.tenantId, teamId, m.personId, query.from, query.to));
        }
      }
      return out.sort((a, b) =>
        a.teamId === b.teamId ? (a.personId < b.personId ? -1 : 1) : a.teamId < b.teamId ? -1 : 1,
      );
    },
    async deletePersonData(tenantId, personId) {
      const pk = k(tenantId, personId);
      write(people, pk, undefined);
      for (const m of memberships.lookup('person', pk))
        write(memberships, k(tenantId, m.teamId, m.personId), undefined);
      for (const a of [...assignments.lookup('rep', pk), ...assignments.lookup('manager', pk)]) {
        write(assignments, k(tenantId, a.id), undefined);
      }
      for (const o of outcomes.lookup('author', pk)) write(outcomes, k(tenantId, o.id), undefined);
      for (const l of logs.lookup('author', pk)) {
        for (const o of outcomes.lookup('log', k(tenantId, l.id))) write(outcomes, k(tenantId, o.id), undefined);
        write(logs, k(tenantId, l.id), undefined);
      }
      for (const c of checkIns.lookup('author', pk)) write(checkIns, k(tenantId, c.id), undefined);
      for (const s of shares.lookup('owner', pk)) write(shares, k(tenantId, s.id), undefined);
      for (const s of shares.lookup('audience', pk)) {
        write(shares, k(tenantId, s.id), copy({ ...s, audience: s.audience.filter((p) => p !== personId) }));
      }
      for (const r of [...replies.lookup('rep', pk), ...replies.lookup('manager', pk)]) {
        write(replies, k(tenantId, r.id), undefined);
      }
      write(schedules, pk, undefined);
      for (const c of conversationRefs.lookup('person', pk)) write(conversationRefs, k(tenantId, c.id), undefined);
      for (const d of [...deliveries.lookup('recipient', pk), ...deliveries.lookup('owner', pk)]) {
        write(deliveries, k(tenantId, d.id), undefined);
      }
      for (const r of idempotency.lookup('person', pk)) {
        write(idempotency, k(tenantId, personId, r.operation, r.key), undefined);
      }
    },
  };

  function countFor(tenantId: string, teamId: string, personId: string, from: string, to: string): InsightCountRow {
    const row: InsightCountRow = {
      teamId,
      personId,
      logs: 0,
      askedWhy: 0,
      discovery: 0,
      followUp: 0,
      reasons: Object.fromEntries(REASON_CATEGORIES.map((r) => [r, 0])) as InsightCountRow['reasons'],
      outcomes: Object.fromEntries(OUTCOME_KINDS.map((o) => [o, 0])) as InsightCountRow['outcomes'],
      checkIns: 0,
    };
    const sorted = authorLogs(tenantId, personId);
    for (let i = firstAtOrAfter(sorted, from), end = firstAtOrAfter(sorted, to); i < end; i++) {
      const log = sorted[i]!;
      row.logs++;
      if (log.askedWhy) row.askedWhy++;
      if (log.discovery) row.discovery++;
      if (log.nextStep && log.nextStep.kind !== 'none') row.followUp++;
      row.reasons[log.reason]++;
      const bits = outcomeKinds(log);
      if (bits === 0) continue;
      for (const [b, kind] of OUTCOME_KINDS.entries()) if (bits & (1 << b)) row.outcomes[kind]++;
    }
    for (const c of checkIns.lookup('author', k(tenantId, personId))) {
      if (inRange(c.submittedAt, from, to)) row.checkIns++;
    }
    return row;
  }

  // One transaction at a time; plain calls outside a transaction queue behind it too.
  let queue: Promise<unknown> = Promise.resolve();
  function serialize<T>(work: () => Promise<T>): Promise<T> {
    const run = queue.then(work, work);
    queue = run.catch(() => undefined);
    return run;
  }

  async function transaction<T>(work: (tx: StoreOps) => Promise<T>): Promise<T> {
    return serialize(async () => {
      journal = [];
      try {
        const result = await work(ops);
        journal = null;
        return result;
      } catch (error) {
        const undo = journal ?? [];
        journal = null;
        for (let i = undo.length - 1; i >= 0; i--) undo[i]!();
        throw error;
      }
    });
  }

  const outside = Object.fromEntries(
    Object.entries(ops).map(([name, fn]) => [
      name,
      (...args: unknown[]) => serialize(() => (fn as (...a: unknown[]) => Promise<unknown>)(...args)),
    ]),
  ) as unknown as StoreOps;

  return {
    ...outside,
    transaction,
    async close() {},
  };
}
