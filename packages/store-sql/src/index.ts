export { parseStoreUrl, redactUrl, type SqlDialectName } from './config';
export { readSqlitePragmas, type SqlitePragmas } from './connect';
export { SqlStoreError } from './errors';
export { type StoreMessageKey, storeMessages } from './messages';
export { LATEST_VERSION as SCHEMA_VERSION } from './migrations';
export type { ImportRecords } from './ops';
export { createSqlStore, type SqlStore, type SqlStoreCommonOptions, type SqlStoreOptions } from './sql-store';
