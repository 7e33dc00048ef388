import { describe, expect, it } from 'vitest';
import { isReboundError } from '../../errors';
import type { InsightCountRow } from '../../store/port';
import { computeOrgInsights } from './org-insights';
import { aRow } from './test-rows';

const entries = { reasons: { price: 2, timing: 2 }, askedWhy: 2, checkIns: 1 };
function team(teamId: string, size: number, o: Parameters<typeof aRow>[1] = entries): InsightCountRow[] {
  return Array.from({ length: size }, (_, i) => aRow(`${teamId}-p${i + 1}`, { ...o, teamId }));
}
const teamsOf = (...ids: string[]) => ids.map((teamId) => ({ teamId }));

describe('computeOrgInsights', () => {
  it('reports each team and the total, counting a person in two teams once', () => {
    const shared = aRow('both', { ...entries, teamId: 'a' });
    const rows = [...team('a', 5), shared, ...team('b', 5), { ...shared, teamId: 'b' }];
    const org = computeOrgInsights({ teams: teamsOf('a', 'b'), rows, k: 5 });
    expect(org.teams.map((t) => t.teamId)).toEqual(['a', 'b']);
    expect(org.teams[0]?.figures.logs).toMatchObject({ value: 24, contributors: 6 });
    expect(org.total.logs).toMatchObject({ value: 44, contributors: 11 });
    expect(org.total.participation.value).toBe(1);
  });

  it('hides a second team’s figure when only one team is under k, so the small one cannot be subtracted out', () => {
    const rows = [...team('big', 9), ...team('mid', 6), ...team('small', 3)];
    const org = computeOrgInsights({ teams: teamsOf('big', 'mid', 'small'), rows, k: 5 });
    const [big, mid, small] = org.teams;
    expect(org.total.logs.value).toBe(72);
    expect(small?.figures.logs.hidden?.reason).toBe('too-few-contributors');
    expect(mid?.figures.logs.hidden?.reason).toBe('complementary');
    expect(big?.figures.logs.value).toBe(36);
    // Total minus the shown team is small + mid together: nine people, not the three.
    expect(org.total.logs.value! - big!.figures.logs.value!).toBe(36);
    expect(mid?.figures.askedWhy.hidden?.reason).toBe('complementary');
  });

  it('hides more teams while the hidden ones together rest on fewer than k people', () => {
    const rows = [...team('big', 9), ...team('mid', 8), ...team('tiny1', 2), ...team('tiny2', 2)];
    const org = computeOrgInsights({ teams: teamsOf('big', 'mid', 'tiny1', 'tiny2'), rows, k: 5 });
    const hidden = org.teams.filter((t) => t.figures.logs.hidden).map((t) => t.teamId);
    expect(hidden).toEqual(['mid', 'tiny1', 'tiny2']);
    expect(org.teams[1]?.figures.logs.hidden?.reason).toBe('complementary');
  });

  it('shows the total when small teams add up to k people, with every team hidden', () => {
    const rows = [...team('a', 2), ...team('b', 2), ...team('c', 2)];
    const org = computeOrgInsights({ teams: teamsOf('a', 'b', 'c'), rows, k: 5 });
    expect(org.teams.every((t) => t.figures.logs.hidden !== null)).toBe(true);
    expect(org.total.logs).toMatchObject({ value: 24, contributors: 6 });
  });

  it('hides the total too when the whole org is under k', () => {
    const org = computeOrgInsights({ teams: teamsOf('a', 'b'), rows: [...team('a', 2), ...team('b', 2)], k: 5 });
    expect(org.total.logs.hidden?.reason).toBe('too-few-contributors');
  });

  it('includes teams without rows, hidden', () => {
    const org = computeOrgInsights({ teams: teamsOf('a', 'empty', 'b'), rows: [...team('a', 6), ...team('b', 6)] });
    expect(org.teams[1]?.figures.logs.hidden?.reason).toBe('too-few-contributors');
    expect(org.teams[1]?.figures.participation.hidden).not.toBeNull();
  });

  it('guards each team’s change and the total’s change against one person joining', () => {
    const before = [...team('a', 6), ...team('b', 6)];
    const after = [...before, aRow('joiner', { ...entries, teamId: 'b' })];
    const org = computeOrgInsights({ teams: teamsOf('a', 'b'), rows: after, previousRows: before, k: 5 });
    expect(org.teams[0]?.figures.logs.change).toEqual({ value: 0, hidden: null });
    expect(org.teams[1]?.figures.logs.change?.hidden?.reason).toBe('contributors-changed');
    expect(org.total.logs.change?.hidden?.reason).toBe('contributors-changed');
  });

  it('never puts a person id in its output', () => {
    const rows = [...team('a', 7), ...team('b', 2), ...team('c', 5)];
    const text = JSON.stringify(computeOrgInsights({ teams: teamsOf('a', 'b', 'c'), rows, previousRows: rows }));
    for (const row of rows) expect(text).not.toContain(row.personId);
  });

  it('refuses rows of unlisted teams, duplicate teams, disagreeing rows of one person, and k below 3', () => {
    const paths = (input: unknown) => {
      try {
        computeOrgInsights(input);
        return ['accepted'];
      } catch (error) {
        return isReboundError(error, 'validation') ? error.fields.map((f) => f.path) : ['other error'];
      }
    };
    expect(paths({ teams: teamsOf('a'), rows: team('b', 1) })).toEqual(['rows.0.teamId']);
    expect(paths({ teams: teamsOf('a', 'a'), rows: [] })).toEqual(['teams.1.teamId']);
    const disagree = [
      aRow('x', { teamId: 'a', reasons: { price: 1 } }),
      aRow('x', { teamId: 'b', reasons: { price: 2 } }),
    ];
    expect(paths({ teams: teamsOf('a', 'b'), rows: disagree })).toEqual(['rows.1']);
    expect(paths({ teams: teamsOf('a'), rows: [], k: 2 })).toEqual(['k']);
    expect(paths({ teams: [], rows: [] })).toEqual(['teams']);
  });
});
