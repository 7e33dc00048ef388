export * from './fixtures';
export * from './org-generator';
export * from './store-contract';
export * from './test-api';
