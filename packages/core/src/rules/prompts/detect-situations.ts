import { BoundedMap } from '../../cache/bounded-map';
import {
  addDays,
  daysBetween,
  daysLeftInFiscalQuarter,
  fiscalQuarterOf,
  startOfIsoWeek,
} from '../../calendar/calendar';
import { dateOfDayNumber, dayNumberOf, localDayNumber } from '../../calendar/local-days';
import type { MessageParams } from '../../i18n/catalog';
import type { LocalDate } from '../../records/primitives';
import type { RejectionLog } from '../../records/rejection-log';
import { promptReasons } from './prompt-reasons';
import type { ParsedSelectionContext } from './selection-context';
import type { DetectedSituation, PromptSituation } from './situations';

/** Tunables of the detectors, named so that the reasons and the tests speak of the same numbers. */
export const SITUATION_RULES = {
  /** Rejections within today and yesterday (the rep's local days) that make a streak. */
  streakLogs: 3,
  streakDays: 2,
  /** Consecutive weekly rises of the average pressure rating. */
  pressureRisingWeeks: 2,
  /** A check-in counts as "the latest" for energy and feeling off track only this recently. */
  latestCheckInDays: 14,
  lowEnergyAtMost: 2,
  /** Low energy shapes the questions only while that check-in is this recent. */
  lowEnergyWithinDays: 7,
  offTrackAtMost: 2,
  strongPeriodRating: 5,
  /** How far back a "very strong" rating still explains feeling off track now. */
  strongPeriodLookbackDays: 120,
  /** A log this recent still shapes a check-in's questions. */
  recentLogDays: 7,
  quietDays: 10,
  backFromAwayDays: 7,
  quarterEndDays: 10,
} as const;

interface Dated<T> {
  item: T;
  /** The rep's local day (days since 1970-01-01). */
  day: number;
  daysAgo: number;
  at: number;
}

function dated<T>(item: T, instant: string, today: number, timeZone: string): Dated<T> {
  const at = Date.parse(instant);
  const day = localDayNumber(at, timeZone);
  return { item, day, daysAgo: today - day, at };
}

function situation(id: PromptSituation, evidence: MessageParams = {}): DetectedSituation {
  return {
    id,
    reason: { ja: promptReasons.t('ja', id, evidence), en: promptReasons.t('en', id, evidence) },
    evidence,
  };
}

/**
 * The situations that apply, most important first, always ending with `default`. After logging a
 * rejection only the log-related ones are considered, so the acknowledgement speaks about that log.
 */
export function detectSituations(
  ctx: ParsedSelectionContext,
  todayDate: LocalDate,
  today: number = localDayNumber(ctx.now, ctx.timeZone),
): DetectedSituation[] {
  const tz = ctx.timeZone;
  const now = Date.parse(ctx.now);
  const logs = [...ctx.recentLogs];
  if (ctx.trigger.kind === 'log') {
    const triggerLog = ctx.trigger.log;
    if (!logs.some((l) => l.id === triggerLog.id)) logs.push(triggerLog);
  }
  // Records dated after today (a skewed clock) are left out.
  const datedLogs = logs
    .map((l) => dated(l, l.occurredAt, today, tz))
    .filter((d) => d.daysAgo >= 0 && d.at <= now + 86_400_000)
    .sort((a, b) => b.at - a.at);
  const datedCheckIns = ctx.recentCheckIns
    .map((c) => dated(c, c.submittedAt, today, tz))
    .filter((d) => d.daysAgo >= 0 && d.at <= now + 86_400_000)
    .sort((a, b) => b.at - a.at);

  const found: DetectedSituation[] = [];
  const streak = datedLogs.filter((d) => d.daysAgo < SITUATION_RULES.streakDays).length;
  if (streak >= SITUATION_RULES.streakLogs) found.push(situation('rejection-streak', { count: streak }));

  if (ctx.trigger.kind === 'log') {
    addLogSituations(found, ctx.trigger.log);
    found.push(situation('just-logged'));
    found.push(situation('default'));
    return found;
  }

  const latest = datedCheckIns[0];
  const latestIsRecent = latest !== undefined && latest.daysAgo <= SITUATION_RULES.latestCheckInDays;
  if (latest && latestIsRecent && (latest.item.onTrack ?? 5) <= SITUATION_RULES.offTrackAtMost) {
    const strong = datedCheckIns.some(
      (d) =>
        d.at <= latest.at &&
        d.daysAgo <= SITUATION_RULES.strongPeriodLookbackDays &&
        d.item.lastPeriodRating === SITUATION_RULES.strongPeriodRating,
    );
    if (strong) found.push(situation('strong-then-off-track', { onTrack: latest.item.onTrack ?? 0 }));
  }

  const risingWeeks = weeksOfRisingPressure(datedCheckIns, today);
  if (risingWeeks >= SITUATION_RULES.pressureRisingWeeks) {
    found.push(situation('pressure-rising', { weeks: risingWeeks }));
  }

  if (
    latest &&
    latest.daysAgo <= SITUATION_RULES.lowEnergyWithinDays &&
    latest.item.energy <= SITUATION_RULES.lowEnergyAtMost
  ) {
    found.push(situation('running-low', { energy: latest.item.energy }));
  }

  const latestLog = datedLogs[0];
  if (latestLog && latestLog.daysAgo <= SITUATION_RULES.recentLogDays) addLogSituations(found, latestLog.item);

  const away = ctx.schedule?.outOfOffice
    .filter((r) => r.to < todayDate && daysBetween(r.to, todayDate) <= SITUATION_RULES.backFromAwayDays)
    .sort((a, b) => (a.to < b.to ? 1 : -1))[0];
  if (away) {
    found.push(situation('back-from-away', { awayUntil: away.to }));
  } else if (isQuiet(datedLogs, datedCheckIns, ctx, today)) {
    found.push(situation('quiet-spell'));
  }

  const quarter = quarterPosition(todayDate, ctx.fiscalYearStartMonth);
  if (quarter.daysLeft <= SITUATION_RULES.quarterEndDays) {
    found.push(situation('quarter-end', { endDate: quarter.lastDay, daysLeft: quarter.daysLeft }));
  }

  found.push(situation('default'));
  return found;
}

