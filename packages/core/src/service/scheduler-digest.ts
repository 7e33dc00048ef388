import { z } from 'zod';
import { zonedTimeToInstant } from '../calendar/calendar';
import { mondayOfIsoWeek } from '../calendar/periods';
import { type InsightPeriod, teamInsightPeriod } from '../rules/insights/insight-periods';
import type { TeamInsights } from '../rules/insights/team-insights';
import type { StoreOps } from '../store/port';
import { type DigestTrendPoint, digestTrend } from './digest-trend';
import { teamInsightsOf } from './guidance';

/** An ISO week such as `2026-W48` (the digest's `periodKey`); a week the year does not have is refused. */
export const isoWeekSchema = z.string().refine((key) => mondayOfIsoWeek(key) !== null, { message: 'iso-week' });

export { mondayOfIsoWeek };

/** What a team's weekly digest shows: its insights for that ISO week, under the privacy threshold. */
export interface TeamDigest extends TeamInsights {
  teamName: string;
  period: InsightPeriod;
  kind: 'week';
  /** The weeks before, oldest first (`DIGEST_TREND_WEEKS` in all with this one), each k-suppressed alone. */
  trend: DigestTrendPoint[];
}

/**
 * A team's digest for an ISO week: the figures `teamInsights` gives a member for that week (k applied, the
 * week before for changes) and the weeks before for the trend, or null when fewer than k people logged or
 * checked in that week (then nothing is posted) or the team no longer exists.
 */
export async function teamDigest(
  store: StoreOps,
  k: number,
  tenantId: string,
  teamId: string,
  week: string,
): Promise<TeamDigest | null> {
  const team = await store.getTeam(tenantId, teamId);
  const monday = mondayOfIsoWeek(week);
  if (!team || !monday) return null;
  // Midday Monday in the team's zone is inside that week whatever daylight saving does.
  const period = teamInsightPeriod(team, 'week', zonedTimeToInstant(monday, '12:00', team.timeZone));
  const members = await store.listMemberships(tenantId, { teamId });
  const insights = await teamInsightsOf(store, { team, members, period, k, minContributors: k });
  if (!insights) return null;
  const trend = await digestTrend(store, { team, members, period, k });
  return { ...insights, teamName: team.name, period, kind: 'week', trend };
}
