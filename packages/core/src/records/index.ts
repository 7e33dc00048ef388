export * from './check-in';
export * from './delivery';
export * from './enums';
export * from './person';
export * from './primitives';
export * from './rejection-log';
export * from './share';
export * from './team';
