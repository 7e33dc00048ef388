export * from './clock';
export * from './failure-injection';
export * from './fixtures';
export * from './org-generator';
export * from './snapshot';
export * from './store-contract';
export * from './test-api';
export * from './use-case-atomicity';
