import {
  type AssignmentQuery,
  type Cadence,
  type CheckIn,
  type CheckInQuery,
  type ConversationRef,
  type ConversationRefQuery,
  type Delivery,
  type DeliveryQuery,
  type IdempotencyRecord,
  type InsightCountRow,
  type InsightCountsQuery,
  type LocalDate,
  type LogQuery,
  type ManagerAssignment,
  type ManagerReply,
  type Membership,
  type Outcome,
  type PendingDeliveryQuery,
  type Person,
  ReboundError,
  type RejectionLog,
  type ReplyQuery,
  type Schedule,
  type SentDeliveryQuery,
  type Share,
  type ShareQuery,
  type StoreOps,
  type Team,
} from '@rebound/core';
import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { CompiledStatements } from './compiled';
import type { SqlDialectName } from './config';
import { CrossTenantScans } from './delivery-ops';
import { insightCountsQuery, toInsightRow } from './insight-counts';
import { applyToRollup } from './rollup';
import { firstRecord, PRIMARY_KEYS, type RecordTable, type Row, records, rowOf } from './rows';
import type { TableName, Tables } from './tables';

// biome-ignore lint/suspicious/noExplicitAny: the store builds its own SQL; Kysely's table typing is not used
export type AnyKysely = Kysely<any>;
type DataRow = { data: string };

export interface OpsContext {
  dialect: SqlDialectName;
  tables: Tables;
  /**
   * Runs a multi-statement operation of one tenant atomically: inside a transaction already, it just runs;
   * otherwise it opens one (holding the tenant's lock on PostgreSQL).
   */
  atomic<T>(tenantId: string, work: (ops: SqlOps) => Promise<T>): Promise<T>;
  /** Hot statements compiled once per store. */
  compiled: CompiledStatements;
}

/** Records for `importRecords`; any subset. */
export interface ImportRecords {
  persons?: readonly Person[];
  teams?: readonly Team[];
  memberships?: readonly Membership[];
  logs?: readonly RejectionLog[];
  outcomes?: readonly Outcome[];
  checkIns?: readonly CheckIn[];
}

const OUTCOME_FLAGS = [
  ['reopened', 'o_reopened'],
  ['won-later', 'o_won_later'],
  ['referral', 'o_referral'],
  ['repeat', 'o_repeat'],
  ['closed', 'o_closed'],
] as const;

const and = (conditions: RawBuilder<unknown>[]) => sql.join(conditions, sql` AND `);

/** Every `StoreOps` method as SQL against one executor (the pool, the SQLite connection, or a transaction). */
export class SqlOps implements StoreOps {
  constructor(
    private readonly db: AnyKysely,
    private readonly ctx: OpsContext,
  ) {}

  private get t() {
    return this.ctx.tables;
  }

  /** The scheduler's cross-tenant scans (delivery-ops.ts). */
  private get scans() {
    return new CrossTenantScans(this.db, this.ctx.tables);
  }

  private async rows<R = DataRow>(query: RawBuilder<R>): Promise<R[]> {
    return (await query.execute(this.db)).rows;
  }

  private async run(query: RawBuilder<unknown>): Promise<number> {
    return Number((await query.execute(this.db)).numAffectedRows ?? 0);
  }

  private async upsert(table: RecordTable, row: Row): Promise<number> {
    const key = PRIMARY_KEYS[table];
    const columns = Object.keys(row);
    const updates = columns.filter((c) => !key.includes(c));
    const result = await this.ctx.compiled.run(
      this.db,
      `upsert:${table}:${columns.join(',')}`,
      columns.map((c) => row[c] ?? null),
      (v) => sql`INSERT INTO ${this.t.t(table)} (${sql.join(columns.map((c) => sql.id(c)))})
        VALUES (${sql.join(v.map((x) => sql`${x}`))})
        ON CONFLICT (${sql.join(key.map((c) => sql.id(c)))}) DO UPDATE SET ${sql.join(
          updates.map((c) => sql`${sql.id(c)} = excluded.${sql.id(c)}`),
        )}`,
    );
    return Number(result.numAffectedRows ?? 0);
  }

