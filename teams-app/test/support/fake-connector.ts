import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { seededRandom } from '@rebound/core/testing';

/** One call the bot made to the connector. */
export interface ConnectorCall {
  kind: 'send' | 'reply' | 'update' | 'delete' | 'create-conversation' | 'members' | 'other';
  method: string;
  path: string;
  conversationId: string | null;
  activityId: string | null;
  authorization: string | null;
  // biome-ignore lint/suspicious/noExplicitAny: recorded JSON as the bot sent it
  body: any;
  status: number;
}

/** At most `limit` requests in any `windowMs` ms (the same shape as the bot's rate limiter takes). */
export interface FakeRateWindow {
  limit: number;
  windowMs: number;
}

export interface FakeConnectorOptions {
  /** Limits the connector enforces like Teams: over them it answers 429 with Retry-After and records a violation. */
  limits?: { tenant?: readonly FakeRateWindow[]; conversation?: readonly FakeRateWindow[] };
  /** Random failures, from a seeded generator (deterministic for one order of arrivals). */
  faults?: {
    rate429?: number;
    rate5xx?: number;
    seed?: number;
    /** Retry-After given with an injected 429, in ms (sent as `Retry-After` seconds and `retry-after-ms`). Default 1000. */
    retryAfterMs?: number;
  };
  /** Conversations where the bot was removed or blocked: every call into them answers 403. */
  gone?: Set<string>;
  /** Keep every call in `calls` (default true; turn off for large fan-outs). */
  recordCalls?: boolean;
  /** Conversations that do not answer: their requests stay open until `releaseHeld()` or the bot gives up. */
  hang?: Set<string>;
  /** Shown every request the bot makes (path, headers and body), recorded or not: start-bot looks for secrets. */
  watch?: { check(where: string, text: string): void };
}

/** A request that arrived when one of its windows was already full. */
export interface RateViolation {
  scope: 'tenant' | 'conversation';
  key: string;
  window: FakeRateWindow;
  at: number;
}

export interface Member {
  id: string;
  name: string;
  aadObjectId: string;
  userRole?: string;
}

/**
 * A local Bot Framework connector on 127.0.0.1 that records everything the bot sends. Roster calls are
 * answered from `members`; `respondWith` makes the next calls answer with a chosen status (429, 403...).
 * Optionally it enforces Teams-like rate limits (429 + Retry-After, recorded in `violations`), injects seeded
 * 429/5xx faults and answers 403 for `gone` conversations; `receiptsByConversation` counts accepted messages.
 * Precedence per call: a queued `respondWith` status, then `gone`, then the limits, then injected faults.
 */
export class FakeConnector {
  readonly calls: ConnectorCall[] = [];
  members: Member[] = [];
  /** Requests that arrived over a configured limit (each answered 429). */
  readonly violations: RateViolation[] = [];
  readonly gone: Set<string>;
  /** Conversations whose requests are held open, unanswered (a connector that hangs, or answers slowly). */
  readonly hang: Set<string>;
  /** Held requests the bot gave up on (closed its side before any answer). */
  abandoned = 0;
  private readonly heldRequests = new Set<() => void>();
  private heldWatchers: { ready: () => boolean; resolve: () => void }[] = [];
  private queuedStatuses: { status: number; retryAfterMs: number | null }[] = [];
  private nextId = 1;
  private server = createServer((req, res) => void this.handle(req, res));
  private readonly arrivals = new Map<string, number[]>();
  private readonly receipts = new Map<string, number>();
  private readonly random: () => number;
  url = '';

