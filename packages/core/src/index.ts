export * from './errors';
export * from './i18n/catalog';
export { type CoreMessageKey, coreMessages } from './i18n/core-messages';
export * from './records/index';
export type * from './store/port';
