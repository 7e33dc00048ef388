export * from './calendar';
export * from './local-days';
export * from './periods';
