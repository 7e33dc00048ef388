import { addDays, localDateOf, startOfLocalDay } from '../../calendar/calendar';
import { parseInput } from '../../errors';
import type { CheckIn } from '../../records/check-in';
import type { RejectionLog } from '../../records/rejection-log';
import type { Share } from '../../records/share';
import { signalText } from './signal-messages';
import {
  type AskedForSupportSignal,
  type MustNotBeRejectedSignal,
  type PersonalSignals,
  type Signal,
  type SignalDataPoint,
  type SignalOptions,
  signalsInputSchema,
  type Trend,
  type TrendSignal,
} from './signal-schema';

type Window = SignalDataPoint['window'];

/** A trend needs this many of the rep's own check-ins in each window before it says anything. */
const MIN_BASELINE_CHECK_INS = 3;
const MIN_RECENT_CHECK_INS = 2;
/** Sharing or reflection "falls" when the weekly rate drops to two thirds of the rep's own baseline or less. */
const FALL_RATIO = 2 / 3;
/** Fewer events than this in the baseline is too little to call a fall. */
const MIN_BASELINE_EVENTS = 2;
const WEEK_MS = 7 * 86_400_000;

interface Windows {
  now: string;
  recentStart: string;
  baselineStart: string;
  of(at: string): Window | null;
}

/**
 * The rep's personal signals, for the rep to see first: baseline and trend of pressure and energy (against the
 * rep's own earlier check-ins, never other people), the "must not be rejected" pattern, and a support request.
 * Each signal carries its explanation and the data points it used. Deterministic for the same input.
 */
export function computeSignals(input: unknown): PersonalSignals {
  const { person, now, checkIns, logs, shares, options } = parseInput(signalsInputSchema, input);
  const tz = person.timeZone;
  const today = localDateOf(now, tz);
  const recentStart = startOfLocalDay(addDays(today, -(options.recentDays - 1)), tz);
  const baselineStart = startOfLocalDay(addDays(today, -(options.recentDays + options.baselineDays - 1)), tz);
  const windows: Windows = {
    now,
    recentStart,
    baselineStart,
    of: (at) => (at > now || at < baselineStart ? null : at >= recentStart ? 'recent' : 'baseline'),
  };
  const ordered = [...checkIns].sort((a, b) => compare(a.submittedAt, b.submittedAt) || compare(a.id, b.id));

  const pressure = trendSignal('pressure', ordered, windows, options);
  const energy = trendSignal('energy', ordered, windows, options);
  const signals: Signal[] = [];
  const support = askedForSupport(ordered, windows, tz);
  if (support) signals.push(support);
  const pattern = mustNotBeRejected(pressure, ordered, logs, shares, windows, options);
  if (pattern) signals.push(pattern);
  signals.push(pressure, energy);
  return { personId: person.id, asOf: now, signals };
}

function trendSignal(
  measure: 'pressure' | 'energy',
  checkIns: readonly CheckIn[],
  windows: Windows,
  options: SignalOptions,
): TrendSignal {
  const dataPoints: SignalDataPoint[] = [];
  for (const c of checkIns) {
    const window = windows.of(c.submittedAt);
    if (window)
      dataPoints.push({ itemKind: 'check-in', itemId: c.id, at: c.submittedAt, measure, value: c[measure], window });
  }
  const baselineValues = dataPoints.filter((p) => p.window === 'baseline').map((p) => p.value);
  const recentValues = dataPoints.filter((p) => p.window === 'recent').map((p) => p.value);
  const enough = baselineValues.length >= MIN_BASELINE_CHECK_INS && recentValues.length >= MIN_RECENT_CHECK_INS;
  const baseline = enough ? round1(mean(baselineValues)) : null;
  const recent = recentValues.length > 0 ? round1(mean(recentValues)) : null;
  let trend: Trend = 'not-enough-data';
  let change: number | null = null;
  if (enough && baseline !== null && recent !== null) {
    change = round1(mean(recentValues) - mean(baselineValues));
    const moved = mean(recentValues) - mean(baselineValues);
    trend = moved >= options.trendThreshold ? 'rising' : moved <= -options.trendThreshold ? 'falling' : 'steady';
  }
  const params = {
    days: options.recentDays,
    weeks: Math.max(2, Math.round(options.baselineDays / 7)),
    recent: fmt(recent),
    baseline: fmt(baseline),
  };
  const worrying = measure === 'pressure' ? trend === 'rising' : trend === 'falling';
  return {
    kind: measure === 'pressure' ? 'pressure-trend' : 'energy-trend',
    level: worrying ? 'attention' : 'info',
    explanation: signalText(`rep.${measure}.${trend}`, params),
    explanationForManager: signalText(`manager.${measure}.${trend}`, params),
    dataPoints,
    baseline,
    recent,
    change,
    trend,
  };
}

function askedForSupport(
  checkIns: readonly CheckIn[],
  windows: Windows,
  timeZone: string,
): AskedForSupportSignal | null {
  const asked = checkIns.filter((c) => c.supportRequested && windows.of(c.submittedAt) === 'recent');
  const last = asked.at(-1);
  if (!last) return null;
  const params = { date: localDateOf(last.submittedAt, timeZone) };
  return {
    kind: 'asked-for-support',
    level: 'attention',
    explanation: signalText('rep.asked-for-support', params),
    explanationForManager: signalText('manager.asked-for-support', params),
    dataPoints: asked.map((c) => ({
      itemKind: 'check-in',
      itemId: c.id,
      at: c.submittedAt,
      measure: 'support-requested',
      value: 1,
      window: 'recent',
    })),
    lastRequestedAt: last.submittedAt,
  };
}

