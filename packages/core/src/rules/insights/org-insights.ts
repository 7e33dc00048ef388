import { z } from 'zod';
import { parseInput } from '../../errors';
import { OUTCOME_KINDS, REASON_CATEGORIES } from '../../records/enums';
import { idSchema } from '../../records/primitives';
import type { InsightCountRow } from '../../store/port';
import { type Population, populationOf, protect, reasonRelation, teamRelations } from './insight-cells';
import { figuresOf, type InsightFigures } from './insight-figures';
import { insightKSchema, insightRowsSchema, refineUniquePeople } from './insight-rows';
import { memberCountSchema, type TeamInsights } from './team-insights';

export const orgInsightsInputSchema = z
  .strictObject({
    /** Every team to report, including teams without rows. */
    teams: z
      .array(
        z.strictObject({
          teamId: idSchema,
          memberCount: memberCountSchema.optional(),
          previousMemberCount: memberCountSchema.optional(),
        }),
      )
      .min(1)
      .max(10_000),
    /** `store.insightCounts` for all these teams and the period. */
    rows: insightRowsSchema,
    previousRows: insightRowsSchema.optional(),
    k: insightKSchema,
  })
  .superRefine((input, ctx) => {
    const teamIds = new Set<string>();
    input.teams.forEach((t, i) => {
      if (teamIds.has(t.teamId))
        ctx.addIssue({ code: 'custom', message: 'duplicate-team', path: ['teams', i, 'teamId'] });
      teamIds.add(t.teamId);
    });
    for (const field of ['rows', 'previousRows'] as const) {
      const rows = input[field];
      if (!rows) continue;
      refineUniquePeople(rows, field, ctx);
      const byPerson = new Map<string, InsightCountRow>();
      rows.forEach((row, i) => {
        if (!teamIds.has(row.teamId))
          ctx.addIssue({ code: 'custom', message: 'other-team', path: [field, i, 'teamId'] });
        // A person in two teams has one set of entries: their rows must agree, or the total would be wrong.
        const seen = byPerson.get(row.personId);
        if (seen && !sameCounts(seen, row)) {
          ctx.addIssue({ code: 'custom', message: 'person-rows-differ', path: [field, i] });
        }
        byPerson.set(row.personId, row);
      });
    }
    const rowsPerTeam = new Map<string, number>();
    for (const r of input.rows) rowsPerTeam.set(r.teamId, (rowsPerTeam.get(r.teamId) ?? 0) + 1);
    input.teams.forEach((t, i) => {
      const rows = rowsPerTeam.get(t.teamId) ?? 0;
      if (t.memberCount !== undefined && t.memberCount < rows) {
        ctx.addIssue({ code: 'too_small', origin: 'number', minimum: rows, path: ['teams', i, 'memberCount'] });
      }
    });
  });
export type OrgInsightsInput = z.input<typeof orgInsightsInputSchema>;

function sameCounts(a: InsightCountRow, b: InsightCountRow): boolean {
  return (
    a.logs === b.logs &&
    a.askedWhy === b.askedWhy &&
    a.discovery === b.discovery &&
    a.followUp === b.followUp &&
    a.checkIns === b.checkIns &&
    REASON_CATEGORIES.every((r) => a.reasons[r] === b.reasons[r]) &&
    OUTCOME_KINDS.every((o) => a.outcomes[o] === b.outcomes[o])
  );
}

export interface OrgInsights {
  k: number;
  /** The org as a whole: each person counted once, even when they belong to several teams. */
  total: InsightFigures;
  /** In the order the teams were given. */
  teams: TeamInsights[];
}

/**
 * Insights for several teams and their total. Beyond each team's own protection, a team's hidden figure cannot
 * be recovered by subtracting the other teams from the total: complementary figures of other teams are hidden
 * too (and, where that is not enough, the total).
 */
export function computeOrgInsights(input: unknown): OrgInsights {
  const { teams, rows, previousRows, k } = parseInput(orgInsightsInputSchema, input);
  const current = protectedPopulations(teams, rows, 'memberCount', k);
  const previous = previousRows ? protectedPopulations(teams, previousRows, 'previousMemberCount', k) : undefined;
  return {
    k,
    total: figuresOf(current.total, previous?.total, k),
    teams: teams.map((t, i) => ({
      teamId: t.teamId,
      k,
      figures: figuresOf(current.teams[i]!, previous?.teams[i], k),
    })),
  };
}

function protectedPopulations(
  teams: readonly { teamId: string; memberCount?: number; previousMemberCount?: number }[],
  rows: readonly InsightCountRow[],
  memberField: 'memberCount' | 'previousMemberCount',
  k: number,
): { total: Population; teams: Population[] } {
  const byTeam = new Map<string, InsightCountRow[]>(teams.map((t) => [t.teamId, []]));
  const byPerson = new Map<string, InsightCountRow>();
  for (const row of rows) {
    byTeam.get(row.teamId)!.push(row);
    if (!byPerson.has(row.personId)) byPerson.set(row.personId, row);
  }
  let uncounted = 0;
  const teamPopulations = teams.map((t) => {
    const teamRows = byTeam.get(t.teamId)!;
    const members = t[memberField] ?? teamRows.length;
    uncounted += members - teamRows.length;
    return populationOf(teamRows, members, k);
  });
  const total = populationOf(byPerson.values(), byPerson.size + uncounted, k);
  protect([...teamPopulations.map(reasonRelation), reasonRelation(total), ...teamRelations(total, teamPopulations)], k);
  return { total, teams: teamPopulations };
}
