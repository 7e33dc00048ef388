import type { Delivery, LocalDate, PendingDeliveryQuery, RejectionLog, SentDeliveryQuery, Team } from '@rebound/core';
import { type RawBuilder, sql } from 'kysely';
import type { AnyKysely } from './ops';
import { records } from './rows';
import type { Tables } from './tables';

type DataRow = { data: string };

/**
 * The scheduler's and the delivery queue's scans across every tenant. Each walks one index: deliveries by
 * (status, due_at, id, tenant_id), logs by their next step's due date (a partial index).
 */
export class CrossTenantScans {
  constructor(
    private readonly db: AnyKysely,
    private readonly t: Tables,
  ) {}

  private async rows(query: RawBuilder<DataRow>): Promise<DataRow[]> {
    return (await query.execute(this.db)).rows;
  }

  async listPendingDeliveries(query: PendingDeliveryQuery): Promise<Delivery[]> {
    const limit = Math.max(0, Math.floor(query.limit));
    if (limit === 0) return [];
    const after = query.after;
    // Keyset continuation in (due_at, id, tenant_id) order, spelled out so both dialects use the index.
    const continuing = after
      ? sql` AND (due_at > ${after.dueAt} OR (due_at = ${after.dueAt} AND (id > ${after.id}
          OR (id = ${after.id} AND tenant_id > ${after.tenantId}))))`
      : sql``;
    return records(
      await this.rows(sql`SELECT data FROM ${this.t.t('deliveries')}
        WHERE status = 'pending' AND due_at <= ${query.dueBy}${continuing}
        ORDER BY due_at, id, tenant_id LIMIT ${limit}`),
    );
  }

  async listSentDeliveries(query: SentDeliveryQuery): Promise<Delivery[]> {
    return records(
      await this.rows(sql`SELECT data FROM ${this.t.t('deliveries')}
        WHERE status = 'sent' AND due_at >= ${query.from} AND due_at < ${query.to} AND kind = ${query.kind}
        ORDER BY due_at, id, tenant_id`),
    );
  }

  async listLogsWithNextStepDue(fromDate: LocalDate, toDate: LocalDate): Promise<RejectionLog[]> {
    return records(
      await this.rows(sql`SELECT data FROM ${this.t.t('logs')}
        WHERE next_step_due IS NOT NULL AND next_step_due >= ${fromDate} AND next_step_due <= ${toDate}
        ORDER BY next_step_due, tenant_id, id`),
    );
  }

  async listAllTeams(): Promise<Team[]> {
    return records(await this.rows(sql`SELECT data FROM ${this.t.t('teams')} ORDER BY tenant_id, id`));
  }
}
