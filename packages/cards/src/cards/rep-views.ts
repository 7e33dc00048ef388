import type { ItemKind, Locale } from '@rebound/core';
import { label } from '../label-tree';
import { excerpt, plain, safeLinkUrl } from '../plain-text';
import { type AdaptiveCardJson, CardTemplate } from '../template-engine';
import checkInAckJson from '../templates/check-in-ack.json';
import myItemsJson from '../templates/my-items.json';
import supportContactsJson from '../templates/support-contacts.json';
import type {
  CardBase,
  CheckInAckCardData,
  MyItemsCardData,
  SupportContactsCardData,
  SupportContactView,
} from '../views';
import { localeData } from './common';

export const checkInAckTemplate = new CardTemplate<object>('check-in-ack', checkInAckJson);
export const supportContactsTemplate = new CardTemplate<object>('support-contacts', supportContactsJson);
export const myItemsTemplate = new CardTemplate<object>('my-items', myItemsJson);

/** Lists are bounded so that a card stays far below the Teams message size limit. */
export const MAX_LIST_ITEMS = 10;
export const MAX_EXCERPT = 200;
/** My items carry per-item forms (visibility, outcome), so a page holds fewer of them. */
export const MY_ITEMS_PAGE_SIZE = 5;
/** Who an item can be shared with from my items (private is "withdraw"). */
const SHARED_VISIBILITIES = ['manager', 'team', 'team-anonymous'] as const;

function contactData(locale: CardBase['locale'], contacts: readonly SupportContactView[]) {
  return contacts.slice(0, MAX_LIST_ITEMS).map((c) => ({
    kindLabel: label(locale, `support.kind.${c.kind}`),
    name: plain(c.name),
    detail: plain(c.detail),
    url: safeLinkUrl(c.url),
  }));
}

function checkInAckData(view: CheckInAckCardData): object {
  return {
    ...localeData(view.locale),
    permission: view.permissionToNotSell,
    support: view.supportRequested,
    visibilityLabel: label(view.locale, `visibility.${view.visibility}`),
    contacts: contactData(view.locale, view.contacts),
  };
}

/** The contacts as `contactData` reads them (falsy text shows as ''), for a memo key. */
function contactsKey(contacts: readonly SupportContactView[]): string[][] {
  return contacts.slice(0, MAX_LIST_ITEMS).map((c) => [String(c.kind), c.name || '', c.detail || '', c.url || '']);
}

/**
 * Everything the acknowledgement shows, as a string: the check-in's id is not on the card (it is stored, and
 * the card offers no action on it), so the card is one of a few per locale and contact list (they come from the
 * configuration), expanded once each.
 */
function checkInAckKey(view: CheckInAckCardData): string {
  return JSON.stringify([
    view.locale,
    String(view.visibility),
    view.permissionToNotSell,
    view.supportRequested,
    contactsKey(view.contacts),
  ]);
}

export function checkInAckCard(view: CheckInAckCardData): AdaptiveCardJson {
  return checkInAckTemplate.expandMemo(checkInAckKey(view), () => checkInAckData(view));
}

/** One card per locale and contact list, expanded once each (see `checkInAckCard`). */
export function supportContactsCard(view: SupportContactsCardData): AdaptiveCardJson {
  return supportContactsTemplate.expandMemo(JSON.stringify([view.locale, contactsKey(view.contacts)]), () => ({
    ...localeData(view.locale),
    contacts: contactData(view.locale, view.contacts),
  }));
}

/**
 * The small line above an item's title: its kind, and its date for a log. A check-in's title is its period
 * already, so its line does not repeat a date.
 */
export function itemMetaLine(locale: Locale, itemKind: ItemKind, dateLabel: string): string {
  const kind = label(locale, `itemKind.${itemKind}`);
  return itemKind === 'check-in' || !dateLabel ? kind : `${kind} · ${plain(dateLabel)}`;
}

export function myItemsCard(view: MyItemsCardData): AdaptiveCardJson {
  const l = view.locale;
  const items = view.items.slice(0, MY_ITEMS_PAGE_SIZE);
  const offset = view.offset ?? 0;
  return myItemsTemplate.expand({
    ...localeData(l),
    today: view.today,
    items: items.map((item, slot) => ({
      itemKind: item.itemKind,
      itemId: item.itemId,
      metaLine: itemMetaLine(l, item.itemKind, item.dateLabel),
      title: item.unreadable ? label(l, 'mine.unreadable') : excerpt(item.title, MAX_EXCERPT),
      unreadable: item.unreadable === true,
      // An unreadable record shows only that it could not be read: none of what was stored with it.
      summary: item.unreadable ? '' : plain(item.summary),
      excerpt: item.unreadable ? '' : excerpt(item.excerpt, MAX_EXCERPT),
      visibility: item.visibility,
      visibilityLabel: label(l, `visibility.${item.visibility}`),
      outcomesLabel: item.outcomes.map((o) => label(l, `outcome.${o}`)).join(', '),
      // In the item's "…" menu: share with anyone else than now (withdrawing is its own entry).
      shareTo: SHARED_VISIBILITIES.filter((v) => !item.unreadable && v !== item.visibility).map((to) => ({
        title: label(l, `mine.shareWith.${to}`),
        to,
        itemKind: item.itemKind,
        itemId: item.itemId,
      })),
      slot: String(slot),
      outcomeKindInput: `outcomeKind_${slot}`,
      outcomeDateInput: `outcomeDate_${slot}`,
      outcomeNoteInput: `outcomeNote_${slot}`,
    })),
    countText:
      view.total > items.length
        ? label(l, 'mine.count', { from: offset + 1, to: offset + items.length, total: view.total })
        : '',
    nextOffset: offset + items.length < view.total ? String(offset + items.length) : '',
  });
}
