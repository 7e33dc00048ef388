export { BoundedMap } from './cache/bounded-map';
export * from './calendar/index';
export * from './errors';
export * from './i18n/catalog';
export { type CoreMessageKey, coreMessages } from './i18n/core-messages';
export * from './privacy/index';
export * from './records/index';
export * from './rules/insights/index';
export * from './rules/prompts/index';
export * from './rules/replies/index';
export * from './rules/signals/index';
export * from './rules/tone/index';
export * from './scheduling/index';
export { DIGEST_TREND_WEEKS, type DigestTrendPoint } from './service/digest-trend';
export { MAX_DUE_DELIVERIES } from './service/host';
export * from './service/index';
export { notificationFromDelivery } from './service/notifications';
export {
  DEFAULT_LOOKBACK_HOURS,
  MAX_LOOKBACK_HOURS,
  type PlanResult,
  SCHEDULED_KINDS,
  type ScheduledKind,
} from './service/scheduler';
export { isoWeekSchema, mondayOfIsoWeek, type TeamDigest } from './service/scheduler-digest';
export * from './store/index';
