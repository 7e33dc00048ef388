import {
  type InsightFigure,
  type Locale,
  type Localized,
  REASON_CATEGORIES,
  type ReplySuggestion,
  type SelectedPrompt,
  SHOWN_OUTCOMES,
  type SupportContact,
  type TeamInsights,
  type ToneFinding,
} from '@rebound/core';
import { formatPeriod } from './item-views';
import { safeLinkUrl } from './plain-text';
import type {
  DigestCardData,
  FigureView,
  PromptView,
  ReplySuggestionView,
  SupportContactView,
  ToneFindingView,
} from './views';

// Core's rules answer in both languages; a card shows one. These pick the card's language from rule results.

export function promptView(selected: SelectedPrompt, locale: Locale): PromptView {
  const { prompt, reason } = selected;
  return {
    id: prompt.id,
    text: prompt.text[locale],
    answerKind: prompt.answerKind,
    ...(prompt.choices ? { choices: prompt.choices.map((c) => ({ id: c.id, text: c.label[locale] })) } : {}),
    reason: reason[locale],
  };
}

export function replySuggestionView(suggestion: ReplySuggestion, locale: Locale): ReplySuggestionView {
  return { templateId: suggestion.templateId, text: suggestion.text, reason: suggestion.reason[locale] };
}

export function toneFindingView(finding: ToneFinding, locale: Locale): ToneFindingView {
  return {
    category: finding.category,
    excerpt: finding.excerpt,
    reason: finding.reason[locale],
    alternative: finding.alternative,
  };
}

/** A configured support contact: its contact line shown as text, and as a link when it is an https address. */
export function supportContactView(contact: SupportContact): SupportContactView {
  const url = safeLinkUrl(contact.contact);
  return { kind: contact.kind, name: contact.name, detail: contact.contact, ...(url ? { url } : {}) };
}

export interface DigestOptions {
  teamName: string;
  locale: Locale;
  /** The privacy threshold the figures were computed with; defaults to `insights.k`. */
  k?: number;
  /** Defaults to the period label `rebound.teamInsights` returns (`period.label`) in `locale`. */
  periodLabel?: string;
  /**
   * Earlier periods for the "asked why, period by period" line, oldest first; the current period is added last.
   * Defaults to the weeks a core digest carries (`host.digestFor`'s `trend`); without either, no trend.
   */
  trend?: readonly { label: string; insights: { figures: Pick<TeamInsights['figures'], 'askedWhy'> } }[];
}

/** A period as the digest names it: a week by its Monday ("Week of 23 Nov", 「11月23日の週」), else core's label. */
type NamedPeriod = { label: Localized; key?: string; kind?: string };
function periodName(period: NamedPeriod | undefined, locale: Locale): string | undefined {
  return period?.kind === 'week' && period.key ? formatPeriod(period.key, locale) : period?.label[locale];
}

/** A figure as the card shows a number: the count behind it (people, logs), or nothing when it is hidden. */
function countOf(figure: InsightFigure): FigureView {
  return figure.hidden || figure.count === null
    ? { value: null, suppressed: true }
    : { value: figure.count, suppressed: false };
}

/** A share (0-1) as a percentage with one decimal, or nothing when it is hidden. */
function percentOf(figure: InsightFigure): FigureView {
  return figure.hidden || figure.value === null
    ? { value: null, suppressed: true }
    : { value: Math.round(figure.value * 1000) / 10, suppressed: false };
}

/**
 * The weekly digest card's data from core's team insights (`rebound.teamInsights` or `computeTeamInsights`).
 * Every figure core hid (fewer than k people, or derivable by subtraction) stays hidden: only core's shown
 * values are read. Reasons keep core's fixed order, so the card ranks nothing.
 */
export function digestFromInsights(
  insights: TeamInsights & {
    period?: NamedPeriod;
    /** A core digest's earlier weeks (`TeamDigest.trend`), each hidden or shown by core. */
    trend?: readonly { period: NamedPeriod; figures: Pick<TeamInsights['figures'], 'askedWhy'> }[];
  },
  options: DigestOptions,
): DigestCardData {
  const { figures } = insights;
  const periodLabel = options.periodLabel ?? periodName(insights.period, options.locale) ?? '';
  const trend =
    options.trend ??
    insights.trend?.map((p) => ({
      label: periodName(p.period, options.locale) ?? '',
      insights: { figures: p.figures },
    }));
  return {
    locale: options.locale,
    teamName: options.teamName,
    periodLabel,
    k: options.k ?? insights.k,
    participants: countOf(figures.participation),
    logs: countOf(figures.logs),
    askedWhyRate: percentOf(figures.askedWhy),
    discoveryRate: percentOf(figures.discovery),
    followUpRate: percentOf(figures.followUp),
    outcomes: Object.fromEntries(
      SHOWN_OUTCOMES.map((o) => [o, countOf(figures.outcomes[o])]),
    ) as DigestCardData['outcomes'],
    reasons: REASON_CATEGORIES.map((category) => ({ category, count: countOf(figures.reasons[category]) })),
    askedWhyTrend: trend
      ? [...trend, { label: periodLabel, insights }].map((p) => ({
          label: p.label,
          rate: percentOf(p.insights.figures.askedWhy),
        }))
      : [],
  };
}
