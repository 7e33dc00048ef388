import { type AdaptiveCardJson, formatDate, managerInboxCard } from '@rebound/cards';
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
    title:
      view.kind === 'log'
        ? (view.item.customerLabel ?? '—')
        : /W/.test(view.item.periodKey)
          ? view.item.periodKey
          : formatDate(view.item.periodKey, locale, zone),
    dateLabel: formatDate(view.kind === 'log' ? view.item.occurredAt : view.item.submittedAt, locale, zone),
    supportRequested: view.kind === 'check-in' && view.item.supportRequested,
  }));
  return managerInboxCard({ locale, items, total: items.length });
}
