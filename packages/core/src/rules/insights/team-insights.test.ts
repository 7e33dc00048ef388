import { describe, expect, it } from 'vitest';
import { isReboundError } from '../../errors';
import { REASON_CATEGORIES } from '../../records/enums';
import { computeTeamInsights } from './team-insights';
import { aRow, people } from './test-rows';

const steady = { reasons: { price: 2, timing: 1, competitor: 1 }, askedWhy: 3, discovery: 1, followUp: 2, checkIns: 2 };

describe('computeTeamInsights: figures', () => {
  it('computes rates over the period’s logs and participation over the members', () => {
    const rows = [...people(5, steady), aRow('p6'), aRow('p7', { checkIns: 1 })];
    const { figures } = computeTeamInsights({ teamId: 'team-a', rows, k: 5, memberCount: 8 });
    expect(figures.logs).toMatchObject({ unit: 'count', value: 20, contributors: 5, hidden: null });
    expect(figures.askedWhy).toMatchObject({ unit: 'share', value: 0.75, count: 15, contributors: 5 });
    expect(figures.discovery.value).toBe(0.25);
    expect(figures.followUp.value).toBe(0.5);
    expect(figures.reasons.price).toMatchObject({ value: 0.5, count: 10, contributors: 5 });
    expect(figures.checkIns).toMatchObject({ value: 11, contributors: 6 });
    // 6 of 8 members took part; the member who opted out is among the 8 but has no row.
    expect(figures.participation).toMatchObject({ value: 0.75, count: 6, contributors: 6 });
    expect(figures.logs.change).toBeNull();
  });

  it('reports later outcomes as shares of the period’s logs, leaving out "closed"', () => {
    const rows = people(5, { reasons: { timing: 4 }, outcomes: { reopened: 1, 'won-later': 2, closed: 1 } });
    const { figures } = computeTeamInsights({ teamId: 'team-a', rows });
    expect(figures.outcomes.reopened.value).toBe(0.25);
    expect(figures.outcomes['won-later'].value).toBe(0.5);
    expect(figures.outcomes.referral.value).toBe(0);
    expect(Object.keys(figures.outcomes)).toEqual(['reopened', 'won-later', 'referral', 'repeat']);
  });
});

describe('computeTeamInsights: the privacy threshold k', () => {
  it('hides every figure resting on fewer than k people, with the reason in both languages', () => {
    const rows = people(4, steady);
    const { figures } = computeTeamInsights({ teamId: 'team-a', rows, k: 5 });
    for (const f of [figures.logs, figures.askedWhy, figures.participation, figures.reasons.price]) {
      expect(f).toMatchObject({ value: null, count: null, contributors: null });
      expect(f.hidden?.reason).toBe('too-few-contributors');
      expect(f.hidden?.explanation.en).toContain('Fewer than 5 people');
      expect(f.hidden?.explanation.ja).toContain('5人未満');
    }
  });

  it('shows them from exactly k people on', () => {
    const { figures } = computeTeamInsights({ teamId: 'team-a', rows: people(5, steady), k: 5 });
    expect(figures.askedWhy).toMatchObject({ value: 0.75, contributors: 5, hidden: null });
  });

  it('counts distinct people, not entries: one busy rep does not make a figure safe', () => {
    const busy = aRow('p1', { reasons: { price: 50 }, askedWhy: 50 });
    const rows = [busy, ...people(3, { reasons: { timing: 1 } }, 'q')];
    const { figures } = computeTeamInsights({ teamId: 'team-a', rows, k: 5 });
    expect(figures.logs.hidden?.reason).toBe('too-few-contributors');
  });

  it('defaults k to 5 and accepts 3, but refuses k below 3', () => {
    expect(computeTeamInsights({ teamId: 'team-a', rows: people(4, steady) }).k).toBe(5);
    expect(computeTeamInsights({ teamId: 'team-a', rows: people(3, steady), k: 3 }).figures.logs.value).toBe(12);
    for (const k of [2, 1, 0, -5, 2.5]) {
      try {
        computeTeamInsights({ teamId: 'team-a', rows: people(5, steady), k });
        expect.unreachable();
      } catch (error) {
        expect(isReboundError(error, 'validation')).toBe(true);
        if (isReboundError(error)) expect(error.fields.map((f) => f.path)).toEqual(['k']);
      }
    }
  });
});

