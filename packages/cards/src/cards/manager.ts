import type { Locale } from '@rebound/core';
import { aroundName, label } from '../label-tree';
import { excerpt, plain } from '../plain-text';
import { type AdaptiveCardJson, CardTemplate } from '../template-engine';
import inboxJson from '../templates/manager-inbox.json';
import notificationJson from '../templates/manager-notification.json';
import withdrawnJson from '../templates/manager-notification-withdrawn.json';
import requestJson from '../templates/manager-request.json';
import decidedJson from '../templates/manager-request-decided.json';
import requestFormJson from '../templates/manager-request-form.json';
import replyJson from '../templates/reply-received.json';
import type {
  ItemView,
  ManagerInboxCardData,
  ManagerNotificationCardData,
  ManagerNotificationWithdrawnCardData,
  ManagerRequestCardData,
  ManagerRequestDecidedCardData,
  ManagerRequestFormCardData,
  ReplyReceivedCardData,
} from '../views';
import { localeData } from './common';
import { itemMetaLine, MAX_EXCERPT, MAX_LIST_ITEMS } from './rep-views';

export const managerNotificationTemplate = new CardTemplate<object>('manager-notification', notificationJson);
export const managerNotificationWithdrawnTemplate = new CardTemplate<object>(
  'manager-notification-withdrawn',
  withdrawnJson,
);
export const managerInboxTemplate = new CardTemplate<object>('manager-inbox', inboxJson);
export const replyReceivedTemplate = new CardTemplate<object>('reply-received', replyJson);
export const managerRequestFormTemplate = new CardTemplate<object>('manager-request-form', requestFormJson);
export const managerRequestTemplate = new CardTemplate<object>('manager-request', requestJson);
export const managerRequestDecidedTemplate = new CardTemplate<object>('manager-request-decided', decidedJson);

export const MAX_SUGGESTIONS = 3;
export const MAX_TONE_FINDINGS = 5;
// Suggested replies and tone findings are generated text; these bounds keep the card under 40 KB even when the
// shared item and the draft are at their maximum lengths (a test builds that case). After a tone check the card
// shows the findings instead of the suggestions: the manager is working on their own draft by then.
const MAX_SUGGESTION_TEXT = 600;
const MAX_REASON = 200;
const MAX_FINDING_TEXT = 300;
const MAX_FACTS = 12;
/** A check-in's answers (5) and note: every text a shared item can hold. */
const MAX_ITEM_TEXTS = 6;

function itemData(item: ItemView, locale: Locale) {
  return {
    itemKind: item.itemKind,
    itemId: item.itemId,
    metaLine: itemMetaLine(locale, item.itemKind, item.dateLabel),
    title: plain(item.title),
    facts: item.facts.slice(0, MAX_FACTS).map((f) => ({ title: plain(f.label), value: plain(f.value) })),
    texts: item.texts
      .slice(0, MAX_ITEM_TEXTS)
      .map((t) => ({ label: excerpt(t.label, 200), text: excerpt(t.text, 1000) })),
  };
}

export function managerNotificationCard(view: ManagerNotificationCardData): AdaptiveCardJson {
  const findings = (view.toneFindings ?? []).slice(0, MAX_TONE_FINDINGS);
  const suggestions = view.suggestions.slice(0, MAX_SUGGESTIONS);
  const used = suggestions.find((s) => s.text === view.draft);
  return managerNotificationTemplate.expand({
    ...localeData(view.locale),
    repName: plain(view.repName),
    sharedBy: aroundName(view.locale, 'notify.sharedBy'),
    item: itemData(view.item, view.locale),
    support: view.supportRequested,
    preference: view.answerPreference ? label(view.locale, `answerPreference.${view.answerPreference}`) : '',
    suggestions: suggestions.map((s) => ({
      templateId: s.templateId,
      text: excerpt(s.text, MAX_SUGGESTION_TEXT),
      reason: excerpt(s.reason, MAX_REASON),
    })),
    // The draft is an input value: submitted back as typed, so it is not altered.
    draft: view.draft,
    templateId: used?.templateId ?? '',
    reviewed: view.toneFindings !== null,
    findings: findings.map((f) => ({
      categoryLabel: label(view.locale, `tone.${f.category}`),
      excerpt: excerpt(f.excerpt, MAX_REASON),
      reason: excerpt(f.reason, MAX_FINDING_TEXT),
      alternative: excerpt(f.alternative, MAX_FINDING_TEXT),
    })),
    // After findings, sending means sending anyway: the button says so and tells core (`sendAnyway`).
    flagged: findings.length > 0,
    sendTitle: label(view.locale, findings.length > 0 ? 'notify.sendAnyway' : 'notify.send'),
    sent: view.sentText !== undefined,
    sentText: plain(view.sentText),
  });
}

export function managerNotificationWithdrawnCard(view: ManagerNotificationWithdrawnCardData): AdaptiveCardJson {
  return managerNotificationWithdrawnTemplate.expand({ ...localeData(view.locale), itemId: view.itemId });
}

export function managerInboxCard(view: ManagerInboxCardData): AdaptiveCardJson {
  const items = view.items.slice(0, MAX_LIST_ITEMS);
  return managerInboxTemplate.expand({
    ...localeData(view.locale),
    items: items.map((i) => ({
      itemKind: i.itemKind,
      itemId: i.itemId,
      metaLine: itemMetaLine(view.locale, i.itemKind, i.dateLabel),
      repName: plain(i.repName),
      title: i.unreadable ? label(view.locale, 'inbox.unreadable') : excerpt(i.title, MAX_EXCERPT),
      support: i.supportRequested,
      unreadable: i.unreadable === true,
    })),
    countText:
      view.total > items.length ? label(view.locale, 'inbox.count', { shown: items.length, total: view.total }) : '',
  });
}

export function replyReceivedCard(view: ReplyReceivedCardData): AdaptiveCardJson {
  return replyReceivedTemplate.expand({
    ...localeData(view.locale),
    replyId: view.replyId,
    managerName: plain(view.managerName),
    from: aroundName(view.locale, 'reply.from'),
    itemTitle: excerpt(view.itemTitle, MAX_EXCERPT),
    sentAtLabel: plain(view.sentAtLabel),
    text: plain(view.text),
  });
}

export function managerRequestFormCard(view: ManagerRequestFormCardData): AdaptiveCardJson {
  return managerRequestFormTemplate.expand({
    ...localeData(view.locale),
    candidates: view.candidates.slice(0, 100).map((c) => ({ title: plain(c.name), value: c.id })),
  });
}

export function managerRequestCard(view: ManagerRequestCardData): AdaptiveCardJson {
  return managerRequestTemplate.expand({
    ...localeData(view.locale),
    assignmentId: view.assignmentId,
    repName: plain(view.repName),
    incoming: aroundName(view.locale, 'managerRequest.incoming'),
  });
}

export function managerRequestDecidedCard(view: ManagerRequestDecidedCardData): AdaptiveCardJson {
  const accepted = view.status === 'accepted';
  const l = view.locale;
  // Rep: "<name> accepted your request." Manager: "You are now <name>'s manager."
  const key =
    view.viewer === 'manager'
      ? accepted
        ? 'managerRequest.acceptedManager'
        : 'managerRequest.declinedManager'
      : accepted
        ? 'managerRequest.acceptedRep'
        : 'managerRequest.declinedRep';
  return managerRequestDecidedTemplate.expand({
    ...localeData(l),
    headline: label(l, accepted ? 'managerRequest.accepted' : 'managerRequest.declined'),
    ...aroundName(l, key),
    name: plain(view.otherName),
  });
}