  constructor(private readonly options: FakeConnectorOptions = {}) {
    this.gone = options.gone ?? new Set();
    this.hang = options.hang ?? new Set();
    // Seeded, so injected faults repeat from run to run.
    this.random = seededRandom(options.faults?.seed ?? 1);
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** The next `count` calls answer `status` with an error body (and `Retry-After` when `retryAfterMs` is given). */
  respondWith(status: number, count = 1, options: { retryAfterMs?: number } = {}): void {
    for (let i = 0; i < count; i++) this.queuedStatuses.push({ status, retryAfterMs: options.retryAfterMs ?? null });
  }

  clear(): void {
    this.calls.length = 0;
  }

  /** Requests held open right now (to `hang` conversations). */
  held(): number {
    return this.heldRequests.size;
  }

  /** Resolves once `count` requests are held open at the same time. */
  whenHeld(count: number): Promise<void> {
    return this.whenHeldIs(() => this.heldRequests.size >= count);
  }

  /** Resolves once no request is held open any more (answered, or given up by the bot). */
  whenNoneHeld(): Promise<void> {
    return this.whenHeldIs(() => this.heldRequests.size === 0);
  }

  private whenHeldIs(ready: () => boolean): Promise<void> {
    if (ready()) return Promise.resolve();
    return new Promise((resolve) => this.heldWatchers.push({ ready, resolve }));
  }

  private heldChanged(): void {
    const ready = this.heldWatchers.filter((w) => w.ready());
    this.heldWatchers = this.heldWatchers.filter((w) => !ready.includes(w));
    for (const w of ready) w.resolve();
  }

  /** Answers every held request the usual way (the connector was only slow). */
  releaseHeld(): void {
    const held = [...this.heldRequests];
    this.heldRequests.clear();
    for (const release of held) release();
    this.heldChanged();
  }

  /** Holds a request until `releaseHeld` (true) or until the bot closes it (false). */
  private hold(res: ServerResponse): Promise<boolean> {
    return new Promise((resolve) => {
      const release = () => resolve(true);
      this.heldRequests.add(release);
      res.on('close', () => {
        if (!this.heldRequests.delete(release)) return;
        this.abandoned++;
        resolve(false);
        this.heldChanged();
      });
      this.heldChanged();
    });
  }

  /** Message posts (sends and replies) accepted per conversation, duplicates counted. */
  receiptsByConversation(): Map<string, number> {
    return new Map(this.receipts);
  }

  /** Messages (sends and replies) sent into one conversation, in order. */
  messagesTo(conversationId: string): ConnectorCall[] {
    return this.calls.filter(
      (c) =>
        (c.kind === 'send' || c.kind === 'reply') && c.conversationId === conversationId && c.body?.type === 'message',
    );
  }

  /** Texts of the plain-text messages (not cards) sent into one conversation. */
  textsTo(conversationId: string): string[] {
    return this.messagesTo(conversationId)
      .filter((c) => !c.body?.attachments?.length)
      .map((c) => String(c.body?.text ?? ''));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const arrivedAt = performance.now();
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    let body: unknown = null;
    try {
      body = raw ? JSON.parse(raw) : null;
    } catch {
      body = raw;
    }
    const path = (req.url ?? '').split('?')[0] ?? '';
    const method = req.method ?? 'GET';
    this.options.watch?.check(
      `the bot's ${method} ${path} to the connector`,
      `${req.url} ${JSON.stringify(req.headers)} ${raw}`,
    );
    const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
    // v3/conversations/{conversationId}/activities/{activityId}
    const conversationId = parts[0] === 'v3' && parts[1] === 'conversations' ? (parts[2] ?? null) : null;
    const activityId = parts[3] === 'activities' ? (parts[4] ?? null) : null;
    let kind: ConnectorCall['kind'] = 'other';
    if (method === 'POST' && parts.length === 2 && parts[1] === 'conversations') kind = 'create-conversation';
    else if (parts[3] === 'activities' && method === 'POST') kind = activityId ? 'reply' : 'send';
    else if (parts[3] === 'activities' && method === 'PUT') kind = 'update';
    else if (parts[3] === 'activities' && method === 'DELETE') kind = 'delete';
    else if (parts[3] === 'members' || parts[3] === 'pagedmembers') kind = 'members';
    if (conversationId && this.hang.has(conversationId) && !(await this.hold(res))) return;

    const tenantId = tenantOf(body);
    const queued = this.queuedStatuses.shift();
    let retryAfterMs: number | null = queued?.retryAfterMs ?? null;
    let status = queued?.status ?? 0;
    if (!status && conversationId && this.gone.has(conversationId)) status = 403;
    if (!status) {
      retryAfterMs = this.overLimit(tenantId, conversationId, arrivedAt);
      if (retryAfterMs !== null) status = 429;
    }
    if (!status) {
      const faults = this.options.faults;
      if (faults?.rate429 && this.random() < faults.rate429) {
        status = 429;
        retryAfterMs = faults.retryAfterMs ?? 1000;
      } else if (faults?.rate5xx && this.random() < faults.rate5xx) {
        status = this.random() < 0.5 ? 502 : 504;
      }
    }
    if (!status) status = 200;
    if (status < 400 && (kind === 'send' || kind === 'reply') && conversationId && isMessage(body)) {
      this.receipts.set(conversationId, (this.receipts.get(conversationId) ?? 0) + 1);
    }
    if (this.options.recordCalls !== false) {
      this.calls.push({
        kind,
        method,
        path,
        conversationId,
        activityId,
        authorization: req.headers.authorization ?? null,
        body,
        status,
      });
    }
    res.setHeader('content-type', 'application/json');
    if (status >= 400) {
      res.statusCode = status;
      if (retryAfterMs !== null) {
        res.setHeader('retry-after', String(Math.max(1, Math.ceil(retryAfterMs / 1000))));
        res.setHeader('retry-after-ms', String(Math.ceil(retryAfterMs)));
      }
      res.end(JSON.stringify({ error: { code: 'Fake', message: `fake status ${status}` } }));
      return;
    }
    res.statusCode = kind === 'create-conversation' ? 201 : 200;
    if (kind === 'members') {
      if (parts[3] === 'pagedmembers') res.end(JSON.stringify({ members: this.members }));
      else if (parts[4])
        res.end(JSON.stringify(this.members.find((m) => m.id === parts[4] || m.aadObjectId === parts[4]) ?? {}));
      else res.end(JSON.stringify(this.members));
      return;
    }
    if (kind === 'create-conversation') {
      res.end(JSON.stringify({ id: `a:created-${this.nextId++}` }));
      return;
    }
    res.end(JSON.stringify({ id: activityId && kind === 'update' ? activityId : `act-${this.nextId++}` }));
  }

  /**
   * Checks the request against the configured windows, counting it when it fits. Returns null when it fits,
   * else how long until it would (and records the violation).
   */
  private overLimit(tenantId: string, conversationId: string | null, at: number): number | null {
    const limits = this.options.limits;
    if (!limits) return null;
    const checks: { scope: RateViolation['scope']; key: string; windows: readonly FakeRateWindow[] }[] = [];
    if (limits.tenant?.length) checks.push({ scope: 'tenant', key: `t:${tenantId}`, windows: limits.tenant });
    if (conversationId && limits.conversation?.length) {
      checks.push({ scope: 'conversation', key: `c:${tenantId}:${conversationId}`, windows: limits.conversation });
    }
    let wait: number | null = null;
    for (const check of checks) {
      const times = this.arrivals.get(check.key) ?? [];
      for (const w of check.windows) {
        // Accepted requests in (at - windowMs, at]: one more would make limit + 1 in a window of windowMs.
        const inWindow = times.length - firstAfter(times, at - w.windowMs);
        if (inWindow >= w.limit) {
          this.violations.push({ scope: check.scope, key: check.key, window: w, at });
          const freeAt = (times[times.length - w.limit] as number) + w.windowMs;
          wait = Math.max(wait ?? 0, freeAt - at);
        }
      }
    }
    if (wait !== null) return wait;
    for (const check of checks) {
      let times = this.arrivals.get(check.key);
      if (!times) {
        times = [];
        this.arrivals.set(check.key, times);
      }
      times.push(at);
      const longest = Math.max(...check.windows.map((w) => w.windowMs));
      if (times.length > 4096 && (times[2048] as number) < at - longest) times.splice(0, 2048);
    }
    return null;
  }
}

/** Index of the first time greater than `t` in ascending `times`. */
function firstAfter(times: readonly number[], t: number): number {
  let lo = 0;
  let hi = times.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((times[mid] as number) <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

// biome-ignore lint/suspicious/noExplicitAny: JSON as the bot sent it
function tenantOf(body: any): string {
  const tenant = body?.conversation?.tenantId ?? body?.tenantId;
  return typeof tenant === 'string' && tenant ? tenant : 'unknown';
}

// biome-ignore lint/suspicious/noExplicitAny: JSON as the bot sent it
function isMessage(body: any): boolean {
  return body?.type === 'message';
}
