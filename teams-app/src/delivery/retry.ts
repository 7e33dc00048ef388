/** What to do after a failed send: try again later, stop sending to that conversation, or give up on this one. */
export type SendErrorClass = 'retry' | 'gone' | 'fail';

/** Statuses Teams asks bots to retry: throttled (429), precondition race (412), bad/timed-out gateway (502, 504). */
const RETRY_STATUSES = new Set([412, 429, 502, 504]);
/** The bot was removed or blocked (403), or the conversation no longer exists (404). */
const GONE_STATUSES = new Set([403, 404]);
const NETWORK_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'REQUEST_SEND_ERROR',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  // Not sent at all: too many requests were already waiting for a rate-limit slot (rate-limiter.ts).
  'EQUEUEFULL',
]);

/** The HTTP status a send failed with (RestError `statusCode`, or its `response.status`), else null. */
export function sendErrorStatus(err: unknown): number | null {
  const e = err as { statusCode?: unknown; status?: unknown; response?: { status?: unknown } } | null;
  for (const s of [e?.statusCode, e?.response?.status, e?.status]) {
    if (typeof s === 'number' && Number.isInteger(s)) return s;
  }
  return null;
}

function isNetworkError(err: unknown): boolean {
  const e = err as { code?: unknown; cause?: { code?: unknown }; name?: unknown } | null;
  const code = typeof e?.code === 'string' ? e.code : typeof e?.cause?.code === 'string' ? e.cause.code : null;
  if (code && NETWORK_CODES.has(code)) return true;
  return e?.name === 'TimeoutError' || e?.name === 'NetworkError';
}

export function classifySendError(err: unknown): SendErrorClass {
  const status = sendErrorStatus(err);
  if (status !== null) {
    if (RETRY_STATUSES.has(status)) return 'retry';
    if (GONE_STATUSES.has(status)) return 'gone';
    return 'fail';
  }
  return isNetworkError(err) ? 'retry' : 'fail';
}

/**
 * How long the error's response asked us to wait, in ms: `retry-after-ms` / `x-ms-retry-after-ms`, else
 * `Retry-After` as seconds or as an HTTP date (relative to `now`), or the error's own `retryAfterMs`. Null when
 * it says nothing usable.
 */
export function retryAfterMs(err: unknown, now: number = Date.now()): number | null {
  // Set by the limited HTTP client on a throttling answer it would not let the connector sit out.
  const given = (err as { retryAfterMs?: unknown } | null)?.retryAfterMs;
  if (typeof given === 'number' && Number.isFinite(given) && given >= 0) return given;
  const headers = (err as { response?: { headers?: unknown } } | null)?.response?.headers;
  if (!headers) return null;
  const get = (name: string): string | null => {
    const h = headers as { get?: (n: string) => unknown } & Record<string, unknown>;
    const value =
      typeof h.get === 'function'
        ? h.get(name)
        : (h[name] ?? Object.entries(h).find(([k]) => k.toLowerCase() === name)?.[1]);
    return typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : null;
  };
  for (const name of ['retry-after-ms', 'x-ms-retry-after-ms']) {
    const v = get(name);
    if (v && /^\d+(\.\d+)?$/.test(v)) return Number(v);
  }
  const v = get('retry-after');
  if (!v) return null;
  if (/^\d+(\.\d+)?$/.test(v)) return Number(v) * 1000;
  const date = Date.parse(v);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

export interface RetryDelayOptions {
  /** First backoff ceiling; doubles every attempt. Default 500 ms. */
  baseMs?: number;
  /** Largest backoff. Default 30 s. */
  capMs?: number;
  /** Largest wait a `Retry-After` can ask for. Default 5 minutes. */
  maxRetryAfterMs?: number;
  now?: number;
}

/**
 * Wait before the next attempt after `attempt` (1 = the first) failed with `err`: what the server's
 * `Retry-After` asked for when it gave one (capped at `maxRetryAfterMs`), else exponential backoff with full
 * jitter, a uniform draw in [0, min(cap, base * 2^(attempt-1))). `rng` returns values in [0, 1).
 */
export function retryDelay(
  attempt: number,
  err: unknown,
  rng: () => number = Math.random,
  options: RetryDelayOptions = {},
): number {
  const { baseMs = 500, capMs = 30_000, maxRetryAfterMs = 300_000 } = options;
  const asked = retryAfterMs(err, options.now ?? Date.now());
  if (asked !== null) return Math.min(asked, maxRetryAfterMs);
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.floor(rng() * ceiling);
}

export interface SendWithRetryOptions extends RetryDelayOptions {
  /** Attempts in all, the first included. Default 5. */
  maxAttempts?: number;
  sleep?: (ms: number) => Promise<void>;
  rng?: () => number;
  /** Told before each wait, for logs. */
  onRetry?: (info: { attempt: number; delayMs: number; error: unknown }) => void;
}

/**
 * Runs `fn` until it succeeds, retrying only what `classifySendError` calls 'retry', at most `maxAttempts`
 * times in all. Rethrows the last error unchanged, so the caller can still tell 'gone' from 'fail'.
 */
export async function sendWithRetry<T>(
  fn: (attempt: number) => Promise<T>,
  options: SendWithRetryOptions = {},
): Promise<T> {
  const maxAttempts = options.maxAttempts ?? 5;
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1) throw new RangeError('maxAttempts must be a positive integer');
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const rng = options.rng ?? Math.random;
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn(attempt);
    } catch (error) {
      if (attempt >= maxAttempts || classifySendError(error) !== 'retry') throw error;
      const delayMs = retryDelay(attempt, error, rng, options);
      options.onRetry?.({ attempt, delayMs, error });
      await sleep(delayMs);
    }
  }
}
