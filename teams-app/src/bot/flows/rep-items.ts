import {
  type AdaptiveCardJson,
  anonymityRefusedCard,
  checkInAckCard,
  checkInCard,
  errorCardFor,
  formatDate,
  formatPeriod,
  type LogFormValues,
  logAckCard,
  logFormCard,
  MY_ITEMS_PAGE_SIZE,
  myItemFromCheckIn,
  myItemFromLog,
  myItemFromUnreadable,
  myItemsCard,
  parseCheckInForm,
  parseLogForm,
  parseLogReflection,
  parseOutcomeForm,
  parseVisibilityChange,
  type Submitted,
  supportContactView,
} from '@rebound/cards';
import { type ItemKind, isReboundError, localDateOf, type ReboundError, type SharingResult } from '@rebound/core';
import type { Deliverer } from '../delivery';
import { promptsFor } from '../prompts';
import { say } from '../reply';
import { once, type Turn } from '../turn';

/** The newest items `mine` pages through (each kind is fetched up to this many). */
const MAX_LISTED = 100;

const today = (turn: Turn) => localDateOf(turn.deps.now(), turn.person.timeZone);

async function share(turn: Turn, deliver: Deliverer, sharing: SharingResult): Promise<void> {
  const { teamWithoutChannel } = await deliver.sharing(turn.actor.tenantId, sharing);
  if (teamWithoutChannel) turn.notices.push(say(turn.locale, 'team.no-channel'));
}

/** Core refused an anonymous share: too few reps in the team could have written the item. */
function anonymityRefusal(error: unknown): ReboundError | null {
  return isReboundError(error) && error.messageKey === 'error.anonymous.too-few-reps' ? error : null;
}

/** Why the item was not shared anonymously, with sharing it named or keeping it private as the choices. */
function anonymityRefused(turn: Turn, refusal: ReboundError, itemKind: ItemKind, itemId: string, saved: boolean) {
  const reason = refusal.localize(turn.locale).message;
  return anonymityRefusedCard({ locale: turn.locale, itemKind, itemId, reason, saved });
}

/** The sharing, or core's refusal of an anonymous share; any other error goes on. */
async function sharingOrRefusal(pending: Promise<SharingResult>): Promise<SharingResult | ReboundError> {
  try {
    return await pending;
  } catch (error) {
    const refused = anonymityRefusal(error);
    if (!refused) throw error;
    return refused;
  }
}

/**
 * Runs a use case that creates an item and shares it at the chosen visibility. When core refuses the anonymous
 * share, the item is created again for its author alone (nothing they wrote is lost) and the refusal is returned
 * beside it.
 */
async function createKeepingItPrivate<T>(
  create: (visibility?: 'private') => Promise<T>,
): Promise<{ result: T; refused: ReboundError | null }> {
  try {
    return { result: await create(), refused: null };
  } catch (error) {
    const refused = anonymityRefusal(error);
    if (!refused) throw error;
    return { result: await create('private'), refused };
  }
}

export function logForm(turn: Turn, values?: LogFormValues, logId?: string): AdaptiveCardJson {
  return logFormCard({
    locale: turn.locale,
    today: today(turn),
    defaultVisibility: turn.person.privacy.defaultVisibility,
    answerPreference: turn.person.answerPreference,
    ...(values ? { values } : {}),
    ...(logId ? { logId } : {}),
  });
}

/** `log.submit`: store (or edit) the log, then show the acknowledgement with one fitting question. */
export async function submitLog(turn: Turn, data: Submitted, deliver: Deliverer): Promise<AdaptiveCardJson> {
  const parsed = parseLogForm(data, { timeZone: turn.person.timeZone, now: turn.deps.now() });
  if (!parsed.ok) return errorCardFor(parsed.error, turn.locale);
  const { rebound } = turn.deps;
  if (parsed.value.logId) {
    const { visibility, ...changes } = parsed.value.input;
    const { log } = await rebound.editLog(turn.actor, { logId: parsed.value.logId, changes });
    return logAckCard({ locale: turn.locale, logId: log.id, prompt: null, visibility: log.visibility });
  }
  const input = { ...parsed.value.input, ...once(turn) };
  const { result, refused } = await createKeepingItPrivate((visibility) =>
    rebound.logRejection(turn.actor, visibility ? { ...input, visibility } : input),
  );
  const { log, sharing } = result;
  await share(turn, deliver, sharing);
  if (refused) return anonymityRefused(turn, refused, 'log', log.id, true);
  const [prompt] = await promptsFor(turn, { kind: 'log', logId: log.id });
  return logAckCard({ locale: turn.locale, logId: log.id, prompt: prompt ?? null, visibility: log.visibility });
}

/** `log.reflect`: the visibility chosen on the acknowledgement. */
export async function reflectOnLog(turn: Turn, data: Submitted, deliver: Deliverer): Promise<AdaptiveCardJson> {
  const parsed = parseLogReflection(data);
  if (!parsed.ok) return errorCardFor(parsed.error, turn.locale);
  const { logId, visibility } = parsed.value;
  const sharing = await sharingOrRefusal(
    turn.deps.rebound.setVisibility(turn.actor, { itemKind: 'log', itemId: logId, visibility, ...once(turn) }),
  );
  if (isReboundError(sharing)) return anonymityRefused(turn, sharing, 'log', logId, false);
  await share(turn, deliver, sharing);
  return logAckCard({ locale: turn.locale, logId, prompt: null, visibility: sharing.visibility });
}

