import http from 'node:http';
import https from 'node:https';
import type { ConnectorClientOptions } from 'botframework-connector';
import { deadlineOf, QUEUED_CALL_TIMEOUT_MS } from './deadline';
import type { RateLimiter } from './rate-limiter';
import { retryAfterMs } from './retry';
import { currentSendContext } from './send-context';

/** The client shape botframework-connector takes in `ConnectorClientOptions.httpClient` (core-http-compat). */
export type ConnectorHttpClient = NonNullable<ConnectorClientOptions['httpClient']>;
export type ConnectorRequest = Parameters<ConnectorHttpClient['sendRequest']>[0];
export type ConnectorResponse = Awaited<ReturnType<ConnectorHttpClient['sendRequest']>>;
type HeadersLike = ConnectorResponse['headers'];

export interface HttpAttemptStats {
  attempts: number;
  /** Attempts by response status; `error` for those that got no response. */
  byStatus: Record<string, number>;
}

export interface LimitedHttpClient extends ConnectorHttpClient {
  stats(): HttpAttemptStats;
  resetStats(): void;
}

/** Tenant bucket for a request whose tenant nobody named. */
export const UNKNOWN_TENANT = 'unknown';

/**
 * The connector's HTTP client, limited and counted: every attempt, including the retries of the connector's
 * own pipeline (its retry policy sits above the HTTP client), first takes a slot from `limiter` for its
 * tenant and conversation.
 *
 * Retries: botframework-connector 4.23 builds its core-client pipeline itself and ignores `noRetryPolicy`, so
 * its default retry policy stays (at most 3 retries: 429/503 after `Retry-After`, 408/5xx and connection
 * errors with exponential backoff). We keep it rather than fight it: each of those attempts passes through
 * here, so none escapes the limits or the count. What it gives up on (and 412, which it never retries) comes
 * back to the caller as an error for `sendWithRetry` (retry.ts), the one policy that decides retry / gone / fail.
 * Connection errors are thrown as plain errors with a `code`, which the pipeline does not retry: they go
 * straight to that same policy.
 *
 * Deadlines (deadline.ts): the call's abort signal also ends its wait for a slot and its attempt in flight,
 * which gives the slot back. A 429 whose `Retry-After` ends after the call's deadline is thrown at once
 * instead of handed to the pipeline, whose retry policy would sleep until the deadline for nothing; the
 * caller's policy then retries when the server asked.
 */
export function createLimitedHttpClient(options: {
  limiter: RateLimiter;
  /** Sends one attempt; defaults to node:http(s) with keep-alive and `attemptTimeoutMs`. */
  inner?: ConnectorHttpClient;
  /**
   * The longest one attempt of the default `inner` may take, for a call that carries no deadline of its own.
   * Default: the queued deliveries' call deadline.
   */
  attemptTimeoutMs?: number;
}): LimitedHttpClient {
  const { limiter } = options;
  const inner = options.inner ?? nodeHttpClient({ attemptTimeoutMs: options.attemptTimeoutMs });
  let attempts = 0;
  let byStatus: Record<string, number> = {};

  return {
    async sendRequest(request) {
      const conversationId = conversationIdOf(request.url);
      const tenantId = currentSendContext()?.tenantId ?? tenantFromBody(request.body) ?? UNKNOWN_TENANT;
      const signal = request.abortSignal as AbortSignal | undefined;
      for (let attempt = 1; ; attempt++) {
        const release = await limiter.acquire(tenantId, conversationId, signal);
        attempts++;
        try {
          const response = await inner.sendRequest(request);
          byStatus[response.status] = (byStatus[response.status] ?? 0) + 1;
          const wait = throttledFor(response);
          const deadline = deadlineOf(signal);
          if (wait !== null && deadline !== null && performance.now() + wait > deadline)
            throw throttled(response, wait);
          return response;
        } catch (err) {
          const status = (err as { statusCode?: unknown })?.statusCode;
          const key = typeof status === 'number' ? String(status) : 'error';
          byStatus[key] = (byStatus[key] ?? 0) + 1;
          // The server closed an idle keep-alive connection just as we reused it: the request never got
          // there, so one more attempt (limited and counted like any) is safe and duplicates nothing.
          if (attempt === 1 && isStaleConnection(err)) continue;
          throw err;
        } finally {
          // The answer is in: the receiver has seen this request by now, so its slot can start to age.
          release();
        }
      }
    },
    stats: () => ({ attempts, byStatus: { ...byStatus } }),
    resetStats() {
      attempts = 0;
      byStatus = {};
    },
  };
}

