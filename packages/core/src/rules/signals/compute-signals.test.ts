import { describe, expect, it } from 'vitest';
import { isReboundError } from '../../errors';
import type { CheckIn } from '../../records/check-in';
import type { RejectionLog } from '../../records/rejection-log';
import { aCheckIn, aLog, aPerson, aShare } from '../../testing/fixtures';
import { computeSignals } from './compute-signals';
import type { Signal } from './signal-schema';

const NOW = '2026-11-24T03:00:00.000Z'; // 12:00 in Tokyo
const rep = aPerson({ id: 'rep-1' });
const ago = (days: number) => new Date(Date.parse(NOW) - days * 86_400_000).toISOString();

let seq = 0;
function checkIn(daysAgo: number, pressure: number, energy: number, o: Partial<CheckIn> = {}): CheckIn {
  seq++;
  return aCheckIn({
    id: `c${seq}`,
    authorId: 'rep-1',
    periodKey: ago(daysAgo).slice(0, 10),
    pressure,
    energy,
    submittedAt: ago(daysAgo),
    updatedAt: ago(daysAgo),
    ...o,
  });
}
function log(daysAgo: number, o: Partial<RejectionLog> = {}): RejectionLog {
  seq++;
  return aLog({ id: `l${seq}`, authorId: 'rep-1', occurredAt: ago(daysAgo), ...o });
}
/** Weekly check-ins over the baseline weeks (15 to 64 days ago) with the given pressure and energy. */
function baselineWeeks(pressure: number, energy: number, o: Partial<CheckIn> = {}): CheckIn[] {
  return [15, 22, 29, 36, 43, 50, 57, 64].map((d) => checkIn(d, pressure, energy, o));
}
/** The signal type whose `kind` can be K (trend signals share one type for two kinds). */
type Of<K extends Signal['kind'], S = Signal> = S extends { kind: infer SK } ? (K extends SK ? S : never) : never;
function find<K extends Signal['kind']>(signals: Signal[], kind: K): Of<K> | undefined {
  return signals.find((s) => s.kind === kind) as Of<K> | undefined;
}

describe('computeSignals: pressure and energy against the rep’s own baseline', () => {
  it('sees pressure rising when the last two weeks sit above the rep’s usual level, and says so with numbers', () => {
    const checkIns = [...baselineWeeks(2, 3), checkIn(1, 4, 3), checkIn(8, 4, 3)];
    const { signals } = computeSignals({ person: rep, now: NOW, checkIns, logs: [] });
    const pressure = find(signals, 'pressure-trend')!;
    expect(pressure).toMatchObject({ trend: 'rising', baseline: 2, recent: 4, change: 2, level: 'attention' });
    expect(pressure.explanation.en).toContain('averaged 4.0');
    expect(pressure.explanation.en).toContain('usual level of 2.0');
    expect(pressure.explanation.ja).toContain('平均4.0');
    expect(pressure.dataPoints).toHaveLength(10);
    expect(pressure.dataPoints.filter((p) => p.window === 'recent').map((p) => p.value)).toEqual([4, 4]);
    expect(find(signals, 'energy-trend')).toMatchObject({ trend: 'steady', level: 'info' });
  });

  it('compares a rep only with themselves: a usually high pressure that stays high is steady', () => {
    const checkIns = [...baselineWeeks(4, 2), checkIn(1, 4, 2), checkIn(8, 4, 2)];
    const { signals } = computeSignals({ person: rep, now: NOW, checkIns, logs: [] });
    expect(find(signals, 'pressure-trend')).toMatchObject({ trend: 'steady', baseline: 4, recent: 4, level: 'info' });
  });

  it('marks falling energy for attention and rising energy as information', () => {
    const falling = computeSignals({
      person: rep,
      now: NOW,
      checkIns: [...baselineWeeks(3, 4), checkIn(2, 3, 2), checkIn(6, 3, 2)],
      logs: [],
    });
    expect(find(falling.signals, 'energy-trend')).toMatchObject({ trend: 'falling', level: 'attention' });
    const rising = computeSignals({
      person: rep,
      now: NOW,
      checkIns: [...baselineWeeks(3, 2), checkIn(2, 3, 4), checkIn(6, 3, 4)],
      logs: [],
    });
    expect(find(rising.signals, 'energy-trend')).toMatchObject({ trend: 'rising', level: 'info' });
  });

  it('says there is not enough data yet instead of guessing from a couple of check-ins', () => {
    const { signals } = computeSignals({
      person: rep,
      now: NOW,
      checkIns: [checkIn(1, 5, 1), checkIn(3, 5, 1)],
      logs: [],
    });
    const pressure = find(signals, 'pressure-trend')!;
    expect(pressure).toMatchObject({ trend: 'not-enough-data', baseline: null, change: null, level: 'info' });
    expect(pressure.explanation.en).toContain('not enough check-ins');
  });

  it('ignores check-ins older than the baseline weeks and those after now', () => {
    const old = [100, 110, 120].map((d) => checkIn(d, 1, 5));
    const future = checkIn(-2, 5, 1);
    const { signals } = computeSignals({
      person: rep,
      now: NOW,
      checkIns: [...old, future, ...baselineWeeks(3, 3), checkIn(1, 3, 3), checkIn(5, 3, 3)],
      logs: [],
    });
    const pressure = find(signals, 'pressure-trend')!;
    expect(pressure).toMatchObject({ trend: 'steady', baseline: 3, recent: 3 });
    expect(pressure.dataPoints.map((p) => p.itemId)).not.toContain(future.id);
  });
});

