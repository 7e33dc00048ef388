import { type AdaptiveCardJson, formatDate, myTrendsCard } from '@rebound/cards';
import type { Turn } from '../turn';

const DAYS = 30;

/** `me`: my own pressure and energy over time, my signals (mine first), and what my managers can see. */
export async function myTrends(turn: Turn): Promise<AdaptiveCardJson> {
  const { rebound, now } = turn.deps;
  const { locale } = turn;
  const zone = turn.person.timeZone;
  const since = new Date(now().getTime() - DAYS * 86_400_000).toISOString();
  const [mine, signals, preview] = await Promise.all([
    rebound.listMyItems(turn.actor, { limit: 200 }),
    rebound.mySignals(turn.actor),
    rebound.previewManagerView(turn.actor),
  ]);
  const logs = mine.logs.map((l) => l.log).filter((l) => l.occurredAt >= since);
  const checkIns = mine.checkIns.map((c) => c.checkIn).filter((c) => c.submittedAt >= since);
  return myTrendsCard({
    locale,
    periodLabel: `${formatDate(since, locale, zone)} – ${formatDate(now().toISOString(), locale, zone)}`,
    points: [...checkIns]
      .reverse()
      .map((c) => ({ label: formatDate(c.submittedAt, locale, zone), pressure: c.pressure, energy: c.energy })),
    logs: logs.length,
    askedWhyRate: logs.length === 0 ? null : (100 * logs.filter((l) => l.askedWhy).length) / logs.length,
    checkIns: checkIns.length,
    signals: signals.signals.map((s) => ({ kind: s.kind, text: s.explanation[locale], reason: '' })),
    managerSees: {
      sharesSignals: preview.signalsShared,
      items: preview.items.map(({ view }) => ({
        itemKind: view.kind,
        title: view.kind === 'log' ? (view.item.customerLabel ?? '—') : view.item.periodKey,
        dateLabel: formatDate(view.kind === 'log' ? view.item.occurredAt : view.item.submittedAt, locale, zone),
      })),
      total: preview.items.length,
    },
  });
}
