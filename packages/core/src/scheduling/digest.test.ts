import { describe, expect, it } from 'vitest';
import { isReboundError } from '../errors';
import { nextDigest } from './digest';
import { team } from './test-fixtures';

const NY = 'America/New_York';

describe('nextDigest', () => {
  it('is the team digest day and time in Tokyo, keyed by the ISO week it looks back on', () => {
    expect(nextDigest(team(), '2026-03-09T00:00:00Z')).toEqual({
      kind: 'digest',
      tenantId: 'tenant-1',
      teamId: 'team-1',
      periodKey: '2026-W11',
      weekStart: '2026-03-09',
      localDate: '2026-03-13',
      dueAt: '2026-03-13T07:00:00.000Z',
      key: 'digest:tenant-1:team-1:2026-W11',
    });
  });

  it('is due exactly at its time, and the following week one moment later', () => {
    expect(nextDigest(team(), '2026-03-13T07:00:00Z').periodKey).toBe('2026-W11');
    const next = nextDigest(team(), '2026-03-13T07:00:00.001Z');
    expect([next.periodKey, next.dueAt]).toEqual(['2026-W12', '2026-03-20T07:00:00.000Z']);
  });

  it('keeps 16:00 local in New York across the March and November changes', () => {
    const ny = team({ timeZone: NY });
    expect(nextDigest(ny, '2026-03-02T00:00:00Z').dueAt).toBe('2026-03-06T21:00:00.000Z');
    expect(nextDigest(ny, '2026-03-07T00:00:00Z').dueAt).toBe('2026-03-13T20:00:00.000Z');
    expect(nextDigest(ny, '2026-10-26T00:00:00Z').dueAt).toBe('2026-10-30T20:00:00.000Z');
    expect(nextDigest(ny, '2026-10-31T00:00:00Z').dueAt).toBe('2026-11-06T21:00:00.000Z');
  });

  it('finds a digest later the same local day in New York while UTC is already the next day', () => {
    const ny = team({ timeZone: NY, digestTime: '21:00' });
    // 2026-03-14T00:00Z is still Friday 13 March, 20:00 EDT, in New York.
    expect(nextDigest(ny, '2026-03-14T00:00:00Z')).toMatchObject({
      localDate: '2026-03-13',
      dueAt: '2026-03-14T01:00:00.000Z',
    });
  });

  it('looks back on the previous week when posted Monday to Thursday', () => {
    const monday = team({ digestDay: 1, digestTime: '09:00' });
    expect(nextDigest(monday, '2026-03-08T00:00:00Z')).toMatchObject({
      localDate: '2026-03-09',
      periodKey: '2026-W10',
      weekStart: '2026-03-02',
    });
  });

  it('names ISO week 2026-W53 across the year boundary', () => {
    expect(nextDigest(team(), '2026-12-30T00:00:00Z')).toMatchObject({
      localDate: '2027-01-01',
      periodKey: '2026-W53',
    });
    const monday = team({ digestDay: 1, digestTime: '09:00' });
    expect(nextDigest(monday, '2027-01-01T00:00:00Z')).toMatchObject({
      localDate: '2027-01-04',
      periodKey: '2026-W53',
      weekStart: '2026-12-28',
    });
  });

  it('gives every week its own key', () => {
    const keys = new Set<string>();
    let now = '2026-01-01T00:00:00.000Z';
    for (let i = 0; i < 60; i++) {
      const d = nextDigest(team({ timeZone: NY }), now);
      keys.add(d.key);
      now = new Date(Date.parse(d.dueAt) + 1).toISOString();
    }
    expect(keys.size).toBe(60);
  });

  it('answers a bad digest day with a validation error', () => {
    try {
      nextDigest(team({ digestDay: 8 }), '2026-03-09T00:00:00Z');
      expect.unreachable();
    } catch (error) {
      expect(isReboundError(error, 'validation')).toBe(true);
      expect((error as { fields: { path: string }[] }).fields.map((f) => f.path)).toEqual(['team.digestDay']);
    }
  });
});
