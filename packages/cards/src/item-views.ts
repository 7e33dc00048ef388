import {
  BoundedMap,
  type CheckIn,
  type Locale,
  mondayOfIsoWeek,
  type RejectionLog,
  type UnreadableItem,
} from '@rebound/core';
import { label } from './label-tree';
import type { CardLabelKey } from './labels';
import type { ItemView, MyItemView, NextStepReminderCardData, PromptView, TeamStoryCardData } from './views';

// Building an Intl.DateTimeFormat costs far more than formatting with one; a fan-out formats thousands of dates.
// Bounded: a few entries per language and time zone in use (zone names can be spelled in any case).
const dateFormats = new BoundedMap<string, Intl.DateTimeFormat>(1000);

type DateStyle = 'date' | 'day' | 'monthDay';
const STYLES: Record<DateStyle, Intl.DateTimeFormatOptions> = {
  // 24 Nov 2026 · 2026/11/24
  date: { dateStyle: 'medium' },
  // Tue 24 Nov · 11月24日(火)
  day: { weekday: 'short', day: 'numeric', month: 'short' },
  // 23 Nov · 11月23日
  monthDay: { day: 'numeric', month: 'short' },
};

function dateFormat(locale: Locale, timeZone: string, style: DateStyle): Intl.DateTimeFormat {
  return dateFormats.getOrSet(
    `${locale}|${timeZone}|${style}`,
    () => new Intl.DateTimeFormat(locale === 'ja' ? 'ja-JP' : 'en-GB', { ...STYLES[style], timeZone }),
  );
}

const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A date in the person's time zone, the way their language writes it (24 Nov 2026, 2026/11/24). */
export function formatDate(instantOrDate: string, locale: Locale, timeZone: string): string {
  const isDate = LOCAL_DATE.test(instantOrDate);
  const date = isDate ? new Date(`${instantOrDate}T12:00:00Z`) : new Date(instantOrDate);
  return dateFormat(locale, isDate ? 'UTC' : timeZone, 'date').format(date);
}

/**
 * A check-in period as people read it: a day as "Tue 24 Nov" / 「11月24日(火)」, an ISO week (`2026-W48`) as
 * "Week of 23 Nov" / 「11月23日の週」 (its Monday). Anything else is shown as it is.
 */
export function formatPeriod(periodKey: string, locale: Locale, _timeZone?: string): string {
  if (LOCAL_DATE.test(periodKey)) {
    return dateFormat(locale, 'UTC', 'day').format(new Date(`${periodKey}T12:00:00Z`));
  }
  const monday = /^\d{4}-W\d{2}$/.test(periodKey) ? mondayOfIsoWeek(periodKey) : null;
  if (!monday) return periodKey;
  const start = dateFormat(locale, 'UTC', 'monthDay').format(new Date(`${monday}T12:00:00Z`));
  return label(locale, 'period.week', { start });
}

function enumLabel(locale: Locale, prefix: string, value: string | number): string {
  return label(locale, `${prefix}.${value}` as CardLabelKey);
}

function yesNo(locale: Locale, value: boolean): string {
  return label(locale, value ? 'common.yes' : 'common.no');
}

function texts(locale: Locale, pairs: [CardLabelKey, string | undefined][]): { label: string; text: string }[] {
  return pairs.filter(([, text]) => text).map(([key, text]) => ({ label: label(locale, key), text: text! }));
}

/** A rejection log as the people it was shared with see it. */
export function logItemView(log: RejectionLog, locale: Locale, timeZone: string): ItemView {
  const facts = [
    { label: label(locale, 'log.stage'), value: enumLabel(locale, 'stage', log.stage) },
    { label: label(locale, 'log.reason'), value: enumLabel(locale, 'reason', log.reason) },
    { label: label(locale, 'item.askedWhy'), value: yesNo(locale, log.askedWhy) },
  ];
  if (log.feeling)
    facts.push({ label: label(locale, 'log.feeling'), value: enumLabel(locale, 'feeling', log.feeling) });
  if (log.nextStep) {
    facts.push({ label: label(locale, 'log.nextStep'), value: enumLabel(locale, 'nextStep', log.nextStep.kind) });
    if (log.nextStep.dueDate) {
      facts.push({
        label: label(locale, 'log.nextStepDate'),
        value: formatDate(log.nextStep.dueDate, locale, timeZone),
      });
    }
  }
  return {
    itemKind: 'log',
    itemId: log.id,
    title: log.customerLabel,
    dateLabel: formatDate(log.occurredAt, locale, timeZone),
    facts,
    texts: texts(locale, [
      ['log.customerWords', log.customerWords],
      ['log.discovery', log.discovery],
      ['log.nextStepNote', log.nextStep?.note],
      ['log.learned', log.learned],
    ]),
  };
}

/**
 * A check-in as the people it was shared with see it. `prompts` gives the question texts (in `locale`) for the
 * answers; answers to questions it does not know are shown under a generic label.
 */