  /** Multi-row upsert in chunks (parameter limits); within a chunk the last row for a key wins. */
  private async upsertMany(table: RecordTable, rows: Row[]) {
    if (rows.length === 0) return;
    const key = PRIMARY_KEYS[table];
    const columns = Object.keys(rows[0]!);
    const updates = columns.filter((c) => !key.includes(c));
    const perChunk = Math.max(1, Math.floor(30_000 / columns.length));
    for (let i = 0; i < rows.length; i += perChunk) {
      const chunk = new Map<string, Row>();
      for (const row of rows.slice(i, i + perChunk)) chunk.set(key.map((k) => row[k]).join('\u0000'), row);
      const values = [...chunk.values()].map((row) => sql`(${sql.join(columns.map((c) => row[c]))})`);
      await this.run(sql`INSERT INTO ${this.t.t(table)} (${sql.join(columns.map((c) => sql.id(c)))})
        VALUES ${sql.join(values)}
        ON CONFLICT (${sql.join(key.map((c) => sql.id(c)))}) DO UPDATE SET ${sql.join(
          updates.map((c) => sql`${sql.id(c)} = excluded.${sql.id(c)}`),
        )}`);
    }
  }

  private async getById<T>(table: TableName, tenantId: string, id: string): Promise<T | null> {
    const { rows } = await this.ctx.compiled.run<DataRow>(
      this.db,
      `get:${table}`,
      [tenantId, id],
      ([tenant, key]) =>
        sql`SELECT data FROM ${this.t.t(table)} WHERE tenant_id = ${this.key(tenant!)} AND id = ${this.key(key!)}`,
    );
    return firstRecord<T>(rows);
  }

  /**
   * A bound value compared to a key column in a hot statement. SQLite as better-sqlite3 builds it has STAT4:
   * after `ANALYZE`, a statement whose parameter is compared to an indexed column is prepared again (parsed and
   * planned) on every run with new values, to look the values up in the samples; on the 1M-log benchmark file
   * that was a third of a logged rejection's time. A unary `+` on the parameter leaves the index use as it is
   * (the plan is the same: these are key lookups) but keeps the value out of planning. PostgreSQL plans once.
   */
  private key(value: string): RawBuilder<unknown> {
    return this.ctx.dialect === 'sqlite' ? sql`+${value}` : sql`${value}`;
  }

  private limit(limit: number | undefined) {
    return limit === undefined ? sql`` : sql` LIMIT ${Math.max(0, Math.floor(limit))}`;
  }

  // Persons and teams

  getPerson(tenantId: string, id: string): Promise<Person | null> {
    return this.getById('persons', tenantId, id);
  }

  async putPerson(person: Person): Promise<void> {
    await this.upsert('persons', rowOf.person(person));
  }

  getTeam(tenantId: string, id: string): Promise<Team | null> {
    return this.getById('teams', tenantId, id);
  }

  async putTeam(team: Team): Promise<void> {
    await this.upsert('teams', rowOf.team(team));
  }

  async listTeams(tenantId: string): Promise<Team[]> {
    return records(
      await this.rows(sql`SELECT data FROM ${this.t.t('teams')} WHERE tenant_id = ${tenantId} ORDER BY id`),
    );
  }

  async listMemberships(tenantId: string, query: { teamId?: string; personId?: string }): Promise<Membership[]> {
    const where = [sql`tenant_id = ${tenantId}`];
    if (query.teamId !== undefined) where.push(sql`team_id = ${query.teamId}`);
    if (query.personId !== undefined) where.push(sql`person_id = ${query.personId}`);
    return records(
      await this.rows(sql`SELECT data FROM ${this.t.t('memberships')} WHERE ${and(where)} ORDER BY team_id, person_id`),
    );
  }

  async putMembership(membership: Membership): Promise<void> {
    await this.upsert('memberships', rowOf.membership(membership));
  }

  async deleteMembership(tenantId: string, teamId: string, personId: string): Promise<void> {
    await this.run(sql`DELETE FROM ${this.t.t('memberships')}
      WHERE tenant_id = ${tenantId} AND team_id = ${teamId} AND person_id = ${personId}`);
  }

  getAssignment(tenantId: string, id: string): Promise<ManagerAssignment | null> {
    return this.getById('assignments', tenantId, id);
  }

  async putAssignment(assignment: ManagerAssignment): Promise<void> {
    await this.upsert('assignments', rowOf.assignment(assignment));
  }

