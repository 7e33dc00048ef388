import type { ConnectorClientOptions } from 'botframework-connector';
import type { RateLimiter } from './rate-limiter';
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
 */
export function createLimitedHttpClient(options: {
  limiter: RateLimiter;
  /** Sends one attempt; defaults to Node's fetch. */
  inner?: ConnectorHttpClient;
}): LimitedHttpClient {
  const { limiter } = options;
  const inner = options.inner ?? fetchHttpClient();
  let attempts = 0;
  let byStatus: Record<string, number> = {};

  return {
    async sendRequest(request) {
      const conversationId = conversationIdOf(request.url);
      const tenantId = currentSendContext()?.tenantId ?? tenantFromBody(request.body) ?? UNKNOWN_TENANT;
      const release = await limiter.acquire(tenantId, conversationId);
      attempts++;
      try {
        const response = await inner.sendRequest(request);
        byStatus[response.status] = (byStatus[response.status] ?? 0) + 1;
        return response;
      } catch (err) {
        const status = (err as { statusCode?: unknown })?.statusCode;
        const key = typeof status === 'number' ? String(status) : 'error';
        byStatus[key] = (byStatus[key] ?? 0) + 1;
        throw err;
      } finally {
        // The answer is in: the receiver has seen this request by now, so its slot can start to age.
        release();
      }
    },
    stats: () => ({ attempts, byStatus: { ...byStatus } }),
    resetStats() {
      attempts = 0;
      byStatus = {};
    },
  };
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

/** One attempt over Node's fetch, in the compat shape the connector expects. */
export function fetchHttpClient(): ConnectorHttpClient {
  return {
    async sendRequest(request) {
      const headers: Record<string, string> = {};
      for (const h of request.headers.headersArray()) headers[h.name] = h.value;
      const signals: AbortSignal[] = [];
      if (request.abortSignal) signals.push(request.abortSignal as AbortSignal);
      if (request.timeout > 0) signals.push(AbortSignal.timeout(request.timeout));
      let res: Response;
      try {
        res = await fetch(request.url, {
          method: request.method,
          headers,
          body: request.body === undefined || request.body === null ? undefined : (request.body as BodyInit),
          signal: signals.length === 0 ? undefined : signals.length === 1 ? signals[0] : AbortSignal.any(signals),
          redirect: 'manual',
        });
      } catch (err) {
        throw networkError(request, err);
      }
      const responseHeaders = new CompatHeaders();
      res.headers.forEach((value, name) => {
        responseHeaders.set(name, value);
      });
      const response: ConnectorResponse = { request, status: res.status, headers: responseHeaders };
      try {
        if (request.streamResponseStatusCodes?.has(res.status) && res.body) {
          const { Readable } = await import('node:stream');
          response.readableStreamBody = Readable.fromWeb(res.body as never);
        } else {
          response.bodyAsText = await res.text();
        }
      } catch (err) {
        throw networkError(request, err);
      }
      return response;
    },
  };
}

function networkError(request: ConnectorRequest, err: unknown): Error {
  const cause = (err as { cause?: { code?: unknown } })?.cause;
  const code =
    typeof cause?.code === 'string'
      ? cause.code
      : (err as { name?: string })?.name === 'TimeoutError'
        ? 'ETIMEDOUT'
        : 'REQUEST_SEND_ERROR';
  const url = new URL(request.url);
  return Object.assign(new Error(`${request.method} ${url.host}: ${code}`, { cause: err }), {
    name: 'NetworkError',
    code,
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