export function checkInItemView(
  checkIn: CheckIn,
  prompts: readonly PromptView[],
  periodLabel: string,
  locale: Locale,
  _timeZone?: string,
): ItemView {
  const scale = (name: 'pressure' | 'energy' | 'lastPeriod' | 'onTrack', value: number) =>
    label(locale, `scale.${name}.${value}` as CardLabelKey);
  const facts = [
    { label: label(locale, 'checkIn.pressure'), value: scale('pressure', checkIn.pressure) },
    { label: label(locale, 'checkIn.energy'), value: scale('energy', checkIn.energy) },
  ];
  if (checkIn.lastPeriodRating !== undefined) {
    facts.push({
      label: label(locale, `checkIn.lastPeriod.${checkIn.cadence}`),
      value: scale('lastPeriod', checkIn.lastPeriodRating),
    });
  }
  if (checkIn.onTrack !== undefined)
    facts.push({ label: label(locale, 'checkIn.onTrack'), value: scale('onTrack', checkIn.onTrack) });
  if (checkIn.permissionToNotSell)
    facts.push({ label: label(locale, 'checkIn.permission'), value: yesNo(locale, true) });
  const byId = new Map(prompts.map((p) => [p.id, p]));
  const answers = checkIn.answers
    .filter((a) => a.answer !== null)
    .map((a) => {
      const prompt = byId.get(a.promptId);
      const choice = prompt?.choices?.find((c) => c.id === a.answer);
      return { label: prompt?.text ?? label(locale, 'checkIn.answer'), text: choice?.text ?? String(a.answer) };
    });
  if (checkIn.note) answers.push({ label: label(locale, 'checkIn.note'), text: checkIn.note });
  // The title is the period; the card shows no second date for a check-in.
  return { itemKind: 'check-in', itemId: checkIn.id, title: periodLabel, dateLabel: '', facts, texts: answers };
}

/** A row of "my items" for a log, with the outcomes recorded for it. */
export function myItemFromLog(
  log: RejectionLog,
  outcomes: readonly { kind: MyItemView['outcomes'][number] }[],
  locale: Locale,
  timeZone: string,
): MyItemView {
  return {
    itemKind: 'log',
    itemId: log.id,
    title: log.customerLabel,
    dateLabel: formatDate(log.occurredAt, locale, timeZone),
    summary: `${enumLabel(locale, 'stage', log.stage)} · ${enumLabel(locale, 'reason', log.reason)}`,
    excerpt: log.customerWords ?? log.learned ?? log.discovery,
    visibility: log.visibility,
    outcomes: outcomes.map((o) => o.kind),
  };
}

/** A row of "my items" for a check-in: its period is its title, so it carries no second date. */
export function myItemFromCheckIn(
  checkIn: CheckIn,
  periodLabel: string,
  locale: Locale,
  _timeZone?: string,
): MyItemView {
  return {
    itemKind: 'check-in',
    itemId: checkIn.id,
    title: periodLabel,
    dateLabel: '',
    summary: `${label(locale, 'checkIn.pressure')} ${checkIn.pressure} · ${label(locale, 'checkIn.energy')} ${checkIn.energy}`,
    excerpt: checkIn.note,
    visibility: checkIn.visibility,
    outcomes: [],
  };
}

/** A row of "my items" for a stored item that cannot be read: its kind and date (when known), and nothing else. */
export function myItemFromUnreadable(item: UnreadableItem, locale: Locale, timeZone: string): MyItemView {
  return {
    itemKind: item.kind,
    itemId: item.id,
    title: '',
    dateLabel: item.at ? formatDate(item.at, locale, timeZone) : '',
    summary: '',
    visibility: item.visibility ?? 'private',
    outcomes: [],
    unreadable: true,
  };
}

/**
 * A log shared with the team, as its story card shows it. The customer label is left out (a customer can name
 * the rep), and an anonymous story gets no author name at all.
 */
export function storyFromLog(
  log: RejectionLog,
  locale: Locale,
  author: TeamStoryCardData['author'],
): TeamStoryCardData {
  return {
    locale,
    storyId: log.id,
    author: author.anonymous ? { anonymous: true } : { anonymous: false, name: author.name },
    stage: log.stage,
    reason: log.reason,
    askedWhy: log.askedWhy,
    customerWords: log.customerWords,
    discovery: log.discovery,
    learned: log.learned,
  };
}

/**
 * The next-step reminder for a log, in the rep's language and zone; null when the log has no dated next step
 * (or its next step is "none"). `today` is the rep's local date (core's `localDateOf(now, timeZone)`).
 */
export function nextStepReminderFromLog(
  log: RejectionLog,
  locale: Locale,
  timeZone: string,
  today: string,
): NextStepReminderCardData | null {
  const step = log.nextStep;
  if (!step?.dueDate || step.kind === 'none') return null;
  return {
    locale,
    logId: log.id,
    customerLabel: log.customerLabel,
    nextStepKind: step.kind,
    nextStepNote: step.note,
    dateLabel: formatDate(step.dueDate, locale, timeZone),
    loggedOnLabel: formatDate(log.occurredAt, locale, timeZone),
    today,
  };
}