/**
 * How long a 429 asks to wait, in ms; null for any other answer. (A 503 is left to the pipeline: our policy
 * does not retry it, so it must not come back as a final failure before the deadline.)
 */
function throttledFor(response: ConnectorResponse): number | null {
  if (response.status !== 429) return null;
  return retryAfterMs({ response });
}

/**
 * The answer as an error the connector's retry policy passes on untouched (it retries only its own RestError),
 * with the status and wait `classifySendError` and `retryAfterMs` read. No `response` property: core-client
 * would take the error for one of its own and read more of it.
 */
function throttled(response: ConnectorResponse, retryAfter: number): Error {
  return Object.assign(new Error(`${response.status}: asked to wait past the call's deadline`), {
    name: 'ThrottledError',
    statusCode: response.status,
    retryAfterMs: retryAfter,
  });
}

/** `{id}` of `.../v3/conversations/{id}/...` (URL-decoded), or null for requests about no one conversation. */
export function conversationIdOf(url: string): string | null {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return null;
  }
  const parts = path.split('/');
  for (let i = 0; i + 2 < parts.length; i++) {
    if (parts[i] === 'v3' && parts[i + 1] === 'conversations') {
      const raw = parts[i + 2];
      if (!raw) return null;
      try {
        return decodeURIComponent(raw);
      } catch {
        return raw;
      }
    }
  }
  return null;
}

function tenantFromBody(body: unknown): string | null {
  if (typeof body !== 'string' || !body.includes('tenantId')) return null;
  try {
    const parsed = JSON.parse(body) as { conversation?: { tenantId?: unknown }; tenantId?: unknown };
    const tenant = parsed?.conversation?.tenantId ?? parsed?.tenantId;
    return typeof tenant === 'string' && tenant ? tenant : null;
  } catch {
    return null;
  }
}

const keepAlive = {
  http: new http.Agent({ keepAlive: true, maxSockets: 256 }),
  https: new https.Agent({ keepAlive: true, maxSockets: 256 }),
};

/**
 * One attempt over node:http(s) with keep-alive, in the compat shape the connector expects. An attempt ends
 * when the request's abort signal fires, and at the latest after `attemptTimeoutMs` (an `ETIMEDOUT` error the
 * retry policy retries), whether or not the server sends anything meanwhile.
 */
