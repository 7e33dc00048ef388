import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runStoreContract } from '../testing/store-contract';
import { runUseCaseAtomicityContract } from '../testing/use-case-atomicity';
import { runUseCaseIdempotencyContract } from '../testing/use-case-idempotency';
import { createMemoryStore } from './memory-store';

const memory = { name: 'memory', create: async () => createMemoryStore() };
runStoreContract({ describe, it, expect }, memory);
runUseCaseAtomicityContract({ describe, it, expect }, memory);
runUseCaseIdempotencyContract({ describe, it, expect }, memory);

describe('memory store', () => {
  let store = createMemoryStore();
  beforeEach(() => {
    store = createMemoryStore();
  });
  afterEach(() => store.close());

  it('hands out frozen records, so a caller cannot change stored data by mutating a result', async () => {
    await store.putPerson({
      tenantId: 't',
      id: 'p',
      displayName: 'P',
      timeZone: 'Asia/Tokyo',
      language: null,
      clientLocale: null,
      privacy: { defaultVisibility: 'private', shareSignalsWithManagers: false, countInTeamStats: true },
      answerPreference: null,
      createdAt: '2026-11-01T00:00:00.000Z',
      updatedAt: '2026-11-01T00:00:00.000Z',
    });
    const person = await store.getPerson('t', 'p');
    expect(() => {
      (person as { displayName: string }).displayName = 'changed';
    }).toThrow(TypeError);
    expect((await store.getPerson('t', 'p'))?.displayName).toBe('P');
  });
});
