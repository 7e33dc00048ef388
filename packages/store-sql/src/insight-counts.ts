import {
  type InsightCountRow,
  type InsightCountsQuery,
  OUTCOME_KINDS,
  type OutcomeKind,
  REASON_CATEGORIES,
  type ReasonCategory,
} from '@rebound/core';
import { type RawBuilder, sql } from 'kysely';
import type { Tables } from './tables';

const reasonColumn = (reason: ReasonCategory) => `r_${reason.replace(/-/g, '_')}`;
const outcomeColumn = (kind: OutcomeKind) => `o_${kind.replace(/-/g, '_')}`;

type CountRow = Record<string, string | number | null> & { team_id: string; person_id: string };

/**
 * One row per counted rep membership of the asked teams, with that rep's counts in [from, to). The logs are
 * aggregated per author over the covering index `logs_author` (never loaded into JavaScript); persons who
 * turned off `countInTeamStats` are left out, members without a Person record count with zeros.
 */
export function insightCountsQuery(t: Tables, query: InsightCountsQuery): RawBuilder<CountRow> {
  const { tenantId, from, to } = query;
  const teams = sql.join([...new Set(query.teamIds)]);
  const counted = sql`SELECT m.person_id FROM ${t.t('memberships')} m
    LEFT JOIN ${t.t('persons')} p ON p.tenant_id = m.tenant_id AND p.id = m.person_id
    WHERE m.tenant_id = ${tenantId} AND m.role = 'rep' AND m.team_id IN (${teams})
      AND (p.count_in_stats IS NULL OR p.count_in_stats = 1)`;
  const reasonSums = REASON_CATEGORIES.map(
    (r) => sql`SUM(CASE WHEN reason = ${r} THEN 1 ELSE 0 END) AS ${sql.id(reasonColumn(r))}`,
  );
  const outcomeSums = OUTCOME_KINDS.map((k) => sql`SUM(${sql.id(outcomeColumn(k))}) AS ${sql.id(outcomeColumn(k))}`);
  const logColumns = ['logs', 'asked_why', 'has_discovery', 'follow_up', ...REASON_CATEGORIES.map(reasonColumn)]
    .concat(OUTCOME_KINDS.map(outcomeColumn))
    .map((c) => sql`COALESCE(l.${sql.id(c)}, 0) AS ${sql.id(c)}`);
  return sql<CountRow>`SELECT m.team_id, m.person_id, ${sql.join(logColumns)}, COALESCE(c.check_ins, 0) AS check_ins
    FROM ${t.t('memberships')} m
    LEFT JOIN ${t.t('persons')} p ON p.tenant_id = m.tenant_id AND p.id = m.person_id
    LEFT JOIN (
      SELECT author_id, COUNT(*) AS logs, SUM(asked_why) AS asked_why, SUM(has_discovery) AS has_discovery,
        SUM(follow_up) AS follow_up, ${sql.join(reasonSums)}, ${sql.join(outcomeSums)}
      FROM ${t.t('logs')}
      WHERE tenant_id = ${tenantId} AND occurred_at >= ${from} AND occurred_at < ${to}
        AND author_id IN (${counted})
      GROUP BY author_id
    ) l ON l.author_id = m.person_id
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
