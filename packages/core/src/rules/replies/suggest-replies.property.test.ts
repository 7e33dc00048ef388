import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ReboundError } from '../../errors';
import { ANSWER_PREFERENCES, FEELINGS, NEXT_STEP_KINDS, REASON_CATEGORIES, VISIBILITIES } from '../../records/enums';
import { defaultReplyCatalog } from './default-templates';
import { suggestReplies } from './suggest-replies';

const instant = fc
  .integer({ min: Date.parse('2025-01-01T00:00:00Z'), max: Date.parse('2027-12-31T00:00:00Z') })
  .map((ms) => new Date(ms).toISOString());
const rating = fc.integer({ min: 1, max: 5 });
const userText = fc
  .string({ minLength: 1, maxLength: 30 })
  .filter((s) => s.trim().length > 0 && !/[\u0000-\u001f\u007f]/.test(s));

const log = fc.record({
  tenantId: fc.constant('t'),
  id: fc.uuid(),
  authorId: fc.constantFrom('rep-1', 'rep-2'),
  occurredAt: instant,
  customerLabel: userText,
  stage: fc.constant('proposal'),
  askedWhy: fc.boolean(),
  reason: fc.constantFrom(...REASON_CATEGORIES),
  discovery: fc.option(userText, { nil: undefined }),
  nextStep: fc.option(fc.record({ kind: fc.constantFrom(...NEXT_STEP_KINDS) }), { nil: undefined }),
  feeling: fc.option(fc.constantFrom(...FEELINGS), { nil: undefined }),
  answerPreference: fc.option(fc.constantFrom(...ANSWER_PREFERENCES), { nil: undefined }),
  visibility: fc.constantFrom(...VISIBILITIES),
  createdAt: instant,
  updatedAt: instant,
});

const checkIn = fc.record({
  tenantId: fc.constant('t'),
  id: fc.uuid(),
  authorId: fc.constant('rep-1'),
  cadence: fc.constant('weekly'),
  periodKey: fc.constant('2026-W47'),
  answers: fc.array(fc.record({ promptId: fc.constant('p'), answer: fc.oneof(fc.constant(null), userText, rating) }), {
    maxLength: 3,
  }),
  pressure: rating,
  energy: rating,
  lastPeriodRating: fc.option(rating, { nil: undefined }),
  onTrack: fc.option(rating, { nil: undefined }),
  permissionToNotSell: fc.boolean(),
  supportRequested: fc.boolean(),
  answerPreference: fc.option(fc.constantFrom(...ANSWER_PREFERENCES), { nil: undefined }),
  visibility: fc.constantFrom(...VISIBILITIES),
  submittedAt: instant,
  updatedAt: instant,
});

const item = fc.oneof(
  fc.record(
    { kind: fc.constant('log' as const), log, authorLogCount: fc.nat(5), recentLogs: fc.array(log, { maxLength: 6 }) },
    { requiredKeys: ['kind', 'log'] },
  ),
  fc.record(
    { kind: fc.constant('check-in' as const), checkIn, previousCheckIns: fc.array(checkIn, { maxLength: 4 }) },
    { requiredKeys: ['kind', 'checkIn'] },
  ),
);

const options = fc.record(
  {
    locale: fc.constantFrom('ja' as const, 'en' as const),
    repName: userText,
    managerName: userText,
    answerPreference: fc.constantFrom(...ANSWER_PREFERENCES),
    lastTemplateId: fc.constantFrom(...defaultReplyCatalog.templates.map((t) => t.id)),
  },
  { requiredKeys: ['locale', 'repName'] },
);

describe('suggestReplies on any input', () => {
  it('always gives exactly three distinct, filled suggestions for valid input, honouring the rules', () => {
    fc.assert(
      fc.property(item, options, (i, o) => {
        const result = suggestReplies(i, o);
        expect(result).toHaveLength(3);
        expect(new Set(result.map((s) => s.templateId)).size).toBe(3);
        // The item's own choice first; the rep's standing setting (the option) only without one.
        const preference =
          (i.kind === 'check-in' ? i.checkIn.answerPreference : i.log.answerPreference) ?? o.answerPreference;
        for (const s of result) {
          const t = defaultReplyCatalog.get(s.templateId)!;
          expect(s.templateId).not.toBe(o.lastTemplateId);
          if (preference) expect(t.preferences).toContain(preference);
          expect(s.situations.length).toBeGreaterThan(0);
          // Every placeholder was filled: the text is the template with the values put in, nothing else.
          expect(s.text.replaceAll(o.repName, '')).not.toContain('{repName}');
          expect(s.reason.ja.length * s.reason.en.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('answers anything else with a validation ReboundError, never a crash', () => {
    const broken = fc.oneof(
      fc.tuple(fc.anything(), fc.anything()),
      fc.tuple(item, fc.anything()),
      fc.tuple(fc.anything(), options),
      fc
        .tuple(item, options, fc.string({ maxLength: 12 }), fc.anything())
        .map(([i, o, key, value]) => [{ ...i, [key]: value }, o]),
      fc
        .tuple(item, options, fc.string({ maxLength: 12 }), fc.anything())
        .map(([i, o, key, value]) => [i, { ...o, [key]: value }]),
    );
    fc.assert(
      fc.property(broken, ([i, o]) => {
        try {
          expect(suggestReplies(i as never, o as never)).toHaveLength(3);
        } catch (error) {
          expect(error).toBeInstanceOf(ReboundError);
          expect((error as ReboundError).code).toBe('validation');
        }
      }),
      { numRuns: 400 },
    );
  });
});
