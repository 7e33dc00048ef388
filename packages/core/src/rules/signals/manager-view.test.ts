import { describe, expect, it } from 'vitest';
import { DEFAULT_PRIVACY } from '../../records/person';
import { aCheckIn, aPerson } from '../../testing/fixtures';
import { computeSignals } from './compute-signals';
import { signalsVisibleToManager } from './manager-view';

const NOW = '2026-11-24T03:00:00.000Z';
const ago = (days: number) => new Date(Date.parse(NOW) - days * 86_400_000).toISOString();
const consenting = aPerson({ id: 'rep-1', privacy: { ...DEFAULT_PRIVACY, shareSignalsWithManagers: true } });
const notConsenting = aPerson({ id: 'rep-1' });

function checkIns(supportRequested: boolean) {
  const days = [1, 6, 15, 22, 29, 36, 43];
  return days.map((d, i) =>
    aCheckIn({
      id: `c${i}`,
      authorId: 'rep-1',
      periodKey: ago(d).slice(0, 10),
      pressure: d < 14 ? 5 : 2,
      energy: d < 14 ? 1 : 4,
      supportRequested: supportRequested && d === 1,
      submittedAt: ago(d),
      updatedAt: ago(d),
    }),
  );
}

describe('signalsVisibleToManager', () => {
  it('shows a manager nothing when the rep has not chosen to share signals and did not ask for support', () => {
    const signals = computeSignals({ person: notConsenting, now: NOW, checkIns: checkIns(false), logs: [] });
    expect(signals.signals.map((s) => s.kind)).toEqual(['pressure-trend', 'energy-trend']);
    const view = signalsVisibleToManager(signals, notConsenting);
    expect(view.consent).toBe(false);
    expect(view.signals).toEqual([]);
  });

  it('shows only the support request when the rep asked for support without sharing signals', () => {
    const signals = computeSignals({ person: notConsenting, now: NOW, checkIns: checkIns(true), logs: [] });
    const view = signalsVisibleToManager(signals, notConsenting);
    expect(view.signals.map((s) => s.kind)).toEqual(['asked-for-support']);
    // Pressure and energy values never travel with the support signal.
    expect(view.signals[0]?.dataPoints.every((p) => p.measure === 'support-requested')).toBe(true);
  });

  it('shows every signal, worded for the manager, when the rep shares signals', () => {
    const signals = computeSignals({ person: consenting, now: NOW, checkIns: checkIns(true), logs: [] });
    const view = signalsVisibleToManager(signals, consenting);
    expect(view.consent).toBe(true);
    expect(view.signals.map((s) => s.kind)).toEqual(['asked-for-support', 'pressure-trend', 'energy-trend']);
    for (const s of view.signals) {
      expect(s.explanation.en).toMatch(/this member/i);
      expect(s.explanation.en).not.toMatch(/\byour\b/i);
      expect(s.explanation.ja).toContain('このメンバー');
      expect(s).not.toHaveProperty('explanationForManager');
    }
  });

  it('follows the consent the rep has now, not the one they had when the signals were computed', () => {
    const signals = computeSignals({ person: consenting, now: NOW, checkIns: checkIns(false), logs: [] });
    expect(signalsVisibleToManager(signals, notConsenting).signals).toEqual([]);
  });

  it('refuses to apply one rep’s consent to another rep’s signals', () => {
    const signals = computeSignals({ person: notConsenting, now: NOW, checkIns: checkIns(false), logs: [] });
    const someoneElse = aPerson({ id: 'rep-2', privacy: { ...DEFAULT_PRIVACY, shareSignalsWithManagers: true } });
    expect(() => signalsVisibleToManager(signals, someoneElse)).toThrow(
      expect.objectContaining({ code: 'validation' }),
    );
  });
});
