import { describe, expect, it } from 'vitest';
import { classifySendError, retryAfterMs, retryDelay, sendWithRetry } from '../../src/delivery/retry';

/** An error shaped like the connector's RestError. */
function httpError(status: number, headers: Record<string, string> = {}): Error {
  const map = new Map(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
  return Object.assign(new Error(`status ${status}`), {
    statusCode: status,
    response: { status, headers: { get: (name: string) => map.get(name.toLowerCase()) } },
  });
}

describe('classifySendError', () => {
  it('retries throttling, precondition races, bad gateways and gateway timeouts', () => {
    for (const s of [429, 412, 502, 504]) expect(classifySendError(httpError(s))).toBe('retry');
  });
  it('treats 403 and 404 as a conversation that is gone', () => {
    expect(classifySendError(httpError(403))).toBe('gone');
    expect(classifySendError(httpError(404))).toBe('gone');
  });
  it('fails everything else at once', () => {
    for (const s of [400, 401, 500, 503]) expect(classifySendError(httpError(s))).toBe('fail');
    expect(classifySendError(new Error('bug'))).toBe('fail');
    expect(classifySendError(undefined)).toBe('fail');
  });
  it('retries connection errors, by code or by cause', () => {
    expect(classifySendError(Object.assign(new Error('reset'), { code: 'ECONNRESET' }))).toBe('retry');
    expect(classifySendError(new Error('fetch failed', { cause: { code: 'ECONNREFUSED' } }))).toBe('retry');
    expect(classifySendError(Object.assign(new Error('x'), { code: 'REQUEST_SEND_ERROR' }))).toBe('retry');
  });
});

describe('retryDelay', () => {
  it('draws uniformly below a ceiling that doubles per attempt, up to the cap', () => {
    const err = httpError(502);
    expect(retryDelay(1, err, () => 0.999, { baseMs: 100 })).toBe(99);
    expect(retryDelay(2, err, () => 0.5, { baseMs: 100 })).toBe(100);
    expect(retryDelay(4, err, () => 0.5, { baseMs: 100 })).toBe(400);
    expect(retryDelay(30, err, () => 0.5, { baseMs: 100, capMs: 1000 })).toBe(500);
    expect(retryDelay(3, err, () => 0, { baseMs: 100 })).toBe(0);
  });
  it('waits what Retry-After asks, in seconds or as an HTTP date', () => {
    expect(retryDelay(1, httpError(429, { 'Retry-After': '3' }), () => 0)).toBe(3000);
    const now = Date.parse('2026-11-24T10:00:00Z');
    const err = httpError(429, { 'Retry-After': 'Tue, 24 Nov 2026 10:00:07 GMT' });
    expect(retryDelay(1, err, () => 0, { now })).toBe(7000);
    expect(retryAfterMs(httpError(429, { 'retry-after-ms': '250' }))).toBe(250);
  });
  it('caps a Retry-After that asks for too long, and ignores one it cannot read', () => {
    expect(retryDelay(1, httpError(429, { 'Retry-After': '86400' }), () => 0, { maxRetryAfterMs: 60_000 })).toBe(
      60_000,
    );
    expect(retryDelay(1, httpError(429, { 'Retry-After': 'soon' }), () => 0.5, { baseMs: 100 })).toBe(50);
  });
});

describe('sendWithRetry', () => {
  it('retries what may succeed later and returns the first success', async () => {
    const waits: number[] = [];
    let calls = 0;
    const result = await sendWithRetry(
      async (attempt) => {
        calls++;
        if (attempt < 3) throw httpError(attempt === 1 ? 429 : 504, attempt === 1 ? { 'Retry-After': '2' } : {});
        return 'sent';
      },
      { sleep: async (ms) => void waits.push(ms), rng: () => 0.5, baseMs: 100 },
    );
    expect(result).toBe('sent');
    expect(calls).toBe(3);
    expect(waits).toEqual([2000, 100]);
  });
  it('stops at once on a gone conversation and rethrows its error', async () => {
    let calls = 0;
    const gone = httpError(403);
    await expect(
      sendWithRetry(
        async () => {
          calls++;
          throw gone;
        },
        { sleep: async () => undefined },
      ),
    ).rejects.toBe(gone);
    expect(calls).toBe(1);
  });
  it('gives up after maxAttempts with the last error', async () => {
    let calls = 0;
    await expect(
      sendWithRetry(
        async () => {
          calls++;
          throw httpError(502);
        },
        { maxAttempts: 4, sleep: async () => undefined },
      ),
    ).rejects.toMatchObject({ statusCode: 502 });
    expect(calls).toBe(4);
  });
});
