import { z } from 'zod';
import { addDays, isoWeekKey, startOfIsoWeek, zonedTimeToInstant } from '../calendar/calendar';
import { type InsightPeriod, teamInsightPeriod } from '../rules/insights/insight-periods';
import type { TeamInsights } from '../rules/insights/team-insights';
import type { StoreOps } from '../store/port';
import { teamInsightsOf } from './guidance';

/** An ISO week such as `2026-W48` (the digest's `periodKey`); a week the year does not have is refused. */
export const isoWeekSchema = z
  .string()
  .regex(/^\d{4}-W\d{2}$/, { message: 'iso-week' })
  .refine((key) => mondayOfIsoWeek(key) !== null, { message: 'iso-week' });

/** Monday of an ISO week key, or null when that year has no such week. */
export function mondayOfIsoWeek(key: string): string | null {
  const year = Number(key.slice(0, 4));
  const week = Number(key.slice(6));
  if (week < 1) return null;
  // 4 January is always in week 1.
  const monday = addDays(startOfIsoWeek(`${String(year).padStart(4, '0')}-01-04`), (week - 1) * 7);
  return isoWeekKey(monday) === key ? monday : null;
}

/** What a team's weekly digest shows: its insights for that ISO week, under the privacy threshold. */
export interface TeamDigest extends TeamInsights {
  teamName: string;
  period: InsightPeriod;
  kind: 'week';
}

/**
 * A team's digest for an ISO week: the figures `teamInsights` gives a member for that week (k applied, the
 * week before for changes), or null when fewer than k people logged or checked in that week (then nothing is
 * posted) or the team no longer exists.
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
  return { ...insights, teamName: team.name, period, kind: 'week' };
}