// The calendar answers are the same for every rep on a given day, so they are remembered (bounded).
const quarterMemo = new BoundedMap<string, { daysLeft: number; lastDay: LocalDate }>(5000);
function quarterPosition(today: LocalDate, startMonth: number) {
  return quarterMemo.getOrSet(`${today}|${startMonth}`, () => ({
    daysLeft: daysLeftInFiscalQuarter(today, startMonth),
    lastDay: addDays(fiscalQuarterOf(today, startMonth).end, -1),
  }));
}

/** Day number of the Monday of the ISO week containing `day`. */
const mondayMemo = new BoundedMap<number, number>(50_000);
function mondayOf(day: number): number {
  return mondayMemo.getOrSet(day, () => dayNumberOf(startOfIsoWeek(dateOfDayNumber(day))));
}

function addLogSituations(found: DetectedSituation[], log: RejectionLog): void {
  if (log.askedWhy) found.push(situation('asked-why', { customer: log.customerLabel, logId: log.id }));
  if (log.discovery) found.push(situation('discovery-made', { customer: log.customerLabel, logId: log.id }));
}

/**
 * Counts consecutive weekly rises of the average pressure rating, ending with this or last ISO week.
 * Weeks must follow each other without a gap: a week without a check-in ends the run.
 */
function weeksOfRisingPressure(checkIns: Dated<{ pressure: number }>[], today: number): number {
  const byWeek = new Map<number, { sum: number; n: number }>();
  for (const d of checkIns) {
    if (d.daysAgo > 7 * 6) continue;
    const monday = mondayOf(d.day);
    const week = byWeek.get(monday) ?? { sum: 0, n: 0 };
    week.sum += d.item.pressure;
    week.n += 1;
    byWeek.set(monday, week);
  }
  const weeks = [...byWeek.entries()].sort((a, b) => b[0] - a[0]);
  const newest = weeks[0];
  if (!newest || mondayOf(today) - newest[0] > 7) return 0;
  let rises = 0;
  for (let i = 0; i + 1 < weeks.length; i++) {
    const [laterMonday, later] = weeks[i]!;
    const [earlierMonday, earlier] = weeks[i + 1]!;
    if (laterMonday - earlierMonday !== 7) break;
    if (later.sum / later.n <= earlier.sum / earlier.n) break;
    rises++;
  }
  return rises;
}

/**
 * Quiet: the latest log or check-in is at least `quietDays` old, or there is none while prompts were
 * put to the rep that long ago. A rep with no history at all is new, not quiet.
 */
function isQuiet(
  logs: Dated<unknown>[],
  checkIns: Dated<unknown>[],
  ctx: ParsedSelectionContext,
  today: number,
): boolean {
  const latestDaysAgo = Math.min(logs[0]?.daysAgo ?? Infinity, checkIns[0]?.daysAgo ?? Infinity);
  if (latestDaysAgo !== Infinity) return latestDaysAgo >= SITUATION_RULES.quietDays;
  return ctx.recentlyAsked.some((a) => today - localDayNumber(a.askedAt, ctx.timeZone) >= SITUATION_RULES.quietDays);
}