  async listAssignments(tenantId: string, query: AssignmentQuery): Promise<ManagerAssignment[]> {
    const where = [sql`tenant_id = ${tenantId}`];
    if (query.repId !== undefined) where.push(sql`rep_id = ${query.repId}`);
    if (query.managerId !== undefined) where.push(sql`manager_id = ${query.managerId}`);
    if (query.status !== undefined) where.push(sql`status = ${query.status}`);
    return records(
      await this.rows(
        sql`SELECT data FROM ${this.t.t('assignments')} WHERE ${and(where)} ORDER BY requested_at DESC, id DESC`,
      ),
    );
  }

  // Logs and outcomes

  getLog(tenantId: string, id: string): Promise<RejectionLog | null> {
    return this.getById('logs', tenantId, id);
  }

  /**
   * Upserts the log with its outcome flags read from the outcomes already stored for it (usually none: one
   * aggregate over the outcomes index gives all five flags, zeros when there are no rows), and moves its
   * counts in the monthly rollup: out of the bucket of the version it replaces, into the bucket of the new one.
   */
  putLog(log: RejectionLog): Promise<void> {
    return this.ctx.atomic(log.tenantId, async (ops) => {
      await ops.rollupOne(-1, log.tenantId, log.id);
      await ops.insertLog(log);
      await ops.rollupOne(1, log.tenantId, log.id);
    });
  }

  /** Moves one log's counts into (1) or out of (-1) its monthly bucket; nothing when the log is not stored. */
  private async rollupOne(sign: 1 | -1, tenantId: string, logId: string): Promise<void> {
    await this.ctx.compiled.run(this.db, `rollup:${sign}`, [tenantId, logId], ([tenant, id]) =>
      applyToRollup(this.t, sign, sql`tenant_id = ${this.key(tenant!)} AND id = ${this.key(id!)}`),
    );
  }

  private async insertLog(log: RejectionLog): Promise<void> {
    const row = rowOf.log(log);
    const columns = Object.keys(row);
    const values = [...columns.map((c) => row[c] ?? null), log.tenantId, log.id];
    await this.ctx.compiled.run(this.db, 'log:insert', values, (v) => {
      const flags = OUTCOME_FLAGS.map(
        ([kind]) => sql`COALESCE(MAX(CASE WHEN kind = ${sql.lit(kind)} THEN 1 ELSE 0 END), 0)`,
      );
      const all = [...columns, ...OUTCOME_FLAGS.map(([, column]) => column)];
      const [tenant, id] = v.slice(columns.length);
      // `WHERE` keeps SQLite from reading `ON CONFLICT` as a join constraint of the SELECT.
      return sql`INSERT INTO ${this.t.t('logs')} (${sql.join(all.map((c) => sql.id(c)))})
        SELECT ${sql.join([...v.slice(0, columns.length).map((x) => sql`${x}`), ...flags])} FROM ${this.t.t('outcomes')}
        WHERE tenant_id = ${this.key(tenant!)} AND log_id = ${this.key(id!)}
        ON CONFLICT (tenant_id, id) DO UPDATE SET ${sql.join(
          columns.filter((c) => c !== 'tenant_id' && c !== 'id').map((c) => sql`${sql.id(c)} = excluded.${sql.id(c)}`),
        )}`;
    });
  }

  async listLogs(tenantId: string, query: LogQuery): Promise<RejectionLog[]> {
    const where = [sql`tenant_id = ${tenantId}`, sql`author_id = ${query.authorId}`];
    if (query.from !== undefined) where.push(sql`occurred_at >= ${query.from}`);
    if (query.to !== undefined) where.push(sql`occurred_at < ${query.to}`);
    return records(
      await this.rows(sql`SELECT data FROM ${this.t.t('logs')} WHERE ${and(where)}
        ORDER BY occurred_at DESC, id DESC${this.limit(query.limit)}`),
    );
  }

  putOutcome(outcome: Outcome): Promise<void> {
    return this.ctx.atomic(outcome.tenantId, async (ops) => {
      const previous = await ops.rows<{ log_id: string }>(sql`SELECT log_id FROM ${ops.t.t('outcomes')}
        WHERE tenant_id = ${outcome.tenantId} AND id = ${outcome.id}`);
      await ops.upsert('outcomes', rowOf.outcome(outcome));
      const logIds = new Set([outcome.logId, ...previous.map((p) => p.log_id)]);
      for (const logId of logIds) await ops.refreshOutcomeFlags(outcome.tenantId, logId);
    });
  }

