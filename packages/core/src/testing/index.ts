export * from './org-generator';