describe('computeTeamInsights: complementary cells', () => {
  it('hides the next-smallest reason too when only one reason is below k, so it cannot be subtracted out', () => {
    // Six people share every reason but "competitor", which only two of them met. Budget is the smallest other.
    const common = { price: 3, timing: 2, 'no-need': 2, trust: 2, 'decision-maker': 2, other: 2, budget: 1 };
    const rows = [
      ...people(4, { reasons: common }),
      aRow('p5', { reasons: { ...common, competitor: 1 } }),
      aRow('p6', { reasons: { ...common, competitor: 2 } }),
    ];
    const { figures } = computeTeamInsights({ teamId: 'team-a', rows, k: 5 });
    expect(figures.logs.value).toBe(87);
    expect(figures.reasons.competitor.hidden?.reason).toBe('too-few-contributors');
    expect(figures.reasons.budget.hidden?.reason).toBe('complementary');
    expect(figures.reasons.budget.hidden?.explanation.en).toContain('cannot be worked out from the total');
    const hidden = REASON_CATEGORIES.filter((r) => figures.reasons[r].hidden);
    expect(hidden).toEqual(['competitor', 'budget']);
    // Subtracting the shown reasons from the total now gives competitor and budget together, not competitor.
    const shown = REASON_CATEGORIES.map((r) => figures.reasons[r].count ?? 0).reduce((a, b) => a + b, 0);
    expect(87 - shown).toBe(3 + 6);
  });

  it('keeps hiding while the hidden cells together rest on fewer than k people', () => {
    // competitor and trust come from the same two people: hiding both cells would still let those two
    // people's logs be read from the total, so a cell resting on other people is hidden as well.
    const rows = [
      ...people(4, { reasons: { price: 2, timing: 2, budget: 1 } }),
      aRow('p5', { reasons: { price: 2, timing: 2, budget: 1, competitor: 1, trust: 1 } }),
      aRow('p6', { reasons: { price: 2, timing: 2, competitor: 1, trust: 1 } }),
    ];
    const k = 5;
    const { figures } = computeTeamInsights({ teamId: 'team-a', rows, k });
    const hidden = REASON_CATEGORIES.filter((r) => figures.reasons[r].hidden);
    expect(hidden).toContain('competitor');
    expect(hidden).toContain('trust');
    expect(figures.reasons.budget.hidden?.reason).toBe('complementary');
  });

  it('shows a reason no one met as 0 beside a shown total, and hides it with the total', () => {
    const shown = computeTeamInsights({ teamId: 'team-a', rows: people(5, { reasons: { price: 2 } }), k: 5 });
    expect(shown.figures.reasons.trust).toMatchObject({ value: 0, count: 0, contributors: 0, hidden: null });
    expect(shown.figures.reasons.price).toMatchObject({ value: 1, count: 10, hidden: null });
    const small = computeTeamInsights({ teamId: 'team-a', rows: people(4, { reasons: { price: 2 } }), k: 5 });
    expect(small.figures.reasons.trust.hidden?.reason).toBe('too-few-contributors');
  });

  it('needs no complementary cell when nothing is hidden', () => {
    const everyReason = Object.fromEntries(REASON_CATEGORIES.map((r) => [r, 1]));
    const { figures } = computeTeamInsights({ teamId: 'team-a', rows: people(5, { reasons: everyReason }), k: 5 });
    expect(REASON_CATEGORIES.every((r) => figures.reasons[r].hidden === null)).toBe(true);
  });
});