  /** Recomputes a log's outcome flags from its outcomes (the insight counts read the flags). */
  private async refreshOutcomeFlags(tenantId: string, logId: string): Promise<void> {
    const outcomes = this.t.t('outcomes');
    const sets = OUTCOME_FLAGS.map(
      ([kind, column]) => sql`${sql.id(column)} = CASE WHEN EXISTS (SELECT 1 FROM ${outcomes}
        WHERE tenant_id = ${tenantId} AND log_id = ${logId} AND kind = ${kind}) THEN 1 ELSE 0 END`,
    );
    await this.rollupOne(-1, tenantId, logId);
    await this.run(
      sql`UPDATE ${this.t.t('logs')} SET ${sql.join(sets)} WHERE tenant_id = ${tenantId} AND id = ${logId}`,
    );
    await this.rollupOne(1, tenantId, logId);
  }

  async listOutcomes(tenantId: string, query: { logId?: string; authorId?: string }): Promise<Outcome[]> {
    if (query.logId === undefined && query.authorId === undefined) return [];
    const where = [sql`tenant_id = ${tenantId}`];
    if (query.logId !== undefined) where.push(sql`log_id = ${query.logId}`);
    if (query.authorId !== undefined) where.push(sql`author_id = ${query.authorId}`);
    return records(
      await this.rows(sql`SELECT data FROM ${this.t.t('outcomes')} WHERE ${and(where)} ORDER BY recorded_at, id`),
    );
  }

  // Check-ins

  getCheckIn(tenantId: string, id: string): Promise<CheckIn | null> {
    return this.getById('check_ins', tenantId, id);
  }

  async findCheckIn(tenantId: string, authorId: string, cadence: Cadence, periodKey: string): Promise<CheckIn | null> {
    const { rows } = await this.ctx.compiled.run<DataRow>(
      this.db,
      'check-in:find',
      [tenantId, authorId, cadence, periodKey],
      ([tenant, author, c, period]) => sql`SELECT data FROM ${this.t.t('check_ins')}
        WHERE tenant_id = ${this.key(tenant!)} AND author_id = ${this.key(author!)}
        AND cadence = ${this.key(c!)} AND period_key = ${this.key(period!)}`,
    );
    return firstRecord(rows);
  }

  /**
   * The unique index on (tenant, author, cadence, period) decides between two check-ins for one period; its
   * violation is the same `conflict` as the check here. On PostgreSQL the check runs first so that the usual
   * case does not abort the surrounding transaction; on SQLite a failed statement leaves the transaction as it
   * was, so the index alone answers (one statement less per check-in).
   */
  async putCheckIn(checkIn: CheckIn): Promise<void> {
    if (this.ctx.dialect !== 'sqlite') {
      const { rows: other } = await this.ctx.compiled.run<{ id: string }>(
        this.db,
        'check-in:other-in-period',
        [checkIn.tenantId, checkIn.authorId, checkIn.cadence, checkIn.periodKey, checkIn.id],
        ([tenant, author, c, period, id]) => sql`SELECT id FROM ${this.t.t('check_ins')}
          WHERE tenant_id = ${tenant} AND author_id = ${author} AND cadence = ${c}
          AND period_key = ${period} AND id <> ${id}`,
      );
      if (other.length > 0) throw checkInConflict(checkIn.periodKey);
    }
    try {
      await this.upsert('check_ins', rowOf.checkIn(checkIn));
    } catch (error) {
      if (isUniqueViolation(error)) throw checkInConflict(checkIn.periodKey, error);
      throw error;
    }
  }

  async listCheckIns(tenantId: string, query: CheckInQuery): Promise<CheckIn[]> {
    const where = [sql`tenant_id = ${tenantId}`, sql`author_id = ${query.authorId}`];
    if (query.cadence !== undefined) where.push(sql`cadence = ${query.cadence}`);
    if (query.from !== undefined) where.push(sql`submitted_at >= ${query.from}`);
    if (query.to !== undefined) where.push(sql`submitted_at < ${query.to}`);
    return records(
      await this.rows(sql`SELECT data FROM ${this.t.t('check_ins')} WHERE ${and(where)}
        ORDER BY submitted_at DESC, id DESC${this.limit(query.limit)}`),
    );
  }

  // Shares and replies