describe('computeSignals: the "must not be rejected" pattern', () => {
  /** Eight baseline weeks in which the rep shared and reflected, then two quiet weeks with higher pressure. */
  function withdrawingRep(recentSharing: 'shared' | 'private') {
    const baseline = baselineWeeks(2, 3, {
      visibility: 'manager',
      answers: [{ promptId: 'p-what-learned', answer: 'They need a pilot first' }],
    });
    const baselineLogs = [16, 23, 30, 37, 44].map((d) =>
      log(d, { visibility: 'team', learned: 'Ask about the budget cycle earlier' }),
    );
    const recentVisibility = recentSharing === 'shared' ? 'manager' : 'private';
    const recent = [
      checkIn(2, 4, 3, { visibility: recentVisibility }),
      checkIn(9, 4, 3, { visibility: recentVisibility }),
    ];
    const recentLogs = [log(3, { visibility: recentVisibility }), log(4, { visibility: recentVisibility })];
    return { checkIns: [...baseline, ...recent], logs: [...baselineLogs, ...recentLogs] };
  }

  it('appears when pressure rises while sharing and reflection both fall', () => {
    const { signals } = computeSignals({ person: rep, now: NOW, ...withdrawingRep('private') });
    const pattern = find(signals, 'must-not-be-rejected')!;
    expect(pattern.level).toBe('attention');
    expect(pattern.pressure).toEqual({ baseline: 2, recent: 4 });
    expect(pattern.sharingPerWeek.recent).toBe(0);
    expect(pattern.sharingPerWeek.baseline).toBeGreaterThan(1);
    expect(pattern.reflectionPerWeek.recent).toBe(0);
    expect(pattern.explanation.en).toContain('must not be rejected');
    expect(pattern.explanation.ja).toContain('断られてはいけない');
    expect(pattern.dataPoints.some((p) => p.measure === 'shared' && p.window === 'baseline')).toBe(true);
    expect(pattern.dataPoints.some((p) => p.measure === 'reflected' && p.window === 'baseline')).toBe(true);
  });

  it('does not appear when the rep keeps sharing, even with rising pressure', () => {
    const { signals } = computeSignals({ person: rep, now: NOW, ...withdrawingRep('shared') });
    expect(find(signals, 'pressure-trend')?.trend).toBe('rising');
    expect(find(signals, 'must-not-be-rejected')).toBeUndefined();
  });

  it('does not appear when pressure is not rising', () => {
    const data = withdrawingRep('private');
    const calm = data.checkIns.map((c) => ({ ...c, pressure: 2 }));
    const { signals } = computeSignals({ person: rep, now: NOW, checkIns: calm, logs: data.logs });
    expect(find(signals, 'must-not-be-rejected')).toBeUndefined();
  });

  it('counts sharing from the rep’s shares when they are given', () => {
    const data = withdrawingRep('private');
    // Shares keep flowing in the recent weeks, so sharing did not fall.
    const shares = [1, 3, 5, 20, 27, 34, 41].map((d, i) =>
      aShare({ id: `s${i}`, itemId: `x${i}`, ownerId: 'rep-1', sharedAt: ago(d) }),
    );
    const { signals } = computeSignals({ person: rep, now: NOW, ...data, shares });
    expect(find(signals, 'must-not-be-rejected')).toBeUndefined();
    const fewRecent = shares.filter((s) => s.sharedAt < ago(14));
    const again = computeSignals({ person: rep, now: NOW, ...data, shares: fewRecent });
    const pattern = find(again.signals, 'must-not-be-rejected')!;
    expect(pattern.dataPoints.filter((p) => p.itemKind === 'share')).toHaveLength(4);
  });
});

describe('computeSignals: asked for support', () => {
  it('raises a support signal for a request in the recent days, naming the local date of the latest one', () => {
    const checkIns = [checkIn(10, 3, 3, { supportRequested: true }), checkIn(1, 3, 3, { supportRequested: true })];
    const { signals } = computeSignals({ person: rep, now: NOW, checkIns, logs: [] });
    const support = find(signals, 'asked-for-support')!;
    expect(support.level).toBe('attention');
    expect(support.lastRequestedAt).toBe(ago(1));
    expect(support.explanation.en).toContain('2026-11-23');
    expect(support.explanation.ja).toContain('相談したい');
    expect(support.dataPoints).toHaveLength(2);
    expect(signals[0]?.kind).toBe('asked-for-support');
  });

  it('does not raise it for a request older than the recent days', () => {
    const { signals } = computeSignals({
      person: rep,
      now: NOW,
      checkIns: [checkIn(20, 3, 3, { supportRequested: true })],
      logs: [],
    });
    expect(find(signals, 'asked-for-support')).toBeUndefined();
  });
});

describe('computeSignals: input', () => {
  it('is deterministic and does not depend on the order of the items', () => {
    const checkIns = [...baselineWeeks(2, 3), checkIn(1, 4, 2), checkIn(8, 4, 2, { supportRequested: true })];
    const a = computeSignals({ person: rep, now: NOW, checkIns, logs: [] });
    const b = computeSignals({ person: rep, now: NOW, checkIns: [...checkIns].reverse(), logs: [] });
    expect(b).toEqual(a);
  });

  it('refuses items of another person with a validation error naming the item', () => {
    const other = aCheckIn({ id: 'x1', authorId: 'rep-2' });
    try {
      computeSignals({ person: rep, now: NOW, checkIns: [other], logs: [] });
      expect.unreachable();
    } catch (error) {
      expect(isReboundError(error, 'validation')).toBe(true);
      if (isReboundError(error)) expect(error.fields.map((f) => f.path)).toEqual(['checkIns.0']);
    }
  });

  it('refuses options outside their range', () => {
    expect(() => computeSignals({ person: rep, now: NOW, checkIns: [], logs: [], options: { recentDays: 2 } })).toThrow(
      expect.objectContaining({ code: 'validation' }),
    );
  });
});
