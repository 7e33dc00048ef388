import type { Localized } from '../../i18n/catalog';
import { REASON_CATEGORIES, type ReasonCategory } from '../../records/enums';
import type { CellKey, HiddenReason, Population, ShownOutcome } from './insight-cells';
import { SHOWN_OUTCOMES } from './insight-cells';
import { insightText } from './insight-messages';

export type ChangeHiddenReason = 'current-hidden' | 'previous-hidden' | 'contributors-changed';

export interface InsightChange {
  /** This period's value minus the previous one's (shares in fractions: 0.05 = 5 points); null when hidden. */
  value: number | null;
  hidden: { reason: ChangeHiddenReason; explanation: Localized } | null;
}

/** One published figure. Hidden figures show neither their value, their count nor their contributors. */
export interface InsightFigure {
  /** `count`: a number of items or people; `share`: a fraction from 0 to 1. */
  unit: 'count' | 'share';
  value: number | null;
  /** The count behind the value (the numerator of a share). */
  count: number | null;
  /** Distinct people the figure rests on; at least `k` whenever the figure is shown. */
  contributors: number | null;
  hidden: { reason: HiddenReason; explanation: Localized } | null;
  /** Against the previous period; null when no previous period was given. */
  change: InsightChange | null;
}

export interface InsightFigures {
  /** Share of members who logged a rejection or checked in. */
  participation: InsightFigure;
  logs: InsightFigure;
  checkIns: InsightFigure;
  /** Shares of the period's rejection logs. */
  askedWhy: InsightFigure;
  discovery: InsightFigure;
  followUp: InsightFigure;
  /** Share of the period's logs that later had each outcome. */
  outcomes: Record<ShownOutcome, InsightFigure>;
  /** Share of the period's logs with each reason. */
  reasons: Record<ReasonCategory, InsightFigure>;
}

type FigureKey = 'participation' | Exclude<CellKey, 'participants'>;

interface RawFigure {
  unit: 'count' | 'share';
  value: number;
  count: number;
  contributors: ReadonlySet<string>;
  hidden: HiddenReason | null;
}

function rawFigure(population: Population, key: FigureKey): RawFigure {
  const { cells } = population;
  if (key === 'participation') {
    const c = cells.participants;
    const value = population.members > 0 ? c.count / population.members : 0;
    return { unit: 'share', value, count: c.count, contributors: c.contributors, hidden: c.hidden };
  }
  const c = cells[key];
  if (key === 'logs' || key === 'checkIns') {
    return { unit: 'count', value: c.count, count: c.count, contributors: c.contributors, hidden: c.hidden };
  }
  // A share is shown only when both its numerator and the logs it divides by are.
  const logs = cells.logs;
  const value = logs.count > 0 ? c.count / logs.count : 0;
  return { unit: 'share', value, count: c.count, contributors: c.contributors, hidden: c.hidden ?? logs.hidden };
}

function figure(current: Population, previous: Population | undefined, key: FigureKey, k: number): InsightFigure {
  const now = rawFigure(current, key);
  const hidden = now.hidden ? { reason: now.hidden, explanation: insightText(`hidden.${now.hidden}`, { k }) } : null;
  return {
    unit: now.unit,
    value: hidden ? null : round(now.value),
    count: hidden ? null : now.count,
    contributors: hidden ? null : now.contributors.size,
    hidden,
    change: previous ? change(now, rawFigure(previous, key), k) : null,
  };
}

/**
 * A change is shown only when both periods' figures are, and the people behind them are the same or differ by
 * at least `k`: a difference of one to k-1 people would let their entries be read from the change.
 */
function change(now: RawFigure, before: RawFigure, k: number): InsightChange {
  const hide = (reason: ChangeHiddenReason): InsightChange => ({
    value: null,
    hidden: { reason, explanation: insightText(`change.${reason}`, { k }) },
  });
  if (now.hidden) return hide('current-hidden');
  if (before.hidden) return hide('previous-hidden');
  const differ = symmetricDifference(now.contributors, before.contributors, k);
  if (differ > 0 && differ < k) return hide('contributors-changed');
  return { value: round(now.value - before.value), hidden: null };
}

/** |a Δ b|, counted only up to `limit`. */
function symmetricDifference(a: ReadonlySet<string>, b: ReadonlySet<string>, limit: number): number {
  let n = 0;
  for (const x of a) if (!b.has(x) && ++n >= limit) return n;
  for (const x of b) if (!a.has(x) && ++n >= limit) return n;
  return n;
}

function round(n: number): number {
  return Math.round(n * 10_000) / 10_000;
}

export function figuresOf(current: Population, previous: Population | undefined, k: number): InsightFigures {
  const f = (key: FigureKey) => figure(current, previous, key, k);
  return {
    participation: f('participation'),
    logs: f('logs'),
    checkIns: f('checkIns'),
    askedWhy: f('askedWhy'),
    discovery: f('discovery'),
    followUp: f('followUp'),
    outcomes: Object.fromEntries(SHOWN_OUTCOMES.map((o) => [o, f(`outcome:${o}`)])) as Record<
      ShownOutcome,
      InsightFigure
    >,
    reasons: Object.fromEntries(REASON_CATEGORIES.map((r) => [r, f(`reason:${r}`)])) as Record<
      ReasonCategory,
      InsightFigure
    >,
  };
}
