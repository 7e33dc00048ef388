import type { CheckIn } from '../records/check-in';
import type { ConversationRef, Delivery, DeliveryKind } from '../records/delivery';
import type { Cadence, OutcomeKind, ReasonCategory } from '../records/enums';
import type { Person } from '../records/person';
import type { Instant, LocalDate } from '../records/primitives';
import type { Outcome, RejectionLog } from '../records/rejection-log';
import type { ManagerReply, Schedule, Share } from '../records/share';
import type { ManagerAssignment, Membership, Team } from '../records/team';

/** Logs of one author, newest `occurredAt` first. `from` is inclusive, `to` exclusive. */
export interface LogQuery {
  authorId: string;
  from?: Instant;
  to?: Instant;
  limit?: number;
}

/** Check-ins of one author, newest `submittedAt` first. `from` is inclusive, `to` exclusive. */
export interface CheckInQuery {
  authorId: string;
  cadence?: Cadence;
  from?: Instant;
  to?: Instant;
  limit?: number;
}

/** Shares matching every given field; newest `sharedAt` first. */
export interface ShareQuery {
  itemId?: string;
  ownerId?: string;
  /** Shares whose audience includes this person. */
  audienceId?: string;
  /** Only shares not withdrawn. */
  activeOnly?: boolean;
}

export interface ReplyQuery {
  repId?: string;
  managerId?: string;
  itemId?: string;
}

export interface AssignmentQuery {
  repId?: string;
  managerId?: string;
  status?: ManagerAssignment['status'];
}

export interface ConversationRefQuery {
  personId?: string;
  teamId?: string;
  conversationId?: string;
  activeOnly?: boolean;
}

export interface DeliveryQuery {
  itemId?: string;
  /** Deliveries whose item belongs to this person. */
  ownerId?: string;
  recipientId?: string;
  teamId?: string;
  kind?: DeliveryKind;
  status?: Delivery['status'];
}

/**
 * Pending deliveries of every tenant that are due: `dueAt <= dueBy`, oldest `dueAt` first (ties by id, then
 * tenant), at most `limit`. `after` continues a scan after the last delivery of the previous page.
 */
export interface PendingDeliveryQuery {
  dueBy: Instant;
  limit: number;
  after?: Pick<Delivery, 'tenantId' | 'id' | 'dueAt'>;
}

/** Sent deliveries of one kind, every tenant, with `dueAt` in [from, to), oldest `dueAt` first (ties by id). */
export interface SentDeliveryQuery {
  kind: DeliveryKind;
  from: Instant;
  to: Instant;
}

/** Counts for team insights over the half-open range [from, to). */
export interface InsightCountsQuery {
  tenantId: string;
  teamIds: readonly string[];
  from: Instant;
  to: Instant;
}

/**
 * One counted rep in one team. The store returns a row for every `rep` membership of the asked teams whose
 * person has not turned off `privacy.countInTeamStats` (a member with no Person record yet counts, with
 * zeros), so that insights can count distinct contributors per figure and apply the privacy threshold.
 */
export interface InsightCountRow {
  teamId: string;
  personId: string;
  /** Logs with `occurredAt` in range, private ones included. */
  logs: number;
  askedWhy: number;
  /** Logs with a non-empty `discovery`. */
  discovery: number;
  /** Logs with a next step other than `none`. */
  followUp: number;
  reasons: Record<ReasonCategory, number>;
  /** Logs in range having at least one outcome of each kind (recorded at any time). */
  outcomes: Record<OutcomeKind, number>;
  /** Check-ins with `submittedAt` in range. */
  checkIns: number;
}

/**
 * A use case's answer kept under a caller's idempotency key, so that the same request sent again (a Teams retry
 * of one activity) gets the same answer and writes nothing more. It also records that a single-use thing (an
 * export link) was used. Keys belong to one acting person and one operation.
 */
export interface IdempotencyRecord {
  tenantId: string;
  /** The acting person. */
  personId: string;
  /** The use case (`logRejection`): each has keys of its own. */
  operation: string;
  key: string;
  /** The answer, as JSON. */
  result: string;
  createdAt: Instant;
}

/**
 * Every read and write Rebound needs. All methods are tenant-scoped: a record of another tenant is never
 * returned or touched. `put*` methods insert or replace by primary key.
 */
export interface StoreOps {
  getPerson(tenantId: string, id: string): Promise<Person | null>;
  putPerson(person: Person): Promise<void>;

  getTeam(tenantId: string, id: string): Promise<Team | null>;
  putTeam(team: Team): Promise<void>;
  listTeams(tenantId: string): Promise<Team[]>;

  /** Memberships matching the given team and/or person. Key: (tenantId, teamId, personId). */
  listMemberships(tenantId: string, query: { teamId?: string; personId?: string }): Promise<Membership[]>;
  putMembership(membership: Membership): Promise<void>;
  deleteMembership(tenantId: string, teamId: string, personId: string): Promise<void>;

