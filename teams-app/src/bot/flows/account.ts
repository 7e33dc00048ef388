import {
  type AdaptiveCardJson,
  eraseCard,
  errorCard,
  errorCardFor,
  exportCard,
  formatDate,
  parseSettingsForm,
  type Submitted,
  settingsCard,
  welcomeCard,
} from '@rebound/cards';
import { localDateOf, type Person, type Schedule } from '@rebound/core';
import type { Deliverer } from '../delivery';
import { hasRealName } from '../display-name';
import { say } from '../reply';
import type { Turn } from '../turn';

/** The welcome card; it offers scheduled check-ins until the person has turned them on. */
export async function welcome(turn: Turn): Promise<AdaptiveCardJson> {
  const { schedule } = await turn.deps.rebound.getSettings(turn.actor);
  return welcomeCard({
    locale: turn.locale,
    // Greeted by name only when the bot knows one (not the id it stored in its place).
    ...(hasRealName(turn.person) ? { displayName: turn.person.displayName } : {}),
    countInTeamStats: turn.person.privacy.countInTeamStats,
    k: turn.deps.rebound.privacy.k,
    timeZone: turn.person.timeZone,
    checkInsOn: schedule.enabled && schedule.checkInDays.length > 0,
  });
}

function settingsValues(person: Person, schedule: Schedule) {
  const away = schedule.outOfOffice[0];
  return {
    enabled: schedule.enabled,
    cadence: schedule.cadence,
    checkInDays: schedule.checkInDays,
    checkInTime: schedule.checkInTime,
    timeZone: person.timeZone,
    ...(schedule.quietHours ? { quietStart: schedule.quietHours.start, quietEnd: schedule.quietHours.end } : {}),
    ...(schedule.snoozeUntil ? { snoozeUntil: localDateOf(schedule.snoozeUntil, person.timeZone) } : {}),
    ...(away ? { awayFrom: away.from, awayTo: away.to } : {}),
    skipDates: schedule.skipDates,
    reminderAfterHours: schedule.reminderAfterHours,
    defaultVisibility: person.privacy.defaultVisibility,
    answerPreference: person.answerPreference,
    language: person.language,
    shareSignalsWithManagers: person.privacy.shareSignalsWithManagers,
    countInTeamStats: person.privacy.countInTeamStats,
  };
}

export async function settings(turn: Turn): Promise<AdaptiveCardJson> {
  const { person, schedule } = await turn.deps.rebound.getSettings(turn.actor);
  return settingsCard({ locale: turn.locale, values: settingsValues(person, schedule) });
}

/** `settings.save`: every setting at once; the card shows what was stored, in the (maybe new) language. */
export async function saveSettings(turn: Turn, data: Submitted): Promise<AdaptiveCardJson> {
  const parsed = parseSettingsForm(data);
  if (!parsed.ok) return errorCardFor(parsed.error, turn.locale);
  // The welcome card's opt-in carries only the schedule: what a form did not carry is left as it is.
  const { timeZone, language, answerPreference, privacy, ...schedule } = parsed.value;
  const saved = await turn.deps.rebound.updateSettings(turn.actor, {
    ...(timeZone !== undefined && { timeZone }),
    ...(language !== undefined && { language }),
    ...(answerPreference !== undefined && { answerPreference }),
    ...(privacy !== undefined && { privacy }),
    schedule,
  });
  const locale = saved.person.language ?? turn.locale;
  turn.notices.push(say(locale, 'settings.saved'));
  return settingsCard({ locale, values: settingsValues(saved.person, saved.schedule) });
}

/**
 * `export`: a card with a short-lived, single-use link to the person's own data; or, where links would travel
 * over plain http (no https `REBOUND_PUBLIC_URL`), a card that says no link can be offered here.
 */
export function exportLink(turn: Turn): AdaptiveCardJson {
  const { exportLinks, publicUrl, now } = turn.deps;
  const base = publicUrl();
  if (base === null)
    return errorCard({ locale: turn.locale, message: say(turn.locale, 'export.unavailable'), fields: [] });
  const token = exportLinks.issue(turn.actor);
  const expires = new Date(now().getTime() + exportLinks.ttlMs);
  const time = new Intl.DateTimeFormat(turn.locale === 'ja' ? 'ja-JP' : 'en-GB', {
    timeStyle: 'short',
    timeZone: turn.person.timeZone,
  }).format(expires);
  return exportCard({
    locale: turn.locale,
    url: `${base}/export/${token}`,
    expiresAtLabel: `${formatDate(expires.toISOString(), turn.locale, turn.person.timeZone)} ${time}`,
  });
}

export function eraseConfirmation(turn: Turn): AdaptiveCardJson {
  return eraseCard({ locale: turn.locale, state: 'confirm' });
}

/**
 * `erase.confirm`: everything about the person goes, and copies posted to others are taken back. What this
 * process remembers of them goes too: their conversations are stored again when they next write, so they can
 * be reached again (a manager's reply, a scheduled check-in).
 */
export async function erase(turn: Turn, deliver: Deliverer): Promise<AdaptiveCardJson> {
  const { takeBacks } = await turn.deps.rebound.eraseMe(turn.actor);
  turn.deps.conversations.forgetPerson(turn.actor.tenantId, turn.actor.personId);
  await deliver.takeBacks(turn.actor.tenantId, takeBacks);
  return eraseCard({ locale: turn.locale, state: 'done' });
}
