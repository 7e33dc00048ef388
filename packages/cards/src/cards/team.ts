import type { Locale } from '@rebound/core';
import { aroundName, label } from '../label-tree';
import { plain } from '../plain-text';
import { type AdaptiveCardJson, CardTemplate } from '../template-engine';
import digestJson from '../templates/digest.json';
import storyJson from '../templates/team-story.json';
import storyWithdrawnJson from '../templates/team-story-withdrawn.json';
import type { DigestCardData, FigureView, TeamStoryCardData, TeamStoryWithdrawnCardData } from '../views';
import { localeData } from './common';

export const teamStoryTemplate = new CardTemplate<object>('team-story', storyJson);
export const teamStoryWithdrawnTemplate = new CardTemplate<object>('team-story-withdrawn', storyWithdrawnJson);
export const digestTemplate = new CardTemplate<object>('digest', digestJson);

export function teamStoryCard(view: TeamStoryCardData): AdaptiveCardJson {
  const l = view.locale;
  const texts = (
    [
      ['log.customerWords', view.customerWords],
      ['log.discovery', view.discovery],
      ['log.learned', view.learned],
    ] as const
  )
    .filter(([, text]) => text)
    .map(([key, text]) => ({ label: label(l, key), text: plain(text) }));
  // No buttons: people react with Teams' own reactions on the channel post.
  return teamStoryTemplate.expand({
    ...localeData(l),
    storyId: view.storyId,
    anonymous: view.author.anonymous,
    // Never read a name for an anonymous story, whatever the caller passed.
    authorName: view.author.anonymous ? '' : plain(view.author.name),
    by: aroundName(l, 'story.by'),
    facts: [
      { title: label(l, 'log.stage'), value: label(l, `stage.${view.stage}`) },
      { title: label(l, 'log.reason'), value: label(l, `reason.${view.reason}`) },
      { title: label(l, 'item.askedWhy'), value: label(l, view.askedWhy ? 'common.yes' : 'common.no') },
    ],
    texts,
  });
}

export function teamStoryWithdrawnCard(view: TeamStoryWithdrawnCardData): AdaptiveCardJson {
  return teamStoryWithdrawnTemplate.expand({ ...localeData(view.locale), storyId: view.storyId });
}

function shown(figure: FigureView): boolean {
  return !figure.suppressed && figure.value !== null;
}

function figureText(locale: Locale, figure: FigureView, percent = false): string {
  if (!shown(figure)) return label(locale, 'digest.hidden');
  return percent ? `${Math.round(figure.value!)}%` : String(figure.value);
}

export function digestCard(view: DigestCardData): AdaptiveCardJson {
  const l = view.locale;
  const all = [
    view.participants,
    view.logs,
    view.askedWhyRate,
    view.discoveryRate,
    view.followUpRate,
    ...Object.values(view.outcomes),
    ...view.reasons.map((r) => r.count),
    ...view.askedWhyTrend.map((p) => p.rate),
  ];
  const reasons = view.reasons.slice(0, 8);
  const trend = view.askedWhyTrend.slice(-12);
  const visibleReasons = reasons.filter((r) => shown(r.count));
  return digestTemplate.expand({
    ...localeData(l),
    teamName: plain(view.teamName),
    periodLabel: plain(view.periodLabel),
    figures: [
      { title: label(l, 'digest.people'), value: figureText(l, view.participants) },
      { title: label(l, 'digest.logs'), value: figureText(l, view.logs) },
      { title: label(l, 'digest.askedWhy'), value: figureText(l, view.askedWhyRate, true) },
      { title: label(l, 'digest.discovery'), value: figureText(l, view.discoveryRate, true) },
      { title: label(l, 'digest.followUp'), value: figureText(l, view.followUpRate, true) },
    ],
    outcomes: (['reopened', 'won-later', 'referral', 'repeat'] as const).map((kind) => ({
      title: label(l, `outcome.${kind}`),
      value: figureText(l, view.outcomes[kind]),
    })),
    // The chart shows only what may be shown; a hidden reason is listed as hidden in the text version.
    reasonData: visibleReasons.map((r) => ({ legend: label(l, `reason.${r.category}`), value: r.count.value })),
    reasonFacts: reasons.map((r) => ({ title: label(l, `reason.${r.category}`), value: figureText(l, r.count) })),
    trendValues: trend.filter((p) => shown(p.rate)).map((p) => ({ x: plain(p.label), y: Math.round(p.rate.value!) })),
    trendFacts: trend.map((p) => ({ title: plain(p.label), value: figureText(l, p.rate, true) })),
    suppressedText: all.some((f) => f.suppressed) ? label(l, 'digest.suppressed', { k: view.k }) : '',
  });
}
