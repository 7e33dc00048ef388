import {
  type AdaptiveCardJson,
  checkInItemView,
  errorCardFor,
  formatDate,
  formatPeriod,
  type InboxItemView,
  type ItemView,
  logItemView,
  managerInboxCard,
  managerNotificationCard,
  parseReplyDraft,
  replySuggestionView,
  type Submitted,
  type ToneFindingView,
  toneFindingView,
} from '@rebound/cards';
import {
  type CheckIn,
  type ItemKind,
  type Locale,
  ReboundError,
  type RejectionLog,
  resolveLocale,
  reviewTone,
  type ToneReview,
} from '@rebound/core';
import type { Deliverer } from '../delivery';
import { say } from '../reply';
import { once, type Turn } from '../turn';

/**
 * `channel` (「このチャネル」), written in a team channel: the team's rejection stories and weekly digest are
 * posted there from now on. Core checks that the writer is a manager of that team and that this is a channel.
 */
export async function storyChannelHere(turn: Turn, conversationId: string): Promise<string> {
  const { team, changed } = await turn.deps.rebound.chooseStoryChannel(turn.actor, { conversationId });
  return say(turn.locale, changed ? 'storyChannel.chosen' : 'storyChannel.already', { team: team.name });
}

/**
 * `inbox`: items shared with this manager that are still waiting for a reply (core decides which). One whose
 * stored record cannot be read is a line of its own, so it never takes the inbox down.
 */
export async function inbox(turn: Turn): Promise<AdaptiveCardJson> {
  const { waiting, unreadable } = await turn.deps.rebound.inbox(turn.actor);
  const { locale } = turn;
  const zone = turn.person.timeZone;
  const items: InboxItemView[] = waiting.map(({ view, owner }) => ({
    itemKind: view.kind,
    itemId: view.item.id,
    repName: owner?.displayName ?? '—',
    title: view.kind === 'log' ? (view.item.customerLabel ?? '—') : formatPeriod(view.item.periodKey, locale, zone),
    dateLabel: formatDate(view.kind === 'log' ? view.item.occurredAt : view.item.submittedAt, locale, zone),
    supportRequested: view.kind === 'check-in' && view.item.supportRequested,
  }));
  for (const u of unreadable) {
    items.push({
      itemKind: u.itemKind,
      itemId: u.itemId,
      repName: u.owner?.displayName ?? '—',
      title: '',
      dateLabel: formatDate(u.sharedAt, locale, zone),
      supportRequested: false,
      unreadable: true,
    });
  }
  return managerInboxCard({ locale, items, total: items.length });
}

interface ManagerCardState {
  draft?: string;
  findings?: ToneFindingView[] | null;
  sentText?: string;
}

/**
 * The card a manager sees for an item shared with them: the item as core lets them see it, three suggested
 * replies (core ranks them), the draft, and the tone check when they asked for one. Used for the first
 * delivery and for every update of that card.
 */
export async function managerItemCard(
  turn: Turn,
  ref: { itemKind: ItemKind; itemId: string },
  state: ManagerCardState = {},
): Promise<AdaptiveCardJson> {
  const { rebound } = turn.deps;
  const { locale } = turn;
  const zone = turn.person.timeZone;
  const view = await rebound.viewItem(turn.actor, ref);
  const authorId = view.item.authorId;
  const repName = authorId ? ((await rebound.viewPerson(turn.actor, authorId)).person.displayName ?? '—') : '—';
  const suggestions = await rebound.replySuggestions(turn.actor, { ...ref, locale });
  let item: ItemView;
  if (view.kind === 'log') {
    const log = { ...view.item, tenantId: turn.actor.tenantId, customerLabel: view.item.customerLabel ?? '—' };
    item = logItemView(log as RejectionLog, locale, zone);
  } else {
    const checkIn = { ...view.item, tenantId: turn.actor.tenantId } as CheckIn;
    item = checkInItemView(checkIn, [], formatPeriod(checkIn.periodKey, locale, zone), locale, zone);
  }
  return managerNotificationCard({
    locale,
    repName,
    item,
    supportRequested: view.kind === 'check-in' && view.item.supportRequested,
    // The choice made on the item itself, as core's suggestions weigh it.
    answerPreference: view.item.answerPreference ?? null,
    suggestions: suggestions.map((s) => replySuggestionView(s, locale)),
    draft: state.draft ?? '',
    toneFindings: state.findings ?? null,
    ...(state.sentText !== undefined ? { sentText: state.sentText } : {}),
  });
}