export async function checkInForm(turn: Turn): Promise<AdaptiveCardJson> {
  const day = today(turn);
  return checkInCard({
    locale: turn.locale,
    cadence: 'daily',
    periodKey: day,
    periodLabel: formatDate(day, turn.locale, turn.person.timeZone),
    prompts: await promptsFor(turn, { kind: 'check-in' }),
    defaultVisibility: turn.person.privacy.defaultVisibility,
    answerPreference: turn.person.answerPreference,
  });
}

/** `checkIn.submit`: store it, acknowledge warmly, and show the support contacts at once when asked. */
export async function submitCheckIn(turn: Turn, data: Submitted, deliver: Deliverer): Promise<AdaptiveCardJson> {
  const parsed = parseCheckInForm(data);
  if (!parsed.ok) return errorCardFor(parsed.error, turn.locale);
  const input = { ...parsed.value, ...once(turn) };
  const { result, refused } = await createKeepingItPrivate((visibility) =>
    turn.deps.rebound.submitCheckIn(turn.actor, visibility ? { ...input, visibility } : input),
  );
  // The acknowledgement (with the support contacts when asked) comes first; why it is private follows it.
  if (refused) turn.notices.push(refused.localize(turn.locale).message);
  await share(turn, deliver, result.sharing);
  await deliver.notifications(turn.actor.tenantId, result.supportNotifications);
  return checkInAckCard({
    locale: turn.locale,
    checkInId: result.checkIn.id,
    visibility: result.checkIn.visibility,
    permissionToNotSell: result.checkIn.permissionToNotSell,
    supportRequested: result.checkIn.supportRequested,
    contacts: result.supportContacts.map(supportContactView),
  });
}

/** `mine` and its pages (`mine.page` carries the offset of the next page). */
export async function myItems(turn: Turn, data: Submitted = {}): Promise<AdaptiveCardJson> {
  const asked = Number(typeof data.offset === 'string' || typeof data.offset === 'number' ? data.offset : 0);
  const { logs, checkIns, unreadable } = await turn.deps.rebound.listMyItems(turn.actor, { limit: MAX_LISTED });
  const { locale } = turn;
  const zone = turn.person.timeZone;
  const items = [
    ...logs.map((l) => ({ at: l.log.occurredAt, view: myItemFromLog(l.log, l.outcomes, locale, zone) })),
    ...checkIns.map((c) => ({
      at: c.checkIn.submittedAt,
      view: myItemFromCheckIn(c.checkIn, formatPeriod(c.checkIn.periodKey, locale, zone), locale, zone),
    })),
    // A stored item that cannot be read is one line in the list (undated ones last), never the list's end.
    ...unreadable.map((u) => ({ at: u.at ?? '', view: myItemFromUnreadable(u, locale, zone) })),
  ]
    .sort((a, b) => (a.at < b.at ? 1 : -1))
    .slice(0, MAX_LISTED);
  const offset =
    Number.isInteger(asked) && asked > 0 && asked < items.length ? asked - (asked % MY_ITEMS_PAGE_SIZE) : 0;
  return myItemsCard({
    locale,
    items: items.slice(offset, offset + MY_ITEMS_PAGE_SIZE).map((i) => i.view),
    offset,
    total: items.length,
    today: today(turn),
  });
}

/** `checkIn.snooze` ("not today"): scheduled check-ins pause for a day. */
export async function snoozeCheckIns(turn: Turn): Promise<string> {
  const { schedule } = await turn.deps.rebound.pauseCheckIns(turn.actor, { days: 1 });
  const until = schedule.snoozeUntil ?? turn.deps.now().toISOString();
  return say(turn.locale, 'checkIn.snoozed', { until: formatDate(until, turn.locale, turn.person.timeZone) });
}

/** `item.visibility` / `item.withdraw`: share, share again or withdraw; copies already posted are taken back. */
export async function changeVisibility(turn: Turn, data: Submitted, deliver: Deliverer): Promise<AdaptiveCardJson> {
  const parsed = parseVisibilityChange(data);
  if (!parsed.ok) return errorCardFor(parsed.error, turn.locale);
  const { itemKind, itemId } = parsed.value;
  const sharing = await sharingOrRefusal(
    turn.deps.rebound.setVisibility(turn.actor, { ...parsed.value, ...once(turn) }),
  );
  if (isReboundError(sharing)) return anonymityRefused(turn, sharing, itemKind, itemId, false);
  await share(turn, deliver, sharing);
  return myItems(turn);
}

export async function recordOutcome(turn: Turn, data: Submitted): Promise<AdaptiveCardJson> {
  const parsed = parseOutcomeForm(data);
  if (!parsed.ok) return errorCardFor(parsed.error, turn.locale);
  await turn.deps.rebound.recordOutcome(turn.actor, { ...parsed.value, ...once(turn) });
  return myItems(turn);
}

/** `item.edit`: the log form filled with the log as stored (only the author's own log is found). */
export async function editLogForm(turn: Turn, data: Submitted): Promise<AdaptiveCardJson> {
  const itemId = typeof data.itemId === 'string' ? data.itemId : '';
  const { logs } = await turn.deps.rebound.listMyItems(turn.actor, { limit: 200 });
  const log = logs.find((l) => l.log.id === itemId)?.log;
  if (!log) return myItems(turn);
  return logForm(
    turn,
    {
      customerLabel: log.customerLabel,
      occurredOn: localDateOf(log.occurredAt, turn.person.timeZone),
      stage: log.stage,
      askedWhy: log.askedWhy,
      reason: log.reason,
      customerWords: log.customerWords,
      discovery: log.discovery,
      nextStepKind: log.nextStep?.kind,
      nextStepNote: log.nextStep?.note,
      nextStepDate: log.nextStep?.dueDate,
      feeling: log.feeling,
      learned: log.learned,
      answerPreference: log.answerPreference,
      visibility: log.visibility,
    },
    log.id,
  );
}
