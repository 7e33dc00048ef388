/** The few test-runner functions the exported suites need, so core does not depend on a test runner. */
export interface Expectation {
  toBe(expected: unknown): void;
  toEqual(expected: unknown): void;
  toBeNull(): void;
  toHaveLength(length: number): void;
  toContain(item: unknown): void;
  toMatchObject(expected: object): void;
  not: Expectation;
  rejects: { toMatchObject(expected: object): Promise<void> };
}

export interface TestApi {
  describe(name: string, body: () => void): void;
  it(name: string, body: () => Promise<void>, timeout?: number): void;
  expect(actual: unknown): Expectation;
}

/** Creates a fresh, empty store for one test; `destroy` releases it afterwards. */
export interface StoreFactory<S> {
  name: string;
  create(): Promise<S>;
  destroy?(store: S): Promise<void>;
}

export function withStore<S>(factory: StoreFactory<S>, body: (store: S) => Promise<void>): () => Promise<void> {
  return async () => {
    const store = await factory.create();
    try {
      await body(store);
    } finally {
      if (factory.destroy) await factory.destroy(store);
      else await (store as { close?: () => Promise<void> }).close?.();
    }
  };
}
