import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isReboundError } from '../../errors';
import { DEFAULT_PRIVACY } from '../../records/person';
import { aCheckIn, aLog, aPerson, aShare } from '../../testing/fixtures';
import { computeSignals } from './compute-signals';
import { signalsVisibleToManager } from './manager-view';
import { personalSignalsSchema } from './signal-schema';

const NOW = Date.parse('2026-11-24T03:00:00.000Z');
const at = (daysAgo: number) => new Date(NOW - daysAgo * 86_400_000).toISOString();
/** Mostly valid ratings, with the odd out-of-range one that must be refused. */
const rating = fc.oneof({ weight: 40, arbitrary: fc.integer({ min: 1, max: 5 }) }, fc.integer({ min: -1, max: 7 }));
const daysAgo = fc.double({ min: -10, max: 120, noNaN: true });

const checkIns = fc.array(
  fc.record({
    daysAgo,
    pressure: rating,
    energy: rating,
    supportRequested: fc.boolean(),
    visibility: fc.constantFrom('private', 'manager', 'team', 'team-anonymous'),
    answered: fc.boolean(),
    author: fc.oneof({ weight: 60, arbitrary: fc.constant('rep-1') }, fc.constant('rep-2')),
  }),
  { maxLength: 40 },
);
const logs = fc.array(
  fc.record({
    daysAgo,
    visibility: fc.constantFrom('private', 'manager', 'team'),
    learned: fc.option(fc.constantFrom('Ask earlier about budget', '   ', ''), { nil: undefined }),
  }),
  { maxLength: 30 },
);

describe('signals under any input', () => {
  it('returns valid signals or a validation error, never a crash, and managers see only what the rep allows', () => {
    let valid = 0;
    fc.assert(
      fc.property(
        checkIns,
        logs,
        fc.option(fc.array(daysAgo, { maxLength: 10 })),
        fc.boolean(),
        (cs, ls, ss, consent) => {
          const person = aPerson({ id: 'rep-1', privacy: { ...DEFAULT_PRIVACY, shareSignalsWithManagers: consent } });
          const input = {
            person,
            now: new Date(NOW).toISOString(),
            checkIns: cs.map((c, i) =>
              aCheckIn({
                id: `c${i}`,
                authorId: c.author,
                periodKey: '2026-11-02',
                pressure: c.pressure,
                energy: c.energy,
                supportRequested: c.supportRequested,
                visibility: c.visibility,
                answers: c.answered ? [{ promptId: 'p1', answer: 'It went fine' }] : [],
                submittedAt: at(c.daysAgo),
                updatedAt: at(c.daysAgo),
              }),
            ),
            logs: ls.map(({ daysAgo: d, ...l }, i) =>
              aLog({ id: `l${i}`, authorId: 'rep-1', occurredAt: at(d), ...l }),
            ),
            shares: ss?.map((d, i) => aShare({ id: `s${i}`, itemId: `x${i}`, ownerId: 'rep-1', sharedAt: at(d) })),
          };
          let result: ReturnType<typeof computeSignals>;
          try {
            result = computeSignals(input);
            valid++;
          } catch (error) {
            if (!isReboundError(error, 'validation')) throw error;
            return;
          }
          expect(personalSignalsSchema.safeParse(result).success).toBe(true);
          const view = signalsVisibleToManager(result, person);
          if (!consent) expect(view.signals.every((s) => s.kind === 'asked-for-support')).toBe(true);
          else expect(view.signals).toHaveLength(result.signals.length);
        },
      ),
      { numRuns: 300 },
    );
    // Most generated inputs are valid, so the signals themselves are exercised, not just the refusals.
    expect(valid).toBeGreaterThan(150);
  });

  it('answers anything at all with a result or a validation error', () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), (a, b) => {
        for (const call of [
          () => computeSignals(a),
          () => computeSignals({ person: aPerson({ id: 'rep-1' }), now: a, checkIns: b, logs: [] }),
          () => signalsVisibleToManager(a as never, b),
        ]) {
          try {
            call();
          } catch (error) {
            if (!isReboundError(error, 'validation')) throw error;
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
