import { AsyncLocalStorage } from 'node:async_hooks';

/** Who a send is for, so the HTTP client can count its requests against the right tenant. */
export interface SendContext {
  tenantId: string;
  conversationId?: string | null;
}

const storage = new AsyncLocalStorage<SendContext>();

/** Runs `fn` with every connector request it makes counted for `context`'s tenant. */
export function withSendContext<T>(context: SendContext, fn: () => T): T {
  return storage.run(context, fn);
}

/** The context set by the innermost `withSendContext` around the caller, if any. */
export function currentSendContext(): SendContext | undefined {
  return storage.getStore();
}
