import { describe, expect, it } from 'vitest';
import { DEFAULT_PRIVACY } from '../../records/person';
import { createMemoryStore } from '../../store/memory-store';
import { aLog, aMembership, anOutcome, aPerson, aTeam } from '../../testing/fixtures';
import { insightCountsQuery, previousInsightPeriod, teamInsightPeriod } from './insight-periods';
import { computeTeamInsights } from './team-insights';

describe('team insights from a Store, end to end', () => {
  it('runs the period’s query on the store and turns the counts into figures and changes', async () => {
    const store = createMemoryStore();
    const team = aTeam({ id: 'tokyo-sales' });
    await store.putTeam(team);
    const reps = ['r1', 'r2', 'r3', 'r4', 'r5', 'r6'];
    for (const id of reps) {
      await store.putPerson(aPerson({ id }));
      await store.putMembership(aMembership({ teamId: team.id, personId: id }));
    }
    // r7 turned off "count me in team statistics"; the store leaves their entries out.
    await store.putPerson(aPerson({ id: 'r7', privacy: { ...DEFAULT_PRIVACY, countInTeamStats: false } }));
    await store.putMembership(aMembership({ teamId: team.id, personId: 'r7' }));
    await store.putMembership(aMembership({ teamId: team.id, personId: 'boss', role: 'manager' }));

    let n = 0;
    const log = async (authorId: string, occurredAt: string, askedWhy: boolean) => {
      n++;
      await store.putLog(aLog({ id: `log-${n}`, authorId, occurredAt, askedWhy, reason: n % 2 ? 'price' : 'timing' }));
      return `log-${n}`;
    };
    for (const id of reps) {
      await log(id, '2026-08-10T01:00:00Z', false); // previous quarter (FY2026 Q2)
      const logId = await log(id, '2026-11-10T01:00:00Z', true); // this quarter (FY2026 Q3)
      await log(id, '2026-11-12T01:00:00Z', id === 'r1');
      if (id === 'r2') await store.putOutcome(anOutcome({ id: 'o1', logId, authorId: id, kind: 'referral' }));
    }
    for (let i = 0; i < 5; i++) await log('r7', '2026-11-11T01:00:00Z', false);

    const period = teamInsightPeriod(team, 'fiscal-quarter', '2026-11-24T03:00:00Z');
    const previous = previousInsightPeriod(period);
    const rows = await store.insightCounts(insightCountsQuery({ tenantId: 'tenant-a', teamIds: [team.id], period }));
    const previousRows = await store.insightCounts(
      insightCountsQuery({ tenantId: 'tenant-a', teamIds: [team.id], period: previous }),
    );
    const { figures } = computeTeamInsights({ teamId: team.id, rows, previousRows, memberCount: 7 });

    expect(figures.logs).toMatchObject({ value: 12, contributors: 6 });
    expect(figures.askedWhy.value).toBe(0.5833);
    expect(figures.askedWhy.change).toEqual({ value: 0.5833, hidden: null });
    expect(figures.outcomes.referral.value).toBe(0.0833);
    expect(figures.participation.value).toBe(0.8571);
    expect(figures.reasons.price).toMatchObject({ count: 6, contributors: 6 });
    expect(figures.reasons.budget).toMatchObject({ count: 0, contributors: 0 });
  });
});