/** Pressure rising while both sharing and reflection fall, each against the rep's own baseline weeks. */
function mustNotBeRejected(
  pressure: TrendSignal,
  checkIns: readonly CheckIn[],
  logs: readonly RejectionLog[],
  shares: readonly Share[] | undefined,
  windows: Windows,
  options: SignalOptions,
): MustNotBeRejectedSignal | null {
  if (pressure.trend !== 'rising' || pressure.baseline === null || pressure.recent === null) return null;
  // The baseline only spans weeks in which the rep was already using Rebound.
  const seen = [
    windows.recentStart,
    ...checkIns.map((c) => c.submittedAt),
    ...logs.map((l) => l.occurredAt),
    ...(shares ?? []).map((s) => s.sharedAt),
  ].sort();
  const baselineFrom = [seen[0]!, windows.baselineStart].sort()[1]!;
  const baselineWeeks = (Date.parse(windows.recentStart) - Date.parse(baselineFrom)) / WEEK_MS;
  if (baselineWeeks < 2) return null;
  const recentWeeks = options.recentDays / 7;

  const shared = sharingPoints(checkIns, logs, shares, windows);
  const reflected = reflectionPoints(checkIns, logs, windows);
  const rates = (points: SignalDataPoint[]) => {
    const before = points.filter((p) => p.window === 'baseline').length;
    const now = points.filter((p) => p.window === 'recent').length;
    return { count: before, baseline: before / baselineWeeks, recent: now / recentWeeks };
  };
  const sharing = rates(shared);
  const reflection = rates(reflected);
  const fell = (r: { count: number; baseline: number; recent: number }) =>
    r.count >= MIN_BASELINE_EVENTS && r.recent <= r.baseline * FALL_RATIO;
  if (!fell(sharing) || !fell(reflection)) return null;

  const sharingPerWeek = { baseline: round1(sharing.baseline), recent: round1(sharing.recent) };
  const reflectionPerWeek = { baseline: round1(reflection.baseline), recent: round1(reflection.recent) };
  const params = {
    pressureBefore: fmt(pressure.baseline),
    pressureNow: fmt(pressure.recent),
    sharedBefore: fmt(sharingPerWeek.baseline),
    sharedNow: fmt(sharingPerWeek.recent),
    reflectedBefore: fmt(reflectionPerWeek.baseline),
    reflectedNow: fmt(reflectionPerWeek.recent),
  };
  return {
    kind: 'must-not-be-rejected',
    level: 'attention',
    explanation: signalText('rep.must-not-be-rejected', params),
    explanationForManager: signalText('manager.must-not-be-rejected', params),
    dataPoints: [...pressure.dataPoints, ...shared, ...reflected],
    pressure: { baseline: pressure.baseline, recent: pressure.recent },
    sharingPerWeek,
    reflectionPerWeek,
  };
}

/** Acts of sharing: the rep's shares when given, else items whose visibility is wider than "only me". */
function sharingPoints(
  checkIns: readonly CheckIn[],
  logs: readonly RejectionLog[],
  shares: readonly Share[] | undefined,
  windows: Windows,
): SignalDataPoint[] {
  const points: SignalDataPoint[] = [];
  const add = (itemKind: SignalDataPoint['itemKind'], itemId: string, at: string) => {
    const window = windows.of(at);
    if (window) points.push({ itemKind, itemId, at, measure: 'shared', value: 1, window });
  };
  if (shares) {
    for (const s of shares) add('share', s.id, s.sharedAt);
  } else {
    for (const l of logs) if (l.visibility !== 'private') add('log', l.id, l.occurredAt);
    for (const c of checkIns) if (c.visibility !== 'private') add('check-in', c.id, c.submittedAt);
  }
  return points.sort(byTime);
}

/** Reflection: a check-in with an answered question or a note, or a log with a discovery or a lesson. */
function reflectionPoints(
  checkIns: readonly CheckIn[],
  logs: readonly RejectionLog[],
  windows: Windows,
): SignalDataPoint[] {
  const points: SignalDataPoint[] = [];
  const add = (itemKind: SignalDataPoint['itemKind'], itemId: string, at: string) => {
    const window = windows.of(at);
    if (window) points.push({ itemKind, itemId, at, measure: 'reflected', value: 1, window });
  };
  for (const c of checkIns)
    if (c.note || c.answers.some((a) => a.answer !== null)) add('check-in', c.id, c.submittedAt);
  for (const l of logs) if (l.learned || l.discovery) add('log', l.id, l.occurredAt);
  return points.sort(byTime);
}

function byTime(a: SignalDataPoint, b: SignalDataPoint): number {
  return compare(a.at, b.at) || compare(a.itemId, b.itemId);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function mean(values: readonly number[]): number {
  return values.reduce((sum, v) => sum + v, 0) / values.length;
}

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}

function fmt(n: number | null): string {
  return n === null ? '-' : n.toFixed(1);
}