function findingViews(review: ToneReview, locale: Locale): ToneFindingView[] {
  return review.findings.map((f) => toneFindingView(f, locale));
}

function itemRef(data: Submitted): { itemKind: ItemKind; itemId: string } {
  return {
    itemKind: data.itemKind === 'check-in' ? 'check-in' : 'log',
    itemId: typeof data.itemId === 'string' ? data.itemId : '',
  };
}

/** `reply.use`: a suggested reply becomes the editable draft. */
export async function useSuggestion(turn: Turn, data: Submitted): Promise<AdaptiveCardJson> {
  const ref = itemRef(data);
  const suggestions = await turn.deps.rebound.replySuggestions(turn.actor, { ...ref, locale: turn.locale });
  const chosen = suggestions.find((s) => s.templateId === data.templateId);
  return managerItemCard(turn, ref, { draft: chosen?.text ?? '' });
}

/**
 * `reply.review`: the tone check of the draft as it is now, and nothing else. It does not go through
 * `replyToItem`, which would send a kind draft at once: a button that says "check" must not send.
 */
export async function reviewDraft(turn: Turn, data: Submitted): Promise<AdaptiveCardJson> {
  const parsed = parseReplyDraft(data);
  if (!parsed.ok) return errorCardFor(parsed.error, turn.locale);
  const { itemKind, itemId, text } = parsed.value;
  const review = reviewTone(text, { locale: turn.locale });
  return managerItemCard(turn, { itemKind, itemId }, { draft: text, findings: findingViews(review, turn.locale) });
}

/**
 * `reply.send`: core checks the tone first. With findings the card shows them and offers to send anyway
 * (the card then submits `sendAnyway`); otherwise the reply is recorded and the rep gets it.
 */
export async function sendReply(turn: Turn, data: Submitted, deliver: Deliverer): Promise<AdaptiveCardJson> {
  const parsed = parseReplyDraft(data);
  if (!parsed.ok) return errorCardFor(parsed.error, turn.locale);
  const { itemKind, itemId, text, templateId } = parsed.value;
  const result = await turn.deps.rebound.replyToItem(turn.actor, {
    itemKind,
    itemId,
    text,
    ...(templateId ? { templateId } : {}),
    locale: turn.locale,
    sendAnyway: data.sendAnyway === true || data.sendAnyway === 'true',
    ...once(turn),
  });
  if (!result.sent) {
    // Held: the card shows what core found, and its send button now sends anyway.
    return managerItemCard(
      turn,
      { itemKind, itemId },
      { draft: text, findings: findingViews(result.review, turn.locale) },
    );
  }
  await deliver.notifications(turn.actor.tenantId, [result.notification]);
  return managerItemCard(turn, { itemKind, itemId }, { draft: text, sentText: result.reply.text });
}

/**
 * `reply.thanks`: the rep thanks the manager for a reply they received. A short message to the manager's chat;
 * nothing is recorded. Only the rep the reply was sent to can thank for it.
 */
export async function thankForReply(turn: Turn, data: Submitted, deliver: Deliverer): Promise<string> {
  const replyId = typeof data.replyId === 'string' ? data.replyId : '';
  const { tenantId, personId } = turn.actor;
  const reply = (await turn.deps.store.listReplies(tenantId, { repId: personId })).find((r) => r.id === replyId);
  if (!reply) throw new ReboundError('not-found', 'error.not-found', { params: { thing: 'item' } });
  const manager = await turn.deps.store.getPerson(tenantId, reply.managerId);
  const managerLocale = resolveLocale(manager?.language ?? null, manager?.clientLocale ?? null);
  const text = say(managerLocale, 'thanks.toManager', { repName: turn.person.displayName });
  const reached = await deliver.direct(tenantId, reply.managerId, { type: 'message', text, textFormat: 'plain' });
  const name = manager?.displayName ?? '—';
  return say(turn.locale, reached ? 'thanks.sent' : 'thanks.unreachable', { name });
}