  putShare(share: Share): Promise<void> {
    return this.ctx.atomic(share.tenantId, async (ops) => {
      const audience = ops.t.t('share_audience');
      await ops.upsert('shares', rowOf.share(share));
      await ops.run(sql`DELETE FROM ${audience} WHERE tenant_id = ${share.tenantId} AND share_id = ${share.id}`);
      const people = [...new Set(share.audience)];
      for (let i = 0; i < people.length; i += 200) {
        const chunk = people.slice(i, i + 200).map((p) => sql`(${share.tenantId}, ${share.id}, ${p})`);
        await ops.run(sql`INSERT INTO ${audience} (tenant_id, share_id, person_id) VALUES ${sql.join(chunk)}
          ON CONFLICT DO NOTHING`);
      }
    });
  }

  async listShares(tenantId: string, query: ShareQuery): Promise<Share[]> {
    const where = [sql`s.tenant_id = ${tenantId}`];
    if (query.itemId !== undefined) where.push(sql`s.item_id = ${query.itemId}`);
    if (query.ownerId !== undefined) where.push(sql`s.owner_id = ${query.ownerId}`);
    if (query.activeOnly) where.push(sql`s.withdrawn = 0`);
    if (query.audienceId !== undefined) {
      // Driven by the audience index: a manager's inbox must not scan every share of the tenant.
      where.push(sql`s.id IN (SELECT a.share_id FROM ${this.t.t('share_audience')} a
        WHERE a.tenant_id = ${tenantId} AND a.person_id = ${query.audienceId})`);
    }
    return records(
      await this.rows(
        sql`SELECT s.data FROM ${this.t.t('shares')} s WHERE ${and(where)} ORDER BY s.shared_at DESC, s.id DESC`,
      ),
    );
  }

  async putReply(reply: ManagerReply): Promise<void> {
    await this.upsert('replies', rowOf.reply(reply));
  }

  async listReplies(tenantId: string, query: ReplyQuery): Promise<ManagerReply[]> {
    if (query.repId === undefined && query.managerId === undefined && query.itemId === undefined) return [];
    const where = [sql`tenant_id = ${tenantId}`];
    if (query.repId !== undefined) where.push(sql`rep_id = ${query.repId}`);
    if (query.managerId !== undefined) where.push(sql`manager_id = ${query.managerId}`);
    if (query.itemId !== undefined) where.push(sql`item_id = ${query.itemId}`);
    return records(
      await this.rows(sql`SELECT data FROM ${this.t.t('replies')} WHERE ${and(where)} ORDER BY sent_at DESC, id DESC`),
    );
  }

  // Schedules, conversation references and deliveries

  async getSchedule(tenantId: string, personId: string): Promise<Schedule | null> {
    return firstRecord(
      await this.rows(sql`SELECT data FROM ${this.t.t('schedules')}
        WHERE tenant_id = ${tenantId} AND person_id = ${personId}`),
    );
  }

  async putSchedule(schedule: Schedule): Promise<void> {
    await this.upsert('schedules', rowOf.schedule(schedule));
  }

  async listEnabledSchedules(): Promise<Schedule[]> {
    return records(
      await this.rows(sql`SELECT data FROM ${this.t.t('schedules')} WHERE enabled = 1 ORDER BY tenant_id, person_id`),
    );
  }

  listAllTeams(): Promise<Team[]> {
    return this.scans.listAllTeams();
  }

  listLogsWithNextStepDue(fromDate: LocalDate, toDate: LocalDate): Promise<RejectionLog[]> {
    return this.scans.listLogsWithNextStepDue(fromDate, toDate);
  }

  listPendingDeliveries(query: PendingDeliveryQuery): Promise<Delivery[]> {
    return this.scans.listPendingDeliveries(query);
  }

  listSentDeliveries(query: SentDeliveryQuery): Promise<Delivery[]> {
    return this.scans.listSentDeliveries(query);
  }

  getConversationRef(tenantId: string, id: string): Promise<ConversationRef | null> {
    return this.getById('conversation_refs', tenantId, id);
  }

  async findConversationRefs(tenantId: string, query: ConversationRefQuery): Promise<ConversationRef[]> {
    const where = [sql`tenant_id = ${tenantId}`];
    if (query.personId !== undefined) where.push(sql`person_id = ${query.personId}`);
    if (query.teamId !== undefined) where.push(sql`team_id = ${query.teamId}`);
    if (query.conversationId !== undefined) where.push(sql`conversation_id = ${query.conversationId}`);
    if (query.activeOnly) where.push(sql`active = 1`);
    return records(
      await this.rows(
        sql`SELECT data FROM ${this.t.t('conversation_refs')} WHERE ${and(where)} ORDER BY updated_at DESC, id DESC`,
      ),
    );
  }

