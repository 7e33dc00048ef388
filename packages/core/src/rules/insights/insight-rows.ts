import { z } from 'zod';
import { privacyConfigSchema } from '../../privacy/policy';
import { OUTCOME_KINDS, REASON_CATEGORIES } from '../../records/enums';
import { idSchema } from '../../records/primitives';
import type { InsightCountRow } from '../../store/port';

const countSchema = z.number().int().min(0).max(1_000_000_000);

/** `k`: the fewest distinct people a figure may rest on. Default 5, never below 3 (the privacy policy's rule). */
export const insightKSchema = privacyConfigSchema.unwrap().shape.k;

// Plain objects with every key rather than `z.record`: zod compiles them, and parsing thousands of rows matters.
function everyKey<const K extends string>(keys: readonly K[]): Record<K, typeof countSchema> {
  return Object.fromEntries(keys.map((key) => [key, countSchema])) as Record<K, typeof countSchema>;
}

const rowShape = z.strictObject({
  teamId: idSchema,
  personId: idSchema,
  logs: countSchema,
  askedWhy: countSchema,
  discovery: countSchema,
  followUp: countSchema,
  reasons: z.strictObject(everyKey(REASON_CATEGORIES)),
  outcomes: z.strictObject(everyKey(OUTCOME_KINDS)),
  checkIns: countSchema,
});

/** Counts that cannot all be true at once: more logs asked why than logs, reasons not adding up to the logs. */
function checkCounts(row: InsightCountRow, path: (string | number)[], ctx: z.RefinementCtx): void {
  for (const field of ['askedWhy', 'discovery', 'followUp'] as const) {
    if (row[field] > row.logs) {
      ctx.addIssue({ code: 'too_big', origin: 'number', maximum: row.logs, path: [...path, field] });
    }
  }
  for (const kind of OUTCOME_KINDS) {
    if (row.outcomes[kind] > row.logs) {
      ctx.addIssue({ code: 'too_big', origin: 'number', maximum: row.logs, path: [...path, 'outcomes', kind] });
    }
  }
  let reasons = 0;
  for (const r of REASON_CATEGORIES) reasons += row.reasons[r];
  if (reasons !== row.logs) ctx.addIssue({ code: 'custom', message: 'reasons-sum', path: [...path, 'reasons'] });
}

/** One `InsightCountRow` as the Store returns it, with the counts checked against each other. */
export const insightCountRowSchema = rowShape.superRefine((row, ctx) =>
  checkCounts(row, [], ctx),
) satisfies z.ZodType<InsightCountRow>;

export const MAX_INSIGHT_ROWS = 200_000;
// One refinement over the array rather than one per row keeps zod's compiled fast path for the rows.
export const insightRowsSchema = z
  .array(rowShape)
  .max(MAX_INSIGHT_ROWS)
  .superRefine((rows, ctx) => {
    for (const [i, row] of rows.entries()) checkCounts(row, [i], ctx);
  });

/** Adds an issue for every person that appears twice for the same team. */
export function refineUniquePeople(rows: readonly InsightCountRow[], field: string, ctx: z.RefinementCtx): void {
  const seen = new Set<string>();
  rows.forEach((row, i) => {
    const key = `${row.teamId}\u0000${row.personId}`;
    if (seen.has(key)) ctx.addIssue({ code: 'custom', message: 'duplicate-person', path: [field, i, 'personId'] });
    seen.add(key);
  });
}
