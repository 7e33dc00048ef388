import { z } from 'zod';
import { parseInput } from '../../errors';
import { idSchema } from '../../records/primitives';
import type { InsightCountRow } from '../../store/port';
import { populationOf, protect, reasonRelation } from './insight-cells';
import { figuresOf, type InsightFigures } from './insight-figures';
import { insightKSchema, insightRowsSchema, refineUniquePeople } from './insight-rows';

export const memberCountSchema = z.number().int().min(0).max(10_000_000);

export const teamInsightsInputSchema = z
  .strictObject({
    teamId: idSchema,
    /** `store.insightCounts` for this team and period. */
    rows: insightRowsSchema,
    /** The same query for the previous period, to show changes. */
    previousRows: insightRowsSchema.optional(),
    k: insightKSchema,
    /**
     * Rep members of the team, those who turned off "count me in team statistics" included. Participation is
     * divided by it, so that how many people opted out cannot be read from it. Defaults to the number of rows.
     */
    memberCount: memberCountSchema.optional(),
    previousMemberCount: memberCountSchema.optional(),
  })
  .superRefine((input, ctx) => {
    checkTeam(input.rows, input.teamId, 'rows', ctx);
    refineUniquePeople(input.rows, 'rows', ctx);
    if (input.previousRows) {
      checkTeam(input.previousRows, input.teamId, 'previousRows', ctx);
      refineUniquePeople(input.previousRows, 'previousRows', ctx);
    }
    if (input.memberCount !== undefined && input.memberCount < input.rows.length) {
      ctx.addIssue({ code: 'too_small', origin: 'number', minimum: input.rows.length, path: ['memberCount'] });
    }
    const previous = input.previousRows?.length ?? 0;
    if (input.previousMemberCount !== undefined && input.previousMemberCount < previous) {
      ctx.addIssue({ code: 'too_small', origin: 'number', minimum: previous, path: ['previousMemberCount'] });
    }
  });
export type TeamInsightsInput = z.input<typeof teamInsightsInputSchema>;

function checkTeam(rows: readonly InsightCountRow[], teamId: string, field: string, ctx: z.RefinementCtx): void {
  rows.forEach((row, i) => {
    if (row.teamId !== teamId) ctx.addIssue({ code: 'custom', message: 'other-team', path: [field, i, 'teamId'] });
  });
}

/** A team's figures for one period. Figures and changes carry no person ids and never compare people. */
export interface TeamInsights {
  teamId: string;
  k: number;
  figures: InsightFigures;
}

/**
 * Team insights for one period from the Store's counts: reasons, asked-why, discovery and follow-up rates,
 * later outcomes, participation, and the change against the previous period, under the privacy threshold `k`.
 * To publish several teams and their total side by side, use `computeOrgInsights`, which also protects the
 * teams against subtraction from the total.
 */
export function computeTeamInsights(input: unknown): TeamInsights {
  const { teamId, rows, previousRows, k, memberCount, previousMemberCount } = parseInput(
    teamInsightsInputSchema,
    input,
  );
  const current = populationOf(rows, memberCount ?? rows.length, k);
  protect([reasonRelation(current)], k);
  let previous: ReturnType<typeof populationOf> | undefined;
  if (previousRows) {
    previous = populationOf(previousRows, previousMemberCount ?? previousRows.length, k);
    protect([reasonRelation(previous)], k);
  }
  return { teamId, k, figures: figuresOf(current, previous, k) };
}
