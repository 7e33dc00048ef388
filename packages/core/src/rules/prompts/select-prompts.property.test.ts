import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { localDateOf } from '../../calendar/calendar';
import { ReboundError } from '../../errors';
import { CADENCES, FEELINGS, REASON_CATEGORIES, SALES_STAGES, VISIBILITIES } from '../../records/enums';
import { defaultPromptCatalog } from './default-prompts';
import { selectPrompts } from './select-prompts';
import { PROMPT_SITUATIONS } from './situations';

const instant = fc
  .integer({ min: Date.parse('2025-01-01T00:00:00Z'), max: Date.parse('2027-12-31T00:00:00Z') })
  .map((ms) => new Date(ms).toISOString());
const rating = fc.integer({ min: 1, max: 5 });
const userText = fc
  .string({ minLength: 1, maxLength: 20 })
  .filter((s) => s.trim().length > 0 && !/[\u0000-\u001f\u007f]/.test(s));
const zone = fc.constantFrom('Asia/Tokyo', 'America/New_York', 'Europe/London', 'Pacific/Chatham', 'UTC');

const log = fc.record({
  tenantId: fc.constant('t'),
  id: fc.uuid(),
  authorId: fc.constantFrom('rep-1', 'rep-2'),
  occurredAt: instant,
  customerLabel: userText,
  stage: fc.constantFrom(...SALES_STAGES),
  askedWhy: fc.boolean(),
  reason: fc.constantFrom(...REASON_CATEGORIES),
  discovery: fc.option(userText, { nil: undefined }),
  feeling: fc.option(fc.constantFrom(...FEELINGS), { nil: undefined }),
  visibility: fc.constantFrom(...VISIBILITIES),
  createdAt: instant,
  updatedAt: instant,
});

const checkIn = fc.record({
  tenantId: fc.constant('t'),
  id: fc.uuid(),
  authorId: fc.constant('rep-1'),
  cadence: fc.constantFrom(...CADENCES),
  periodKey: fc.constant('2026-W47'),
  answers: fc.array(fc.record({ promptId: fc.string({ minLength: 1, maxLength: 40 }), answer: fc.constant(null) }), {
    maxLength: 3,
  }),
  pressure: rating,
  energy: rating,
  lastPeriodRating: fc.option(rating, { nil: undefined }),
  onTrack: fc.option(rating, { nil: undefined }),
  permissionToNotSell: fc.boolean(),
  supportRequested: fc.boolean(),
  visibility: fc.constantFrom(...VISIBILITIES),
  submittedAt: instant,
  updatedAt: instant,
});

const plausibleContext = fc.record(
  {
    now: instant,
    timeZone: zone,
    fiscalYearStartMonth: fc.integer({ min: 1, max: 12 }),
    recentLogs: fc.array(log, { maxLength: 8 }),
    recentCheckIns: fc.array(checkIn, { maxLength: 8 }),
    recentlyAsked: fc.array(fc.record({ promptId: fc.string({ minLength: 1, maxLength: 40 }), askedAt: instant }), {
      maxLength: 5,
    }),
    count: fc.integer({ min: 1, max: 3 }),
  },
  { requiredKeys: ['now', 'timeZone'] },
);

/** Valid contexts, contexts with one field replaced by anything, and anything at all. */
const anyContext = fc.oneof(
  plausibleContext,
  fc.tuple(plausibleContext, fc.string({ maxLength: 20 }), fc.anything()).map(([ctx, key, value]) => ({
    ...ctx,
    [key]: value,
  })),
  fc.tuple(plausibleContext, fc.anything()).map(([ctx, value]) => ({ ...ctx, recentLogs: [value] })),
  fc.anything(),
);

describe('selectPrompts on any input', () => {
  it('returns a valid selection or a validation ReboundError, never anything else', () => {
    fc.assert(
      fc.property(anyContext, (context) => {
        let result: ReturnType<typeof selectPrompts>;
        try {
          result = selectPrompts(context as never);
        } catch (error) {
          expect(error).toBeInstanceOf(ReboundError);
          expect((error as ReboundError).code).toBe('validation');
          return;
        }
        const count = (context as { count?: number }).count ?? 2;
        expect(result.prompts.length).toBeLessThanOrEqual(count);
        expect(new Set(result.prompts.map((p) => p.prompt.id)).size).toBe(result.prompts.length);
        expect(result.situations.at(-1)?.id).toBe('default');
        for (const chosen of result.prompts) {
          expect(PROMPT_SITUATIONS).toContain(chosen.situation);
          expect(chosen.reason.ja.length).toBeGreaterThan(0);
          expect(chosen.reason.en.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('chooses at least one prompt for any valid context with the default catalog', () => {
    fc.assert(
      fc.property(plausibleContext, (context) => {
        expect(selectPrompts(context).prompts.length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });

  it('never chooses a prompt inside its cool-down', () => {
    const ids = defaultPromptCatalog.prompts.map((p) => p.id);
    const asked = fc.array(
      fc.record({ promptId: fc.constantFrom(...ids), daysBefore: fc.integer({ min: 0, max: 40 }) }),
      { maxLength: 40 },
    );
    fc.assert(
      fc.property(plausibleContext, asked, (context, history) => {
        const now = Date.parse(context.now);
        const recentlyAsked = history.map((h) => ({
          promptId: h.promptId,
          askedAt: new Date(now - h.daysBefore * 86_400_000).toISOString(),
        }));
        const today = localDateOf(context.now, context.timeZone);
        const result = selectPrompts({
          ...context,
          recentlyAsked: [...(context.recentlyAsked ?? []), ...recentlyAsked],
        });
        for (const chosen of result.prompts) {
          for (const a of recentlyAsked.filter((r) => r.promptId === chosen.prompt.id)) {
            const days =
              (Date.parse(`${today}T00:00:00Z`) - Date.parse(`${localDateOf(a.askedAt, context.timeZone)}T00:00:00Z`)) /
              86_400_000;
            expect(days).toBeGreaterThanOrEqual(chosen.prompt.cooldownDays);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('in a run of rejections only asks for permission and self-compassion', () => {
    fc.assert(
      fc.property(
        plausibleContext,
        fc.array(fc.integer({ min: 0, max: 47 * 3_600_000 }), { minLength: 3, maxLength: 6 }),
        (context, agesMs) => {
          const now = Date.parse(context.now);
          const today = localDateOf(now, context.timeZone);
          const logs = agesMs
            .map((age, i) => ({ ...streakLog, id: `streak-${i}`, occurredAt: new Date(now - age).toISOString() }))
            .filter((l) => {
              const day = localDateOf(l.occurredAt, context.timeZone);
              const diff = (Date.parse(`${today}T00:00:00Z`) - Date.parse(`${day}T00:00:00Z`)) / 86_400_000;
              return diff <= 1;
            });
          fc.pre(logs.length >= 3);
          const result = selectPrompts({ ...context, recentLogs: [...(context.recentLogs ?? []), ...logs] });
          expect(result.situations[0]?.id).toBe('rejection-streak');
          for (const chosen of result.prompts)
            expect(['permission', 'self-compassion']).toContain(chosen.prompt.intent);
        },
      ),
      { numRuns: 300 },
    );
  });
});

const streakLog = {
  tenantId: 't',
  authorId: 'rep-1',
  customerLabel: 'Streak Co',
  stage: 'proposal' as const,
  askedWhy: false,
  reason: 'timing' as const,
  visibility: 'private' as const,
  createdAt: '2025-01-01T00:00:00.000Z',
  updatedAt: '2025-01-01T00:00:00.000Z',
};
