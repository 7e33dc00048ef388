import type { Membership, Team } from '../records/team';
import type { InsightFigures } from '../rules/insights/insight-figures';
import { type InsightPeriod, insightCountsQuery, previousInsightPeriod } from '../rules/insights/insight-periods';
import { computeTeamInsights } from '../rules/insights/team-insights';
import type { StoreOps } from '../store/port';

/** How many weeks a digest's trend shows: the digest's own week and the ones before it. */
export const DIGEST_TREND_WEEKS = 8;

/** One earlier week of a digest's trend: the process rates of that week alone. */
export interface DigestTrendPoint {
  period: InsightPeriod;
  /**
   * Asked-why, discovery and follow-up shares of that week's logs, each under the privacy threshold as any
   * published figure is: hidden (with its reason) when fewer than k people are behind it.
   */
  figures: Pick<InsightFigures, 'askedWhy' | 'discovery' | 'followUp'>;
}

/**
 * The `weeks` weeks before `period`, oldest first, each with its own figures computed the way every team figure
 * is (`computeTeamInsights`: distinct people per figure, k, complementary cells). Each week stands alone: its
 * logs are its own, so no week's figure is another's minus something. No changes between weeks are given.
 * Weeks before the first one in which anybody logged are left out (a new team's trend starts with its first
 * logs, not with a row of hidden weeks): that nobody logged rests on no one's entries.
 */
export async function digestTrend(
  store: StoreOps,
  query: { team: Team; members: readonly Membership[]; period: InsightPeriod; k: number; weeks?: number },
): Promise<DigestTrendPoint[]> {
  const { team, members, k } = query;
  const reps = members.filter((m) => m.role === 'rep').length;
  const points: DigestTrendPoint[] = [];
  /** How many of the newest points (the weeks read so far) reach back to a week with logs. */
  let kept = 0;
  let period = query.period;
  for (let i = 0; i < (query.weeks ?? DIGEST_TREND_WEEKS - 1); i++) {
    period = previousInsightPeriod(period);
    const rows = await store.insightCounts(insightCountsQuery({ tenantId: team.tenantId, teamIds: [team.id], period }));
    const { figures } = computeTeamInsights({ teamId: team.id, rows, k, memberCount: Math.max(reps, rows.length) });
    points.push({
      period,
      figures: { askedWhy: figures.askedWhy, discovery: figures.discovery, followUp: figures.followUp },
    });
    if (rows.some((r) => r.logs > 0)) kept = points.length;
  }
  return points.slice(0, kept).reverse();
}
