export type { ServiceContext, SupportContact } from './context';
export { createRebound, type Rebound, type ReboundOptions, supportContactSchema } from './create-rebound';
export { EXPORT_FORMAT, type PersonExport } from './data-rights';
export type { Catalogs } from './guidance';
export * from './inputs';
export type { Notification, TakeBack } from './notifications';
export { DEFAULT_TIME_ZONE, defaultSchedule } from './people';
export type { SharingResult } from './sharing';
export type { MyCheckIn, MyLog, MyTrends, PersonSummary, SharedItem } from './views';
