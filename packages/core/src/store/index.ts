export { createMemoryStore } from './memory-store';
export type * from './port';