  async putConversationRef(ref: ConversationRef): Promise<void> {
    await this.upsert('conversation_refs', rowOf.conversationRef(ref));
  }

  getDelivery(tenantId: string, id: string): Promise<Delivery | null> {
    return this.getById('deliveries', tenantId, id);
  }

  async getDeliveryByKey(tenantId: string, key: string): Promise<Delivery | null> {
    return firstRecord(
      await this.rows(sql`SELECT data FROM ${this.t.t('deliveries')} WHERE tenant_id = ${tenantId} AND key = ${key}`),
    );
  }

  async createDelivery(delivery: Delivery): Promise<boolean> {
    const row = rowOf.delivery(delivery);
    const columns = Object.keys(row);
    const inserted =
      await this.run(sql`INSERT INTO ${this.t.t('deliveries')} (${sql.join(columns.map((c) => sql.id(c)))})
      VALUES (${sql.join(columns.map((c) => row[c]))}) ON CONFLICT DO NOTHING`);
    return inserted > 0;
  }

  /** Replaces an existing delivery: `not-found` when there is none, `conflict` when its key is taken. */
  async updateDelivery(delivery: Delivery): Promise<void> {
    const clash = await this.rows<{ id: string }>(sql`SELECT id FROM ${this.t.t('deliveries')}
      WHERE tenant_id = ${delivery.tenantId} AND key = ${delivery.key} AND id <> ${delivery.id}`);
    if (clash.length > 0) {
      throw new ReboundError('conflict', 'error.conflict.duplicate', { params: { thing: 'delivery' } });
    }
    const row = rowOf.delivery(delivery);
    const sets = Object.keys(row)
      .filter((c) => c !== 'tenant_id' && c !== 'id')
      .map((c) => sql`${sql.id(c)} = ${row[c]}`);
    let updated: number;
    try {
      updated = await this.run(sql`UPDATE ${this.t.t('deliveries')} SET ${sql.join(sets)}
        WHERE tenant_id = ${delivery.tenantId} AND id = ${delivery.id}`);
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      throw new ReboundError('conflict', 'error.conflict.duplicate', { params: { thing: 'delivery' }, cause: error });
    }
    if (updated === 0) throw new ReboundError('not-found', 'error.not-found', { params: { thing: 'delivery' } });
  }

  async listDeliveries(tenantId: string, query: DeliveryQuery): Promise<Delivery[]> {
    const where = [sql`tenant_id = ${tenantId}`];
    if (query.itemId !== undefined) where.push(sql`item_id = ${query.itemId}`);
    if (query.ownerId !== undefined) where.push(sql`owner_id = ${query.ownerId}`);
    if (query.recipientId !== undefined) where.push(sql`recipient_id = ${query.recipientId}`);
    if (query.teamId !== undefined) where.push(sql`team_id = ${query.teamId}`);
    if (query.kind !== undefined) where.push(sql`kind = ${query.kind}`);
    if (query.status !== undefined) where.push(sql`status = ${query.status}`);
    return records(
      await this.rows(sql`SELECT data FROM ${this.t.t('deliveries')} WHERE ${and(where)} ORDER BY created_at, id`),
    );
  }

  /**
   * Writes many records at once with multi-row upserts (imports of history, benchmarks): the same result as
   * putting each one, without a round trip per record. Call it inside a transaction (the store does).
   */
  async importRecords(records: ImportRecords): Promise<void> {
    await this.upsertMany('persons', (records.persons ?? []).map(rowOf.person));
    await this.upsertMany('teams', (records.teams ?? []).map(rowOf.team));
    await this.upsertMany('memberships', (records.memberships ?? []).map(rowOf.membership));
    try {
      await this.upsertMany('check_ins', (records.checkIns ?? []).map(rowOf.checkIn));
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      throw new ReboundError('conflict', 'error.conflict.duplicate', { params: { thing: 'check-in' }, cause: error });
    }
    const outcomes = records.outcomes ?? [];
    await this.upsertMany('outcomes', outcomes.map(rowOf.outcome));
    const logs = records.logs ?? [];
    const imported = new Set<string>();
    for (let i = 0; i < logs.length; i += 500) {
      const chunk = logs.slice(i, i + 500);
      const kinds = await this.outcomeKindsOf(chunk);
      const inChunk = this.byTenant(chunk);
      for (const where of inChunk) await this.run(applyToRollup(this.t, -1, where));
      await this.upsertMany(
        'logs',
        chunk.map((log) => {
          const row = rowOf.log(log);
          const has = kinds.get(`${log.tenantId}\u0000${log.id}`);
          for (const [kind, column] of OUTCOME_FLAGS) row[column] = has?.has(kind) ? 1 : 0;
          imported.add(`${log.tenantId}\u0000${log.id}`);
          return row;
        }),
      );
      for (const where of inChunk) await this.run(applyToRollup(this.t, 1, where));
    }
    const others = new Map<string, Outcome>();
    for (const o of outcomes)
      if (!imported.has(`${o.tenantId}\u0000${o.logId}`)) others.set(`${o.tenantId}\u0000${o.logId}`, o);
    for (const o of others.values()) await this.refreshOutcomeFlags(o.tenantId, o.logId);
  }

