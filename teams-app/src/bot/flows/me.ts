import { type AdaptiveCardJson, formatDate, myTrendsCard } from '@rebound/cards';
import type { Turn } from '../turn';

/** `me`: my own pressure and energy over time, my signals (mine first), and what my managers can see. */
export async function myTrends(turn: Turn): Promise<AdaptiveCardJson> {
  const { rebound } = turn.deps;
  const { locale } = turn;
  const zone = turn.person.timeZone;
  const [trends, signals, preview] = await Promise.all([
    rebound.myTrends(turn.actor),
    rebound.mySignals(turn.actor),
    rebound.previewManagerView(turn.actor),
  ]);
  return myTrendsCard({
    locale,
    periodLabel: `${formatDate(trends.from, locale, zone)} – ${formatDate(trends.to, locale, zone)}`,
    points: trends.points.map((p) => ({
      label: formatDate(p.at, locale, zone),
      pressure: p.pressure,
      energy: p.energy,
    })),
    logs: trends.logs,
    askedWhyRate: trends.askedWhyRate === null ? null : 100 * trends.askedWhyRate,
    checkIns: trends.checkIns,
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