describe('computeTeamInsights: change against the previous period', () => {
  const before = people(6, { reasons: { price: 2, timing: 2 }, askedWhy: 2, checkIns: 1 });
  const after = people(6, { reasons: { price: 2, timing: 2 }, askedWhy: 3, checkIns: 1 });

  it('shows the change when the same people are behind both periods', () => {
    const { figures } = computeTeamInsights({ teamId: 'team-a', rows: after, previousRows: before, k: 5 });
    expect(figures.askedWhy.change).toEqual({ value: 0.25, hidden: null });
    expect(figures.logs.change).toEqual({ value: 0, hidden: null });
  });

  it('hides the change when one person joined between the periods', () => {
    const joined = [...after, aRow('newcomer', { reasons: { price: 9 }, askedWhy: 9 })];
    const { figures } = computeTeamInsights({ teamId: 'team-a', rows: joined, previousRows: before, k: 5 });
    expect(figures.logs.value).toBe(33);
    expect(figures.logs.change?.hidden?.reason).toBe('contributors-changed');
    expect(figures.logs.change?.value).toBeNull();
    expect(figures.askedWhy.change?.hidden?.explanation.ja).toContain('入れ替わりました');
  });

  it('hides the change when one person left between the periods', () => {
    const left = after.slice(1);
    const { figures } = computeTeamInsights({ teamId: 'team-a', rows: left, previousRows: before, k: 5 });
    expect(figures.askedWhy.value).not.toBeNull();
    expect(figures.askedWhy.change?.hidden?.reason).toBe('contributors-changed');
  });

  it('hides the change when someone stayed but stopped logging, since that too changes who is behind it', () => {
    const quiet = [...after.slice(0, 5), aRow('p6', { checkIns: 1 })];
    const { figures } = computeTeamInsights({ teamId: 'team-a', rows: quiet, previousRows: before, k: 5 });
    expect(figures.logs.change?.hidden?.reason).toBe('contributors-changed');
    // The check-ins rest on the same six people, so their change is shown.
    expect(figures.checkIns.change).toEqual({ value: 0, hidden: null });
  });

  it('shows the change again when at least k people changed', () => {
    const newTeam = people(6, { reasons: { price: 1 }, askedWhy: 1 }, 'n');
    const { figures } = computeTeamInsights({ teamId: 'team-a', rows: newTeam, previousRows: before, k: 5 });
    expect(figures.askedWhy.change).toEqual({ value: 0.5, hidden: null });
  });

  it('hides the change when the previous period was under k', () => {
    const { figures } = computeTeamInsights({ teamId: 'team-a', rows: after, previousRows: before.slice(0, 4), k: 3 });
    expect(figures.logs.change?.hidden?.reason).toBe('contributors-changed');
    const small = computeTeamInsights({ teamId: 'team-a', rows: after, previousRows: before.slice(0, 4), k: 5 });
    expect(small.figures.logs.change?.hidden?.reason).toBe('previous-hidden');
    const empty = computeTeamInsights({ teamId: 'team-a', rows: after, previousRows: [], k: 5 });
    expect(empty.figures.logs.change?.hidden?.reason).toBe('previous-hidden');
  });

  it('hides the change when this period is under k', () => {
    const { figures } = computeTeamInsights({ teamId: 'team-a', rows: after.slice(0, 4), previousRows: before, k: 5 });
    expect(figures.logs.change?.hidden?.reason).toBe('current-hidden');
  });
});

describe('computeTeamInsights: no one is singled out', () => {
  it('never puts a person id in its output', () => {
    const rows = [...people(6, steady, 'person-secret-'), aRow('lonely-person', { reasons: { trust: 1 } })];
    const result = computeTeamInsights({ teamId: 'team-a', rows, previousRows: rows.slice(1), k: 5 });
    const text = JSON.stringify(result);
    for (const row of rows) expect(text).not.toContain(row.personId);
  });
});

describe('computeTeamInsights: bad input', () => {
  const invalid = (input: unknown) => {
    try {
      computeTeamInsights(input);
    } catch (error) {
      return isReboundError(error, 'validation') ? error.fields.map((f) => f.path) : ['not a validation error'];
    }
    return ['accepted'];
  };

  it('refuses rows of another team, a person twice, and counts that cannot be true', () => {
    expect(invalid({ teamId: 'team-a', rows: [aRow('p1', { teamId: 'team-b' })] })).toEqual(['rows.0.teamId']);
    expect(invalid({ teamId: 'team-a', rows: [aRow('p1'), aRow('p1')] })).toEqual(['rows.1.personId']);
    expect(invalid({ teamId: 'team-a', rows: [aRow('p1', { reasons: { price: 1 }, askedWhy: 2 })] })).toEqual([
      'rows.0.askedWhy',
    ]);
    expect(invalid({ teamId: 'team-a', rows: [{ ...aRow('p1', { reasons: { price: 1 } }), logs: 3 }] })).toEqual([
      'rows.0.reasons',
    ]);
    expect(invalid({ teamId: 'team-a', rows: people(5), memberCount: 4 })).toEqual(['memberCount']);
    expect(invalid({ teamId: 'team-a', rows: 'all of them' })).toEqual(['rows']);
  });
});
