import type { Locale } from '@rebound/core';
import { errorBlockData } from '../error-summary';
import { formatPeriod } from '../item-views';
import { label } from '../label-tree';
import { excerpt, plain, safeLinkUrl } from '../plain-text';
import { type AdaptiveCardJson, CardTemplate } from '../template-engine';
import eraseJson from '../templates/erase.json';
import errorJson from '../templates/error.json';
import exportJson from '../templates/export.json';
import trendsJson from '../templates/my-trends.json';
import settingsJson from '../templates/settings.json';
import type { EraseCardData, ErrorCardData, ExportCardData, MyTrendsCardData, SettingsCardData } from '../views';
import { localeData, str } from './common';
import { itemMetaLine, MAX_EXCERPT, MAX_LIST_ITEMS } from './rep-views';

export const myTrendsTemplate = new CardTemplate<object>('my-trends', trendsJson);
export const settingsTemplate = new CardTemplate<object>('settings', settingsJson);
export const exportTemplate = new CardTemplate<object>('export', exportJson);
export const eraseTemplate = new CardTemplate<object>('erase', eraseJson);
export const errorTemplate = new CardTemplate<object>('error', errorJson);

const MAX_POINTS = 12;
const MAX_SIGNALS = 5;
const MAX_FIELD_ERRORS = 20;

export function myTrendsCard(view: MyTrendsCardData): AdaptiveCardJson {
  const l = view.locale;
  const points = view.points.slice(-MAX_POINTS);
  const series = (['pressure', 'energy'] as const).map((key) => ({
    legend: label(l, `checkIn.${key}`),
    values: points.filter((p) => p[key] !== null).map((p) => ({ x: plain(p.label), y: p[key] })),
  }));
  const shared = view.managerSees.items.slice(0, MAX_LIST_ITEMS);
  return myTrendsTemplate.expand({
    ...localeData(l),
    periodLabel: plain(view.periodLabel),
    facts: [
      { title: label(l, 'trends.logs'), value: String(view.logs) },
      {
        title: label(l, 'trends.askedWhy'),
        value: view.askedWhyRate === null ? '–' : `${Math.round(view.askedWhyRate)}%`,
      },
      { title: label(l, 'trends.checkIns'), value: String(view.checkIns) },
    ],
    hasChart: series.some((s) => s.values.length > 1),
    series,
    pointFacts: points.map((p) => ({
      title: plain(p.label),
      value: `${label(l, 'checkIn.pressure')} ${p.pressure ?? '–'} · ${label(l, 'checkIn.energy')} ${p.energy ?? '–'}`,
    })),
    signals: view.signals.slice(0, MAX_SIGNALS).map((s) => ({ text: plain(s.text), reason: plain(s.reason) })),
    signalsLine: label(l, view.managerSees.sharesSignals ? 'trends.managerSignalsOn' : 'trends.managerSignalsOff'),
    shared: shared.map((i) => ({
      metaLine: itemMetaLine(l, i.itemKind, i.dateLabel),
      // A check-in is named by its period: a period key (2026-W48) is written the way people read it.
      title: excerpt(i.itemKind === 'check-in' ? formatPeriod(i.title, l) : i.title, MAX_EXCERPT),
    })),
    sharedMore:
      view.managerSees.total > shared.length
        ? label(l, 'common.more', { count: view.managerSees.total - shared.length })
        : '',
  });
}

const COMMON_ZONES = [
  'Asia/Tokyo',
  'UTC',
  'Europe/London',
  'America/New_York',
  'America/Los_Angeles',
  'Asia/Singapore',
];

/** Reminder choices (hours after an unanswered check-in); quiet hours and the next check-in bound them anyway. */
export const REMINDER_HOURS = [2, 4, 12, 24, 48] as const;

function reminderChoices(locale: Locale, current: number | null | undefined) {
  // A value set elsewhere (the library takes any hour from 1 to 72) is offered too, so saving keeps it.
  const hours = [...new Set([...REMINDER_HOURS, ...(current ? [current] : [])])].sort((a, b) => a - b);
  return [
    { title: label(locale, 'settings.reminderOff'), value: 'off' },
    ...hours.map((h) => ({ title: label(locale, 'settings.reminderAfter', { hours: h }), value: String(h) })),
  ];
}

export function settingsCard(view: SettingsCardData): AdaptiveCardJson {
  const l = view.locale;
  const v = view.values;
  const zones = [...new Set([v.timeZone, ...(view.timeZones ?? COMMON_ZONES)])].slice(0, 100);
  return settingsTemplate.expand({
    ...localeData(l),
    errors: errorBlockData(view.errors),
    cadenceChoices: [
      { title: label(l, 'settings.cadenceDaily'), value: 'daily' },
      { title: label(l, 'settings.cadenceWeekly'), value: 'weekly' },
    ],
    languageChoices: [
      { title: label(l, 'settings.languageAuto'), value: 'auto' },
      { title: label(l, 'settings.languageJa'), value: 'ja' },
      { title: label(l, 'settings.languageEn'), value: 'en' },
    ],
    timeZones: zones.map((z) => ({ title: z, value: z })),
    reminderChoices: reminderChoices(l, v.reminderAfterHours),
    v: {
      enabled: String(v.enabled),
      cadence: v.cadence,
      checkInDays: v.checkInDays.join(','),
      checkInTime: v.checkInTime,
      timeZone: v.timeZone,
      quietStart: str(v.quietStart),
      quietEnd: str(v.quietEnd),
      snoozeUntil: str(v.snoozeUntil),
      awayFrom: str(v.awayFrom),
      awayTo: str(v.awayTo),
      skipDates: (v.skipDates ?? []).join(', '),
      reminderAfterHours: v.reminderAfterHours ? String(v.reminderAfterHours) : 'off',
      defaultVisibility: v.defaultVisibility,
      answerPreference: str(v.answerPreference),
      language: v.language ?? 'auto',
      shareSignalsWithManagers: String(v.shareSignalsWithManagers),
      countInTeamStats: String(v.countInTeamStats),
    },
  });
}

export function exportCard(view: ExportCardData): AdaptiveCardJson {
  return exportTemplate.expand({
    ...localeData(view.locale),
    url: safeLinkUrl(view.url),
    expiresAtLabel: plain(view.expiresAtLabel),
  });
}

export function eraseCard(view: EraseCardData): AdaptiveCardJson {
  return eraseTemplate.expand({ ...localeData(view.locale), done: view.state === 'done' });
}

export function errorCard(view: ErrorCardData): AdaptiveCardJson {
  return errorTemplate.expand({
    ...localeData(view.locale),
    message: plain(view.message),
    fields: view.fields.slice(0, MAX_FIELD_ERRORS).map((f) => ({ message: excerpt(f.message, 300) })),
  });
}
