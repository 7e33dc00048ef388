export * from './calendar';
export * from './local-days';
