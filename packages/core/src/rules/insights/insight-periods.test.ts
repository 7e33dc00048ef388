import { describe, expect, it } from 'vitest';
import { aTeam } from '../../testing/fixtures';
import { insightCountsQuery, insightPeriod, previousInsightPeriod, teamInsightPeriod } from './insight-periods';

describe('insight periods on a team’s calendar', () => {
  it('finds the fiscal quarter (April start) and its instants in Tokyo', () => {
    const q = insightPeriod({ kind: 'fiscal-quarter', date: '2026-11-24', timeZone: 'Asia/Tokyo' });
    expect(q).toMatchObject({
      key: 'FY2026-Q3',
      startDate: '2026-10-01',
      endDate: '2027-01-01',
      from: '2026-09-30T15:00:00.000Z',
      to: '2026-12-31T15:00:00.000Z',
    });
    expect(q.label).toEqual({ en: 'FY2026 Q3', ja: '2026年度 第3四半期' });
    expect(previousInsightPeriod(q)).toMatchObject({
      key: 'FY2026-Q2',
      startDate: '2026-07-01',
      endDate: '2026-10-01',
    });
  });

  it('reads an instant on the team’s own clock: New Year’s Eve in New York is still the old fiscal year', () => {
    const team = aTeam({ id: 't', timeZone: 'America/New_York', fiscalYearStartMonth: 1 });
    const y = teamInsightPeriod(team, 'fiscal-year', '2026-01-01T03:00:00Z');
    expect(y).toMatchObject({ key: 'FY2025', startDate: '2025-01-01', endDate: '2026-01-01' });
    expect(y.to).toBe('2026-01-01T05:00:00.000Z');
    expect(previousInsightPeriod(y).key).toBe('FY2024');
  });

  it('uses ISO weeks starting on Monday, across a year boundary', () => {
    const w = insightPeriod({ kind: 'week', date: '2027-01-01', timeZone: 'Asia/Tokyo' });
    expect(w).toMatchObject({ key: '2026-W53', startDate: '2026-12-28', endDate: '2027-01-04' });
    expect(w.label.en).toBe('Week of 2026-12-28');
    expect(previousInsightPeriod(w)).toMatchObject({ key: '2026-W52', startDate: '2026-12-21' });
  });

  it('keeps a week whole across a daylight-saving change', () => {
    // Clocks fall back on Sunday 1 November 2026 in New York: that week is an hour longer.
    const w = insightPeriod({ kind: 'week', date: '2026-10-28', timeZone: 'America/New_York' });
    expect(w.from).toBe('2026-10-26T04:00:00.000Z');
    expect(w.to).toBe('2026-11-02T05:00:00.000Z');
    // And spring forward on Sunday 8 March: an hour shorter.
    const spring = insightPeriod({ kind: 'week', date: '2026-03-05', timeZone: 'America/New_York' });
    expect(Date.parse(spring.to) - Date.parse(spring.from)).toBe(7 * 86_400_000 - 3_600_000);
  });

  it('builds the Store query for the period', () => {
    const q = insightPeriod({ kind: 'fiscal-quarter', date: '2026-11-24', timeZone: 'Asia/Tokyo' });
    expect(insightCountsQuery({ tenantId: 'tenant-a', teamIds: ['t1', 't2', 't1'], period: q })).toEqual({
      tenantId: 'tenant-a',
      teamIds: ['t1', 't2'],
      from: q.from,
      to: q.to,
    });
  });

  it('refuses a period without a day, with both a day and an instant, or on an unknown zone', () => {
    const bad = [
      { kind: 'week', timeZone: 'Asia/Tokyo' },
      { kind: 'week', date: '2026-11-24', at: '2026-11-24T00:00:00Z', timeZone: 'Asia/Tokyo' },
      { kind: 'week', date: '2026-11-24', timeZone: 'Mars/Olympus' },
      { kind: 'month', date: '2026-11-24', timeZone: 'Asia/Tokyo' },
      { kind: 'fiscal-year', date: '2026-11-24', timeZone: 'Asia/Tokyo', fiscalYearStartMonth: 13 },
    ];
    for (const input of bad)
      expect(() => insightPeriod(input)).toThrow(expect.objectContaining({ code: 'validation' }));
    expect(() => insightCountsQuery({ tenantId: 'tenant-a', teamIds: [], period: { from: 'x', to: 'y' } })).toThrow(
      expect.objectContaining({ code: 'validation' }),
    );
  });
});