  /** `tenant_id = ? AND id IN (...)` for each tenant among `logs`. */
  private byTenant(logs: readonly RejectionLog[]): RawBuilder<unknown>[] {
    const ids = new Map<string, string[]>();
    for (const log of logs) {
      const list = ids.get(log.tenantId) ?? [];
      list.push(log.id);
      ids.set(log.tenantId, list);
    }
    return [...ids].map(([tenantId, list]) => sql`tenant_id = ${tenantId} AND id IN (${sql.join(list)})`);
  }

  private async outcomeKindsOf(logs: readonly RejectionLog[]): Promise<Map<string, Set<string>>> {
    const out = new Map<string, Set<string>>();
    const byTenant = new Map<string, string[]>();
    for (const log of logs) {
      const list = byTenant.get(log.tenantId) ?? [];
      list.push(log.id);
      byTenant.set(log.tenantId, list);
    }
    for (const [tenantId, ids] of byTenant) {
      const rows = await this.rows<{
        log_id: string;
        kind: string;
      }>(sql`SELECT log_id, kind FROM ${this.t.t('outcomes')}
        WHERE tenant_id = ${tenantId} AND log_id IN (${sql.join(ids)})`);
      for (const row of rows) {
        const key = `${tenantId}\u0000${row.log_id}`;
        const kinds = out.get(key) ?? new Set<string>();
        kinds.add(row.kind);
        out.set(key, kinds);
      }
    }
    return out;
  }

  // Idempotency records

  async getIdempotencyRecord(
    tenantId: string,
    personId: string,
    operation: string,
    key: string,
  ): Promise<IdempotencyRecord | null> {
    const { rows } = await this.ctx.compiled.run<{ created_at: string; result: string }>(
      this.db,
      'idempotency:get',
      [tenantId, personId, operation, key],
      ([tenant, person, op, k]) => sql`SELECT created_at, result FROM ${this.t.t('idempotency_records')}
        WHERE tenant_id = ${this.key(tenant!)} AND person_id = ${this.key(person!)}
        AND operation = ${this.key(op!)} AND key = ${this.key(k!)}`,
    );
    const row = rows[0];
    return row ? { tenantId, personId, operation, key, result: row.result, createdAt: row.created_at } : null;
  }

  /**
   * `ON CONFLICT DO NOTHING`: a record already there (or one a concurrent PostgreSQL transaction is writing,
   * which this waits for) leaves this insert without effect and the transaction usable.
   */
  async putIdempotencyRecord(record: IdempotencyRecord): Promise<boolean> {
    const { tenantId, personId, operation, key, createdAt, result } = record;
    const inserted = await this.ctx.compiled.run(
      this.db,
      'idempotency:put',
      [tenantId, personId, operation, key, createdAt, result],
      (v) => sql`INSERT INTO ${this.t.t('idempotency_records')}
        (tenant_id, person_id, operation, key, created_at, result)
        VALUES (${sql.join(v.map((x) => sql`${x}`))}) ON CONFLICT DO NOTHING`,
    );
    return Number(inserted.numAffectedRows ?? 0) > 0;
  }

  async deleteIdempotencyRecordsBefore(before: string): Promise<number> {
    return this.run(sql`DELETE FROM ${this.t.t('idempotency_records')} WHERE created_at < ${before}`);
  }

  // Insights and erasure

  async insightCounts(query: InsightCountsQuery): Promise<InsightCountRow[]> {
    if (query.teamIds.length === 0) return [];
    const rows = await this.rows(insightCountsQuery(this.t, query));
    return rows.map(toInsightRow);
  }

