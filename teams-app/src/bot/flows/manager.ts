import {
  type AdaptiveCardJson,
  checkInItemView,
  errorCardFor,
  formatDate,
  type ItemView,
  logItemView,
  managerInboxCard,
  managerNotificationCard,
  parseReplyDraft,
  type Submitted,
  type ToneFindingView,
} from '@rebound/cards';
import { type CheckIn, type ItemKind, type Locale, type RejectionLog, reviewTone } from '@rebound/core';
import type { Deliverer } from '../delivery';
import type { Turn } from '../turn';

/** `inbox`: items shared with this manager that are still waiting for a reply (core decides which). */
export async function inbox(turn: Turn): Promise<AdaptiveCardJson> {
  const { waiting } = await turn.deps.rebound.inbox(turn.actor);
  const { locale } = turn;
  const zone = turn.person.timeZone;
  const items = waiting.map(({ view, owner }) => ({
    itemKind: view.kind,
    itemId: view.item.id,
    repName: owner?.displayName ?? '—',
    title: view.kind === 'log' ? (view.item.customerLabel ?? '—') : periodLabel(view.item.periodKey, locale, zone),
    dateLabel: formatDate(view.kind === 'log' ? view.item.occurredAt : view.item.submittedAt, locale, zone),
    supportRequested: view.kind === 'check-in' && view.item.supportRequested,
  }));
  return managerInboxCard({ locale, items, total: items.length });
}

function periodLabel(periodKey: string, locale: Locale, zone: string): string {
  return /W/.test(periodKey) ? periodKey : formatDate(periodKey, locale, zone);
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
    item = checkInItemView(checkIn, [], periodLabel(checkIn.periodKey, locale, zone), locale, zone);
  }
  return managerNotificationCard({
    locale,
    repName,
    item,
    supportRequested: view.kind === 'check-in' && view.item.supportRequested,
    answerPreference: view.kind === 'check-in' ? (view.item.answerPreference ?? null) : null,
    suggestions: suggestions.map((s) => ({ templateId: s.templateId, text: s.text, reason: s.reason[locale] })),
    draft: state.draft ?? '',
    toneFindings: state.findings ?? null,
    ...(state.sentText !== undefined ? { sentText: state.sentText } : {}),
  });
}

function findingViews(text: string, locale: Locale): ToneFindingView[] {
  return reviewTone(text, { locale }).findings.map((f) => ({
    category: f.category,
    excerpt: f.excerpt,
    reason: f.reason[locale],
    alternative: f.alternative,
  }));
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

/** `reply.review`: the tone check of the draft as it is now (suggestions only; nothing is blocked). */
export async function reviewDraft(turn: Turn, data: Submitted): Promise<AdaptiveCardJson> {
  const parsed = parseReplyDraft(data);
  if (!parsed.ok) return errorCardFor(parsed.error, turn.locale);
  const { itemKind, itemId, text } = parsed.value;
  return managerItemCard(turn, { itemKind, itemId }, { draft: text, findings: findingViews(text, turn.locale) });
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
  });
  if (!result.sent) {
    return managerItemCard(turn, { itemKind, itemId }, { draft: text, findings: findingViews(text, turn.locale) });
  }
  await deliver.notifications(turn.actor.tenantId, [result.notification]);
  return managerItemCard(turn, { itemKind, itemId }, { draft: text, sentText: result.reply.text });
}