  getAssignment(tenantId: string, id: string): Promise<ManagerAssignment | null>;
  putAssignment(assignment: ManagerAssignment): Promise<void>;
  listAssignments(tenantId: string, query: AssignmentQuery): Promise<ManagerAssignment[]>;

  getLog(tenantId: string, id: string): Promise<RejectionLog | null>;
  putLog(log: RejectionLog): Promise<void>;
  listLogs(tenantId: string, query: LogQuery): Promise<RejectionLog[]>;

  putOutcome(outcome: Outcome): Promise<void>;
  /** Outcomes of one log, or of all logs of one author; oldest `recordedAt` first. */
  listOutcomes(tenantId: string, query: { logId?: string; authorId?: string }): Promise<Outcome[]>;

  getCheckIn(tenantId: string, id: string): Promise<CheckIn | null>;
  findCheckIn(tenantId: string, authorId: string, cadence: Cadence, periodKey: string): Promise<CheckIn | null>;
  /**
   * Insert or replace by id. A different check-in of the same author, cadence and period already stored is
   * refused with `ReboundError` code `conflict` (a unique key, so concurrent writers cannot both win).
   */
  putCheckIn(checkIn: CheckIn): Promise<void>;
  listCheckIns(tenantId: string, query: CheckInQuery): Promise<CheckIn[]>;

  putShare(share: Share): Promise<void>;
  listShares(tenantId: string, query: ShareQuery): Promise<Share[]>;

  putReply(reply: ManagerReply): Promise<void>;
  /** Newest `sentAt` first. */
  listReplies(tenantId: string, query: ReplyQuery): Promise<ManagerReply[]>;

  getSchedule(tenantId: string, personId: string): Promise<Schedule | null>;
  putSchedule(schedule: Schedule): Promise<void>;
  /** Enabled schedules of every tenant (the scheduler's scan). */
  listEnabledSchedules(): Promise<Schedule[]>;
  /** Teams of every tenant (the scheduler's digest scan), by tenant then id. */
  listAllTeams(): Promise<Team[]>;
  /**
   * Logs of every tenant whose next step has a due date in [fromDate, toDate], both included (the
   * scheduler's next-step reminder scan), by due date, then tenant and id.
   */
  listLogsWithNextStepDue(fromDate: LocalDate, toDate: LocalDate): Promise<RejectionLog[]>;

  getConversationRef(tenantId: string, id: string): Promise<ConversationRef | null>;
  findConversationRefs(tenantId: string, query: ConversationRefQuery): Promise<ConversationRef[]>;
  putConversationRef(ref: ConversationRef): Promise<void>;

  getDelivery(tenantId: string, id: string): Promise<Delivery | null>;
  getDeliveryByKey(tenantId: string, key: string): Promise<Delivery | null>;
  /** Inserts unless a delivery with the same (tenantId, key) exists; true when inserted. */
  createDelivery(delivery: Delivery): Promise<boolean>;
  /** Replaces an existing delivery by id. */
  updateDelivery(delivery: Delivery): Promise<void>;
  listDeliveries(tenantId: string, query: DeliveryQuery): Promise<Delivery[]>;
  /** Pending deliveries of every tenant that are due (the delivery queue's scan). */
  listPendingDeliveries(query: PendingDeliveryQuery): Promise<Delivery[]>;
  /** Sent deliveries of every tenant (the check-in reminder scan). */
  listSentDeliveries(query: SentDeliveryQuery): Promise<Delivery[]>;

  getIdempotencyRecord(
    tenantId: string,
    personId: string,
    operation: string,
    key: string,
  ): Promise<IdempotencyRecord | null>;
  /**
   * Inserts unless a record with the same (tenantId, personId, operation, key) exists; true when inserted. The
   * record already there is left as it is.
   */
  putIdempotencyRecord(record: IdempotencyRecord): Promise<boolean>;
  /** Removes the records of every tenant created before `before`; returns how many went. */
  deleteIdempotencyRecordsBefore(before: Instant): Promise<number>;

  /** Aggregated in the store (SQL `GROUP BY`), never by handing every log to the caller. */
  insightCounts(query: InsightCountsQuery): Promise<InsightCountRow[]>;

  /**
   * Removes everything about a person: the person, memberships, assignments on either side, logs, outcomes,
   * check-ins, shares they own, their id in other shares' audiences, replies sent or received, schedule,
   * conversation references, deliveries they receive or whose item they own, and their idempotency records.
   */
  deletePersonData(tenantId: string, personId: string): Promise<void>;
}

export interface Store extends StoreOps {
  /**
   * Runs `work` as one transaction: all of its writes happen, or none do (the error is rethrown).
   * Transactions do not interleave their writes with each other's.
   */
  transaction<T>(work: (tx: StoreOps) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
