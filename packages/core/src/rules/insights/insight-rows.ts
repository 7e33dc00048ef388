import { z } from 'zod';
import { privacyConfigSchema } from '../../privacy/policy';
import { OUTCOME_KINDS, outcomeKindSchema, REASON_CATEGORIES, reasonCategorySchema } from '../../records/enums';
import { idSchema } from '../../records/primitives';
import type { InsightCountRow } from '../../store/port';

const countSchema = z.number().int().min(0).max(1_000_000_000);

/** `k`: the fewest distinct people a figure may rest on. Default 5, never below 3 (the privacy policy's rule). */
export const insightKSchema = privacyConfigSchema.unwrap().shape.k;

/** One `InsightCountRow` as the Store returns it, with the counts checked against each other. */
export const insightCountRowSchema = z
  .strictObject({
    teamId: idSchema,
    personId: idSchema,
    logs: countSchema,
    askedWhy: countSchema,
    discovery: countSchema,
    followUp: countSchema,
    reasons: z.record(reasonCategorySchema, countSchema),
    outcomes: z.record(outcomeKindSchema, countSchema),
    checkIns: countSchema,
  })
  .superRefine((row, ctx) => {
    for (const field of ['askedWhy', 'discovery', 'followUp'] as const) {
      if (row[field] > row.logs) ctx.addIssue({ code: 'too_big', origin: 'number', maximum: row.logs, path: [field] });
    }
    for (const kind of OUTCOME_KINDS) {
      if (row.outcomes[kind] > row.logs) {
        ctx.addIssue({ code: 'too_big', origin: 'number', maximum: row.logs, path: ['outcomes', kind] });
      }
    }
    const reasons = REASON_CATEGORIES.reduce((sum, r) => sum + row.reasons[r], 0);
    if (reasons !== row.logs) ctx.addIssue({ code: 'custom', message: 'reasons-sum', path: ['reasons'] });
  }) satisfies z.ZodType<InsightCountRow>;

export const MAX_INSIGHT_ROWS = 200_000;
export const insightRowsSchema = z.array(insightCountRowSchema).max(MAX_INSIGHT_ROWS);

/** Adds an issue for every person that appears twice for the same team. */
export function refineUniquePeople(rows: readonly InsightCountRow[], field: string, ctx: z.RefinementCtx): void {
  const seen = new Set<string>();
  rows.forEach((row, i) => {
    const key = `${row.teamId}\u0000${row.personId}`;
    if (seen.has(key)) ctx.addIssue({ code: 'custom', message: 'duplicate-person', path: [field, i, 'personId'] });
    seen.add(key);
  });
}
