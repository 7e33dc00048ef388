import { OUTCOME_KINDS, type OutcomeKind, REASON_CATEGORIES, type ReasonCategory } from '@rebound/core';
import { type RawBuilder, sql } from 'kysely';
import type { Tables } from './tables';

/**
 * Per author and UTC month (`YYYY-MM`), the counts `insightCounts` needs, kept in step with the logs in the
 * same transaction as every write that changes a log or its outcome flags. Insight queries read whole months
 * here and only the partial months at the edges of their range from the logs themselves.
 */
export const reasonColumn = (reason: ReasonCategory) => `r_${reason.replace(/-/g, '_')}`;
export const outcomeColumn = (kind: OutcomeKind) => `o_${kind.replace(/-/g, '_')}`;

export const ROLLUP_COLUMNS = [
  'logs',
  'asked_why',
  'has_discovery',
  'follow_up',
  ...REASON_CATEGORIES.map(reasonColumn),
  ...OUTCOME_KINDS.map(outcomeColumn),
] as const;

/** Each log's own contribution to the counts, as expressions over a `logs` row. */
export function logContribution(): RawBuilder<unknown>[] {
  return [
    sql`1`,
    sql`asked_why`,
    sql`has_discovery`,
    sql`follow_up`,
    ...REASON_CATEGORIES.map((r) => sql`CASE WHEN reason = ${sql.lit(r)} THEN 1 ELSE 0 END`),
    ...OUTCOME_KINDS.map((k) => sql.id(outcomeColumn(k))),
  ];
}

/** `sign` × the counts of the log rows in `source` matching `where`, in (tenant, author, month) buckets. */
export function rollupSelect(
  source: RawBuilder<unknown>,
  sign: 1 | -1,
  where: RawBuilder<unknown>,
): RawBuilder<unknown> {
  const sums = logContribution().map((e) => sql`${sql.raw(String(sign))} * SUM(${e})`);
  return sql`SELECT tenant_id, author_id, substr(occurred_at, 1, 7), ${sql.join(sums)}
    FROM ${source} WHERE ${where} GROUP BY tenant_id, author_id, substr(occurred_at, 1, 7)`;
}

/**
 * Adds (`sign` 1) or takes away (-1) the logs matching `where` from their monthly buckets. The logs are picked
 * in a materialized step of their own: planned together with the GROUP BY, SQLite would rather walk the
 * author index of the whole tenant than look the few ids up by primary key.
 */
export function applyToRollup(t: Tables, sign: 1 | -1, where: RawBuilder<unknown>): RawBuilder<unknown> {
  const columns = ROLLUP_COLUMNS.map((c) => sql.id(c));
  const picked = [
    'tenant_id',
    'author_id',
    'occurred_at',
    'asked_why',
    'has_discovery',
    'follow_up',
    'reason',
    ...OUTCOME_KINDS.map(outcomeColumn),
  ].map((c) => sql.id(c));
  // The alias: PostgreSQL finds a bare column name ambiguous between the row and `excluded`.
  return sql`WITH picked AS MATERIALIZED (SELECT ${sql.join(picked)} FROM ${t.t('logs')} WHERE ${where})
    INSERT INTO ${t.t('log_months')} AS r (tenant_id, author_id, month, ${sql.join(columns)})
    ${rollupSelect(sql`picked`, sign, sql`1 = 1`)}
    ON CONFLICT (tenant_id, author_id, month) DO UPDATE SET ${sql.join(
      ROLLUP_COLUMNS.map((c) => sql`${sql.id(c)} = r.${sql.id(c)} + excluded.${sql.id(c)}`),
    )}`;
}

/**
 * Splits [from, to) into the whole UTC months inside it (read from the rollup) and the partial stretches at
 * either end (read from the logs). Instants are UTC ISO strings, so months compare as text.
 */
export function splitRange(from: string, to: string): { months: [string, string] | null; edges: [string, string][] } {
  const start = new Date(from);
  const end = new Date(to);
  if (!(start < end)) return { months: null, edges: [] };
  const monthOf = (d: Date) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1));
  const firstWhole =
    monthOf(start).getTime() === start.getTime()
      ? start
      : new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1));
  const wholeEnd = monthOf(end);
  if (!(firstWhole < wholeEnd)) return { months: null, edges: [[from, to]] };
  const key = (d: Date) => d.toISOString().slice(0, 7);
  const edges: [string, string][] = [];
  if (start < firstWhole) edges.push([from, firstWhole.toISOString()]);
  if (wholeEnd < end) edges.push([wholeEnd.toISOString(), to]);
  return { months: [key(firstWhole), key(wholeEnd)], edges };
}
