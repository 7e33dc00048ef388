import { AsyncLocalStorage } from 'node:async_hooks';

/** Who a send is for, so the HTTP client can count its requests against the right tenant. */
export interface SendContext {
  tenantId: string;
  conversationId?: string | null;
  /** Deadline of each connector call made for this send (see deadline.ts); the client's default when unset. */
  timeoutMs?: number;
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

/** What a turn has spent so far waiting for other people's messages to go out (see bot/delivery.ts). */
export interface TurnScope {
  waitedMs: number;
}

const turns = new AsyncLocalStorage<TurnScope>();

/** Runs one turn's logic with a scope of its own that everything it awaits can find (`currentTurnScope`). */
export function withTurnScope<T>(fn: () => T): T {
  return turns.run({ waitedMs: 0 }, fn);
}

/** The scope of the turn around the caller, or undefined outside a turn. */
export function currentTurnScope(): TurnScope | undefined {
  return turns.getStore();
}
