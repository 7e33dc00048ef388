import type { ConnectorClient } from 'botframework-connector';
import { currentSendContext } from './send-context';

/** Deadline of a connector call made inside a turn (the person's own replies, and notifications it starts). */
export const TURN_CALL_TIMEOUT_MS = 4000;
/** Deadline of a connector call the delivery queue makes for a queued delivery. */
export const QUEUED_CALL_TIMEOUT_MS = 15_000;

/** A call that did not get its answer in time; the queue retries it like a network failure. */
export class CallTimeoutError extends Error {
  override readonly name = 'TimeoutError';
  readonly code = 'ETIMEDOUT';
}

/** The moment (performance.now() ms) each call's abort signal fires, for the HTTP client below the pipeline. */
const deadlines = new WeakMap<AbortSignal, number>();

/** When the call carrying `signal` runs out of time, or null when it carries no deadline of ours. */
export function deadlineOf(signal: unknown): number | null {
  return signal instanceof AbortSignal ? (deadlines.get(signal) ?? null) : null;
}

/** The part of a core-rest-pipeline request and pipeline this policy touches. */
interface PipelineRequestLike {
  method: string;
  url: string;
  abortSignal?: AbortSignal;
}
interface PipelineLike {
  addPolicy(
    policy: {
      name: string;
      sendRequest(request: PipelineRequestLike, next: (r: PipelineRequestLike) => Promise<unknown>): Promise<unknown>;
    },
    options?: { phase?: 'Serialize' },
  ): void;
}

/** Clients that already have the policy (the adapter hands out the same shared client turn after turn). */
const withDeadline = new WeakSet<object>();

/**
 * Gives every call `client` makes a deadline: `timeoutMs` of the send context around it, else `defaultMs`.
 *
 * botframework-connector's HTTP pipeline has no timeout of its own, and its retry policy waits out any
 * `Retry-After` it is given, however long. The deadline is an abort signal set on the pipeline's request at the
 * outermost step, so it covers the whole call: the token fetch of the credentials, the wait for a rate-limit
 * slot (the limited HTTP client passes the signal to the limiter), each HTTP attempt (aborted, which gives its
 * slot back), and the retry policy's sleeps (they end on abort). The call then fails with a `CallTimeoutError`,
 * even where the work under it cannot be cancelled (MSAL's token request takes no signal: it is left behind).
 *
 * The pipeline is private to botbuilder's client (`ServiceClientContext.client.pipeline` in 4.23): if a later
 * version moves it, this throws rather than leave calls without a deadline.
 */
export function withCallDeadline<T extends ConnectorClient>(client: T, defaultMs: number): T {
  if (withDeadline.has(client)) return client;
  const pipeline = (client as unknown as { client?: { pipeline?: PipelineLike } }).client?.pipeline;
  if (!pipeline || typeof pipeline.addPolicy !== 'function') {
    throw new Error('botframework-connector client has no pipeline to add call deadlines to');
  }
  pipeline.addPolicy(
    {
      name: 'reboundCallDeadline',
      sendRequest(request, next) {
        const ms = currentSendContext()?.timeoutMs ?? defaultMs;
        return callWithDeadline(request, ms, () => next(request));
      },
    },
    // The first phase: outside the credentials (token fetch) and the retry policy.
    { phase: 'Serialize' },
  );
  withDeadline.add(client);
  return client;
}

async function callWithDeadline<T>(request: PipelineRequestLike, ms: number, call: () => Promise<T>): Promise<T> {
  const controller = new AbortController();
  const outer = request.abortSignal;
  const signal = outer ? AbortSignal.any([outer, controller.signal]) : controller.signal;
  deadlines.set(signal, performance.now() + ms);
  request.abortSignal = signal;
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const error = new CallTimeoutError(`${request.method} ${hostOf(request.url)}: no answer within ${ms} ms`);
      controller.abort(error);
      reject(error);
    }, ms);
  });
  try {
    return await Promise.race([call(), expired]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Waits for `work` at most `ms`; after that rejects with a `CallTimeoutError` naming `what`. The work itself
 * goes on (for calls that take no abort signal, such as botbuilder's OpenID key fetch).
 */
export async function withinDeadline<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new CallTimeoutError(`${what}: no answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work, expired]);
  } finally {
    clearTimeout(timer);
  }
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return '';
  }
}