  deletePersonData(tenantId: string, personId: string): Promise<void> {
    return this.ctx.atomic(tenantId, (ops) => ops.erase(tenantId, personId));
  }

  private async erase(tenantId: string, personId: string): Promise<void> {
    const t = this.t;
    const tenant = sql`tenant_id = ${tenantId}`;
    // Their id leaves the audience of shares owned by others; the shares themselves stay.
    const others = await this.rows<{ id: string; data: string }>(sql`SELECT s.id, s.data FROM ${t.t('shares')} s
      JOIN ${t.t('share_audience')} a ON a.tenant_id = s.tenant_id AND a.share_id = s.id
      WHERE s.tenant_id = ${tenantId} AND a.person_id = ${personId} AND s.owner_id <> ${personId}`);
    for (const row of others) {
      const share = JSON.parse(row.data) as Share;
      const data = JSON.stringify({ ...share, audience: share.audience.filter((p) => p !== personId) });
      await this.run(sql`UPDATE ${t.t('shares')} SET data = ${data} WHERE ${tenant} AND id = ${row.id}`);
    }
    // Two statements, each on its own index (an OR of the two would walk the whole tenant).
    await this.run(sql`DELETE FROM ${t.t('share_audience')} WHERE ${tenant} AND person_id = ${personId}`);
    await this.run(sql`DELETE FROM ${t.t('share_audience')} WHERE ${tenant}
      AND share_id IN (SELECT id FROM ${t.t('shares')} WHERE ${tenant} AND owner_id = ${personId})`);
    await this.run(sql`DELETE FROM ${t.t('shares')} WHERE ${tenant} AND owner_id = ${personId}`);
    // Outcomes they recorded on someone else's log change that log's flags.
    const touched = await this.rows<{ log_id: string }>(sql`SELECT o.log_id FROM ${t.t('outcomes')} o
      JOIN ${t.t('logs')} l ON l.tenant_id = o.tenant_id AND l.id = o.log_id
      WHERE o.tenant_id = ${tenantId} AND o.author_id = ${personId} AND l.author_id <> ${personId}`);
    await this.run(sql`DELETE FROM ${t.t('outcomes')} WHERE ${tenant} AND author_id = ${personId}`);
    await this.run(sql`DELETE FROM ${t.t('outcomes')} WHERE ${tenant}
      AND log_id IN (SELECT id FROM ${t.t('logs')} WHERE ${tenant} AND author_id = ${personId})`);
    for (const logId of new Set(touched.map((r) => r.log_id))) await this.refreshOutcomeFlags(tenantId, logId);
    await this.run(sql`DELETE FROM ${t.t('logs')} WHERE ${tenant} AND author_id = ${personId}`);
    await this.run(sql`DELETE FROM ${t.t('log_months')} WHERE ${tenant} AND author_id = ${personId}`);
    await this.run(sql`DELETE FROM ${t.t('check_ins')} WHERE ${tenant} AND author_id = ${personId}`);
    await this.run(
      sql`DELETE FROM ${t.t('replies')} WHERE ${tenant} AND (manager_id = ${personId} OR rep_id = ${personId})`,
    );
    await this.run(
      sql`DELETE FROM ${t.t('assignments')} WHERE ${tenant} AND (manager_id = ${personId} OR rep_id = ${personId})`,
    );
    await this.run(
      sql`DELETE FROM ${t.t('deliveries')} WHERE ${tenant} AND (recipient_id = ${personId} OR owner_id = ${personId})`,
    );
    await this.run(sql`DELETE FROM ${t.t('conversation_refs')} WHERE ${tenant} AND person_id = ${personId}`);
    await this.run(sql`DELETE FROM ${t.t('memberships')} WHERE ${tenant} AND person_id = ${personId}`);
    await this.run(sql`DELETE FROM ${t.t('schedules')} WHERE ${tenant} AND person_id = ${personId}`);
    await this.run(sql`DELETE FROM ${t.t('idempotency_records')} WHERE ${tenant} AND person_id = ${personId}`);
    await this.run(sql`DELETE FROM ${t.t('persons')} WHERE ${tenant} AND id = ${personId}`);
  }
}

function checkInConflict(period: string, cause?: unknown): ReboundError {
  return new ReboundError('conflict', 'error.conflict.check-in-period', { params: { period }, cause });
}

/** SQLite's SQLITE_CONSTRAINT_UNIQUE / PRIMARYKEY or PostgreSQL's 23505. */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}