export function nodeHttpClient(options: { attemptTimeoutMs?: number } = {}): ConnectorHttpClient {
  const attemptTimeoutMs = options.attemptTimeoutMs ?? QUEUED_CALL_TIMEOUT_MS;
  return {
    sendRequest(request) {
      let timer: NodeJS.Timeout | undefined;
      const attempt = new Promise<ConnectorResponse>((resolve, reject) => {
        let url: URL;
        try {
          url = new URL(request.url);
        } catch (err) {
          reject(err);
          return;
        }
        const secure = url.protocol === 'https:';
        const headers: Record<string, string> = {};
        for (const h of request.headers.headersArray()) headers[h.name] = h.value;
        const body: unknown = request.body;
        const payload =
          body === undefined || body === null
            ? undefined
            : typeof body === 'string' || Buffer.isBuffer(body)
              ? body
              : JSON.stringify(body);
        if (payload !== undefined && !Object.keys(headers).some((h) => h.toLowerCase() === 'content-length')) {
          headers['content-length'] = String(Buffer.byteLength(payload));
        }
        const custom = (request as { agent?: http.Agent }).agent;
        const req = (secure ? https : http).request(
          url,
          {
            method: request.method,
            headers,
            agent: custom ?? (secure ? keepAlive.https : keepAlive.http),
            timeout: request.timeout > 0 ? request.timeout : undefined,
            signal: request.abortSignal as AbortSignal | undefined,
          },
          (res) => {
            const responseHeaders = new CompatHeaders();
            for (const [name, value] of Object.entries(res.headers)) {
              if (value !== undefined) responseHeaders.set(name, Array.isArray(value) ? value.join(', ') : value);
            }
            const status = res.statusCode ?? 0;
            if (request.streamResponseStatusCodes?.has(status)) {
              resolve({ request, status, headers: responseHeaders, readableStreamBody: res });
              return;
            }
            const chunks: Buffer[] = [];
            res.on('data', (chunk: Buffer) => chunks.push(chunk));
            res.on('error', (err) => reject(networkError(request, err)));
            res.on('end', () =>
              resolve({
                request,
                status,
                headers: responseHeaders,
                bodyAsText: Buffer.concat(chunks).toString('utf8'),
              }),
            );
          },
        );
        const timedOut = () => req.destroy(Object.assign(new Error('request timed out'), { code: 'ETIMEDOUT' }));
        req.on('timeout', timedOut);
        // The call's own deadline (deadline.ts) ends the attempt through its abort signal; this is the backstop.
        if (deadlineOf(request.abortSignal) === null) timer = setTimeout(timedOut, attemptTimeoutMs);
        req.on('error', (err) => reject(networkError(request, err, req.reusedSocket)));
        req.end(payload);
      });
      return attempt.finally(() => clearTimeout(timer));
    },
  };
}

function isStaleConnection(err: unknown): boolean {
  const e = err as { code?: unknown; reusedSocket?: unknown };
  return e?.code === 'ECONNRESET' && e.reusedSocket === true;
}

function networkError(request: ConnectorRequest, err: unknown, reusedSocket = false): Error {
  const e = err as { code?: unknown; name?: unknown };
  if (e?.name === 'AbortError') return err as Error;
  const code = typeof e?.code === 'string' ? e.code : 'REQUEST_SEND_ERROR';
  let host = '';
  try {
    host = new URL(request.url).host;
  } catch {}
  return Object.assign(new Error(`${request.method} ${host}: ${code}`, { cause: err }), {
    name: 'NetworkError',
    code,
    reusedSocket,
  });
}

/** HttpHeadersLike (core-http-compat) over a Map keyed by lower-cased name. */
class CompatHeaders implements HeadersLike {
  private readonly map = new Map<string, { name: string; value: string }>();

  set(name: string, value: string | number): void {
    this.map.set(name.toLowerCase(), { name, value: String(value) });
  }
  get(name: string): string | undefined {
    return this.map.get(name.toLowerCase())?.value;
  }
  contains(name: string): boolean {
    return this.map.has(name.toLowerCase());
  }
  remove(name: string): boolean {
    return this.map.delete(name.toLowerCase());
  }
  rawHeaders(): Record<string, string> {
    return this.toJson();
  }
  headersArray(): { name: string; value: string }[] {
    return [...this.map.values()].map((h) => ({ ...h }));
  }
  headerNames(): string[] {
    return [...this.map.values()].map((h) => h.name);
  }
  headerValues(): string[] {
    return [...this.map.values()].map((h) => h.value);
  }
  clone(): CompatHeaders {
    const copy = new CompatHeaders();
    for (const h of this.map.values()) copy.set(h.name, h.value);
    return copy;
  }
  toJson(options: { preserveCase?: boolean } = {}): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [key, h] of this.map) out[options.preserveCase ? h.name : key] = h.value;
    return out;
  }
}
