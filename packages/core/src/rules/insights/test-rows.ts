import { OUTCOME_KINDS, type OutcomeKind, REASON_CATEGORIES, type ReasonCategory } from '../../records/enums';
import type { InsightCountRow } from '../../store/port';

/** A row for tests: logs are the sum of the given reasons; other counts default to zero. */
export function aRow(
  personId: string,
  o: {
    teamId?: string;
    reasons?: Partial<Record<ReasonCategory, number>>;
    askedWhy?: number;
    discovery?: number;
    followUp?: number;
    outcomes?: Partial<Record<OutcomeKind, number>>;
    checkIns?: number;
  } = {},
): InsightCountRow {
  const reasons = Object.fromEntries(REASON_CATEGORIES.map((r) => [r, o.reasons?.[r] ?? 0])) as Record<
    ReasonCategory,
    number
  >;
  return {
    teamId: o.teamId ?? 'team-a',
    personId,
    logs: REASON_CATEGORIES.reduce((sum, r) => sum + reasons[r], 0),
    askedWhy: o.askedWhy ?? 0,
    discovery: o.discovery ?? 0,
    followUp: o.followUp ?? 0,
    reasons,
    outcomes: Object.fromEntries(OUTCOME_KINDS.map((k) => [k, o.outcomes?.[k] ?? 0])) as Record<OutcomeKind, number>,
    checkIns: o.checkIns ?? 0,
  };
}

/** `n` people `p1..pn` in `teamId`, each with the same entries. */
export function people(n: number, o: Parameters<typeof aRow>[1] = {}, prefix = 'p'): InsightCountRow[] {
  return Array.from({ length: n }, (_, i) => aRow(`${prefix}${i + 1}`, o));
}
