import {
  type InsightCountRow,
  type InsightCountsQuery,
  OUTCOME_KINDS,
  type OutcomeKind,
  REASON_CATEGORIES,
  type ReasonCategory,
} from '@rebound/core';
import { type RawBuilder, sql } from 'kysely';
import { logContribution, outcomeColumn, ROLLUP_COLUMNS, reasonColumn, splitRange } from './rollup';
import type { Tables } from './tables';

type CountRow = Record<string, string | number | null> & { team_id: string; person_id: string };

/**
 * One row per counted rep membership of the asked teams, with that rep's counts in [from, to). Whole UTC
 * months come from the monthly rollup, the partial months at the edges from the logs' covering index; nothing
 * is handed to JavaScript but one row per membership. Persons who turned off `countInTeamStats` are left out;
 * members without a Person record count, with zeros.
 */
export function insightCountsQuery(t: Tables, query: InsightCountsQuery): RawBuilder<CountRow> {
  const { tenantId, from, to } = query;
  const teams = sql.join([...new Set(query.teamIds)]);
  const counted = sql`SELECT m.person_id FROM ${t.t('memberships')} m
    LEFT JOIN ${t.t('persons')} p ON p.tenant_id = m.tenant_id AND p.id = m.person_id
    WHERE m.tenant_id = ${tenantId} AND m.role = 'rep' AND m.team_id IN (${teams})
      AND (p.count_in_stats IS NULL OR p.count_in_stats = 1)`;
  const columns = ROLLUP_COLUMNS.map((c) => sql.id(c));
  const { months, edges } = splitRange(from, to);
  const parts: RawBuilder<unknown>[] = [];
  if (months) {
    parts.push(sql`SELECT author_id, ${sql.join(columns)} FROM ${t.t('log_months')}
      WHERE tenant_id = ${tenantId} AND month >= ${months[0]} AND month < ${months[1]} AND author_id IN (${counted})`);
  }
  const perLog = logContribution().map((e, i) => sql`${e} AS ${sql.id(ROLLUP_COLUMNS[i]!)}`);
  for (const [edgeFrom, edgeTo] of edges) {
    parts.push(sql`SELECT author_id, ${sql.join(perLog)} FROM ${t.t('logs')}
      WHERE tenant_id = ${tenantId} AND occurred_at >= ${edgeFrom} AND occurred_at < ${edgeTo}
        AND author_id IN (${counted})`);
  }
  const logCounts =
    parts.length === 0
      ? sql`SELECT NULL AS author_id, ${sql.join(ROLLUP_COLUMNS.map((c) => sql`0 AS ${sql.id(c)}`))} WHERE 1 = 0`
      : sql`SELECT author_id, ${sql.join(ROLLUP_COLUMNS.map((c) => sql`SUM(${sql.id(c)}) AS ${sql.id(c)}`))}
          FROM (${sql.join(parts, sql` UNION ALL `)}) x GROUP BY author_id`;
  const out = ROLLUP_COLUMNS.map((c) => sql`COALESCE(l.${sql.id(c)}, 0) AS ${sql.id(c)}`);
  return sql<CountRow>`SELECT m.team_id, m.person_id, ${sql.join(out)}, COALESCE(c.check_ins, 0) AS check_ins
    FROM ${t.t('memberships')} m
    LEFT JOIN ${t.t('persons')} p ON p.tenant_id = m.tenant_id AND p.id = m.person_id
    LEFT JOIN (${logCounts}) l ON l.author_id = m.person_id
    LEFT JOIN (
      SELECT author_id, COUNT(*) AS check_ins FROM ${t.t('check_ins')}
      WHERE tenant_id = ${tenantId} AND submitted_at >= ${from} AND submitted_at < ${to}
        AND author_id IN (${counted})
      GROUP BY author_id
    ) c ON c.author_id = m.person_id
    WHERE m.tenant_id = ${tenantId} AND m.role = 'rep' AND m.team_id IN (${teams})
      AND (p.count_in_stats IS NULL OR p.count_in_stats = 1)
    ORDER BY m.team_id, m.person_id`;
}

export function toInsightRow(row: CountRow): InsightCountRow {
  const n = (column: string) => Number(row[column] ?? 0);
  return {
    teamId: row.team_id,
    personId: row.person_id,
    logs: n('logs'),
    askedWhy: n('asked_why'),
    discovery: n('has_discovery'),
    followUp: n('follow_up'),
    reasons: Object.fromEntries(REASON_CATEGORIES.map((r) => [r, n(reasonColumn(r))])) as Record<
      ReasonCategory,
      number
    >,
    outcomes: Object.fromEntries(OUTCOME_KINDS.map((k) => [k, n(outcomeColumn(k))])) as Record<OutcomeKind, number>,
    checkIns: n('check_ins'),
  };
}
