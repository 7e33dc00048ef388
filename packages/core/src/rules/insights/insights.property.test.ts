import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isReboundError } from '../../errors';
import { REASON_CATEGORIES } from '../../records/enums';
import type { InsightCountRow } from '../../store/port';
import type { InsightFigure, InsightFigures } from './insight-figures';
import { insightPeriod, previousInsightPeriod } from './insight-periods';
import { computeOrgInsights } from './org-insights';
import { computeTeamInsights } from './team-insights';
import { aRow } from './test-rows';

const TEAMS = ['t-north', 't-south', 't-east', 't-west'];
const small = fc.integer({ min: 0, max: 4 });

/** Counts one person might have: mostly consistent, sometimes not (then the row must be refused, not crash). */
const personCounts = fc.record({
  reasons: fc.record(Object.fromEntries(REASON_CATEGORIES.map((r) => [r, small])) as Record<string, typeof small>),
  askedWhy: small,
  discovery: small,
  followUp: small,
  outcomes: fc.record({ reopened: small, 'won-later': small, referral: small, repeat: small, closed: small }),
  checkIns: small,
});

/** People with their counts and the teams they belong to (a few belong to two). */
const org = fc
  .array(fc.tuple(personCounts, fc.subarray(TEAMS, { minLength: 1, maxLength: 2 })), { maxLength: 40, size: 'max' })
  .map((people) =>
    people.flatMap(([counts, teams], i) =>
      teams.map((teamId) => {
        const row = aRow(`pid-${i}-z`, { ...counts, teamId });
        return row;
      }),
    ),
  );

function allFigures(f: InsightFigures): InsightFigure[] {
  return [
    f.participation,
    f.logs,
    f.checkIns,
    f.askedWhy,
    f.discovery,
    f.followUp,
    ...Object.values(f.outcomes),
    ...Object.values(f.reasons),
  ];
}

/** What any published set of figures must satisfy, whatever the input. */
function expectSafe(f: InsightFigures, k: number): void {
  for (const figure of allFigures(f)) {
    if (figure.hidden) {
      expect(figure).toMatchObject({ value: null, count: null, contributors: null });
      continue;
    }
    expect(Number.isFinite(figure.value)).toBe(true);
    if (figure.unit === 'share') expect(figure.value! >= 0 && figure.value! <= 1).toBe(true);
    // Shown figures rest on at least k people; the only exception is a reason no one met, shown as 0.
    if (figure.contributors! < k) expect(figure).toMatchObject({ count: 0, contributors: 0 });
  }
  // One hidden reason beside a shown total could be subtracted out.
  if (!f.logs.hidden) expect(REASON_CATEGORIES.filter((r) => f.reasons[r].hidden).length).not.toBe(1);
}

function loggers(rows: readonly InsightCountRow[], teamId: string): string[] {
  return rows.filter((r) => r.teamId === teamId && r.logs > 0).map((r) => r.personId);
}

describe('insights under any input', () => {
  it('computeTeamInsights returns safe figures or a validation error, never a crash', () => {
    fc.assert(
      fc.property(org, org, fc.option(fc.integer({ min: -1, max: 8 }), { nil: undefined }), (rows, previous, k) => {
        const input = {
          teamId: 't-north',
          rows: rows.filter((r) => r.teamId === 't-north'),
          previousRows: previous.filter((r) => r.teamId === 't-north'),
          k,
        };
        try {
          const result = computeTeamInsights(input);
          expectSafe(result.figures, result.k);
          expect(k === undefined || k >= 3).toBe(true);
        } catch (error) {
          if (!isReboundError(error, 'validation')) throw error;
        }
      }),
      { numRuns: 300 },
    );
  });

  it('computeOrgInsights protects every team against subtraction from the total', () => {
    fc.assert(
      fc.property(org, org, fc.integer({ min: 3, max: 6 }), (rows, previous, k) => {
        try {
          const result = computeOrgInsights({
            teams: TEAMS.map((teamId) => ({ teamId })),
            rows,
            previousRows: previous,
            k,
          });
          expectSafe(result.total, k);
          for (const t of result.teams) expectSafe(t.figures, k);
          const text = JSON.stringify(result);
          for (const r of rows) expect(text).not.toContain(r.personId);
          if (!result.total.logs.hidden) {
            // Subtracting the shown teams from the total yields the hidden teams together: they must be at least
            // two teams with people, and k people between them.
            const hiddenWithPeople = result.teams.filter(
              (t) => t.figures.logs.hidden && loggers(rows, t.teamId).length > 0,
            );
            if (hiddenWithPeople.length > 0) {
              expect(hiddenWithPeople.length).toBeGreaterThanOrEqual(2);
              const people = new Set(hiddenWithPeople.flatMap((t) => loggers(rows, t.teamId)));
              expect(people.size).toBeGreaterThanOrEqual(k);
            }
          }
        } catch (error) {
          if (!isReboundError(error, 'validation')) throw error;
        }
      }),
      { numRuns: 300 },
    );
  });

  it('answers anything at all with a result or a validation error', () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), (a, b) => {
        for (const call of [
          () => computeTeamInsights(a),
          () => computeOrgInsights(a),
          () => computeTeamInsights({ teamId: 't', rows: a, previousRows: b }),
          () => computeOrgInsights({ teams: [{ teamId: 't' }], rows: [a], k: b }),
          () => insightPeriod(a),
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

  it('periods follow each other without gaps on any calendar', () => {
    const zones = ['Asia/Tokyo', 'America/New_York', 'Europe/London', 'Australia/Lord_Howe', 'Nowhere/Special'];
    fc.assert(
      fc.property(
        fc.constantFrom('week', 'fiscal-quarter', 'fiscal-year', 'decade'),
        fc.date({ min: new Date('2000-01-01'), max: new Date('2060-12-31'), noInvalidDate: true }),
        fc.constantFrom(...zones),
        fc.integer({ min: 0, max: 13 }),
        (kind, at, timeZone, fiscalYearStartMonth) => {
          try {
            const p = insightPeriod({ kind, at: at.toISOString(), timeZone, fiscalYearStartMonth });
            expect(p.from < p.to).toBe(true);
            expect(at.toISOString() >= p.from && at.toISOString() < p.to).toBe(true);
            expect(previousInsightPeriod(p).to).toBe(p.from);
          } catch (error) {
            if (!isReboundError(error, 'validation')) throw error;
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
