export { CELL_KEYS, type HiddenReason, SHOWN_OUTCOMES, type ShownOutcome } from './insight-cells';
export type { ChangeHiddenReason, InsightChange, InsightFigure, InsightFigures } from './insight-figures';
export { type InsightMessageKey, insightMessages } from './insight-messages';
export {
  INSIGHT_PERIOD_KINDS,
  type InsightPeriod,
  type InsightPeriodKind,
  insightCountsQuery,
  insightPeriod,
  insightPeriodInputSchema,
  previousInsightPeriod,
  teamInsightPeriod,
} from './insight-periods';
export { insightCountRowSchema, insightKSchema, insightRowsSchema } from './insight-rows';
export {
  computeOrgInsights,
  type OrgInsights,
  type OrgInsightsInput,
  orgInsightsInputSchema,
} from './org-insights';
export {
  computeTeamInsights,
  type TeamInsights,
  type TeamInsightsInput,
  teamInsightsInputSchema,
} from './team-insights';
