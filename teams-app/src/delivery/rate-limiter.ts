/** At most `limit` requests in any `windowMs` milliseconds. */
export interface RateWindow {
  limit: number;
  windowMs: number;
}

/** Sliding windows for one app: per tenant, and per conversation (on top of the tenant's). */
export interface RateLimits {
  tenant: readonly RateWindow[];
  conversation: readonly RateWindow[];
}

/** Teams' published limits for a bot: 50 requests/s per app per tenant; 7/1 s, 8/2 s, 60/30 s, 1800/h per conversation. */
export const TEAMS_RATE_LIMITS: RateLimits = {
  tenant: [{ limit: 50, windowMs: 1000 }],
  conversation: [
    { limit: 7, windowMs: 1000 },
    { limit: 8, windowMs: 2000 },
    { limit: 60, windowMs: 30_000 },
    { limit: 1800, windowMs: 3_600_000 },
  ],
};

export interface LimiterClock {
  /** Milliseconds on a clock that never goes back. */
  now(): number;
  /** Resolves after `ms`, or at once when `signal` aborts (a wake that is no longer needed). */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const realClock: LimiterClock = {
  now: () => performance.now(),
  sleep: (ms, signal) =>
    new Promise((resolve) => {
      if (signal?.aborted) return resolve();
      const done = (): void => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      signal?.addEventListener('abort', done, { once: true });
    }),
};

/** Says that the request a slot was taken for got its answer (or failed); safe to call more than once. */
export type ReleaseSlot = () => void;

export interface RateLimiter {
  /**
   * Waits until one more request for the tenant (and the conversation, when given) fits every window, then
   * counts it. Requests of one conversation are served in arrival order; the tenant's budget goes round-robin
   * over its conversations, so a busy conversation does not hold back the others.
   *
   * The slot counts as taken from the grant until `release` is called: the receiver sees the request at some
   * moment in between, so only then is it known to be inside the window. Always release (in a `finally`): a
   * slot never released keeps its place in every window.
   */
  acquire(tenantId: string, conversationId: string | null, signal?: AbortSignal): Promise<ReleaseSlot>;
  /** Conversations and tenants currently tracked (for tests of the memory bound). */
  size(): { tenants: number; conversations: number };
  /** Requests waiting for a slot, in all. */
  waiting(): number;
}

/** Which bound refused a request: one conversation's waiters, one tenant's, or the limiter's in all. */
export type LimiterFullScope = 'conversation' | 'tenant' | 'all';

/**
 * A request refused because too many are already waiting for a slot. Nothing was sent: the caller may try
 * again later (the delivery queue does, with backoff).
 */
export class RateLimiterFullError extends Error {
  override readonly name = 'RateLimiterFullError';
  readonly code = 'EQUEUEFULL';
  constructor(
    readonly scope: LimiterFullScope,
    readonly limit: number,
  ) {
    super(`rate limiter: ${limit} requests already waiting (${scope})`);
  }
}

export interface RateLimiterOptions {
  /**
   * Added to every window, so that a request that takes a little longer on the wire than the one after it
   * still lands inside the limit at the receiving end. Default 10 ms.
   */
  marginMs?: number;
  /** Requests that may wait for one conversation; more are refused (`RateLimiterFullError`). Default 256. */
  maxWaitersPerConversation?: number;
  /** Requests that may wait for one tenant, all its conversations together. Default 2048. */
  maxWaitersPerTenant?: number;
  /** Requests that may wait in all. Default 8192. */
  maxWaiters?: number;
  /**
   * Told when a bound starts refusing requests (once, until its waiters are down to half the bound again), so
   * that the log says a queue is full without a line per refused request.
   */
  onFull?(info: { scope: LimiterFullScope; tenantId: string; conversationId: string | null; limit: number }): void;
}

export const LIMITER_WAITER_BOUNDS = { conversation: 256, tenant: 2048, all: 8192 } as const;

/**
 * Exact sliding-window limiter. A request occupies [grant, release]: the receiver saw it somewhere in there.
 * A new request is let through at t only when, for every window (limit, W), fewer than `limit` requests are
 * still in flight or were released after t - W - margin; then no window of W at the receiver can hold more
 * than `limit`, however the requests were delayed on the way. Releases are recorded at the time they happen,
 * so each log is sorted and one lookup (the k-th latest release) answers the check.
 */
export function createTeamsRateLimiter(
  limits: Partial<RateLimits> = {},
  clock: LimiterClock = realClock,
  options: RateLimiterOptions = {},
): RateLimiter {
  const tenantWindows = validWindows(limits.tenant ?? TEAMS_RATE_LIMITS.tenant, 'tenant');
  const conversationWindows = validWindows(limits.conversation ?? TEAMS_RATE_LIMITS.conversation, 'conversation');
  const margin = options.marginMs ?? 10;
  const maxPerLane = options.maxWaitersPerConversation ?? LIMITER_WAITER_BOUNDS.conversation;
  const maxPerTenant = options.maxWaitersPerTenant ?? LIMITER_WAITER_BOUNDS.tenant;
  const maxInAll = options.maxWaiters ?? LIMITER_WAITER_BOUNDS.all;
  const tenants = new Map<string, TenantState>();
  let sinceSweep = 0;
  let conversationCount = 0;
  let waitingInAll = 0;
  let fullInAll = false;

  function tenantState(tenantId: string): TenantState {
    let t = tenants.get(tenantId);
    if (!t) {
      t = {
        log: new GrantLog(tenantWindows, margin),
        ready: [],
        readyHead: 0,
        wakeAt: null,
        wake: null,
        conversations: new Map(),
        waiting: 0,
        full: false,
      };
      tenants.set(tenantId, t);
    }
    return t;
  }

  function lane(t: TenantState, conversationId: string | null): Lane {
    const key = conversationId ?? NO_CONVERSATION;
    let l = t.conversations.get(key);
    if (!l) {
      l = {
        log: conversationId === null ? null : new GrantLog(conversationWindows, margin),
        waiters: [],
        waitersHead: 0,
        queued: false,
        blocked: false,
        wake: null,
        full: false,
      };
      t.conversations.set(key, l);
      conversationCount++;
    }
    return l;
  }

  /** Grants what fits now, then arranges to come back when the next grant can fit. */
  function pump(t: TenantState): void {
    const now = clock.now();
    while (t.readyHead < t.ready.length) {
      const tenantAt = t.log.nextAt(now);
      if (tenantAt > now) {
        wakeTenant(t, tenantAt);
        break;
      }
      const l = t.ready[t.readyHead++] as Lane;
      l.queued = false;
      // Every waiter of the lane gave up (its call ran out of time) since it was queued.
      if (l.waitersHead === l.waiters.length) continue;
      const laneAt = l.log ? l.log.nextAt(now) : now;
      if (laneAt > now) {
        wakeLane(t, l, laneAt);
        continue;
      }
      const waiter = l.waiters[l.waitersHead] as Waiter;
      l.waiters[l.waitersHead++] = undefined as unknown as Waiter;
      if (l.waitersHead === l.waiters.length) {
        l.waiters.length = 0;
        l.waitersHead = 0;
      }
      stopWaiting(t, l, waiter);
      t.log.start();
      l.log?.start();
      let released = false;
      waiter.grant(() => {
        if (released) return;
        released = true;
        const at = clock.now();
        t.log.finish(at);
        l.log?.finish(at);
        if (l.blocked) {
          l.blocked = false;
          l.wake?.abort();
          l.wake = null;
          enqueue(t, l);
        }
        pump(t);
      });
      if (l.waitersHead < l.waiters.length) enqueue(t, l);
    }
    if (t.readyHead === t.ready.length) {
      t.ready.length = 0;
      t.readyHead = 0;
    } else if (t.readyHead > 1024 && t.readyHead * 2 > t.ready.length) {
      t.ready.splice(0, t.readyHead);
      t.readyHead = 0;
    }
  }

  function enqueue(t: TenantState, l: Lane): void {
    if (l.queued || l.blocked) return;
    l.queued = true;
    t.ready.push(l);
  }

  /** Pumps the tenant again at `at`; at Infinity a release will (everything is in flight). */
  function wakeTenant(t: TenantState, at: number): void {
    if (at === Number.POSITIVE_INFINITY || (t.wakeAt !== null && t.wakeAt <= at)) return;
    t.wakeAt = at;
    t.wake?.abort();
    const wake = new AbortController();
    t.wake = wake;
    void clock.sleep(Math.max(1, Math.ceil(at - clock.now())), wake.signal).then(() => {
      if (wake.signal.aborted) return;
      t.wake = null;
      t.wakeAt = null;
      pump(t);
    });
  }

  /** Keeps the lane out of the round until `at` (or until one of its requests is released). */
  function wakeLane(t: TenantState, l: Lane, at: number): void {
    l.blocked = true;
    l.wake?.abort();
    l.wake = null;
    if (at === Number.POSITIVE_INFINITY) return;
    const wake = new AbortController();
    l.wake = wake;
    void clock.sleep(Math.max(1, Math.ceil(at - clock.now())), wake.signal).then(() => {
      if (wake.signal.aborted || !l.blocked) return;
      l.wake = null;
      l.blocked = false;
      enqueue(t, l);
      pump(t);
    });
  }

  /** Takes a waiter out of the counts (granted or given up), and lifts "full" once half the room is back. */
  function stopWaiting(t: TenantState, l: Lane, waiter: Waiter): void {
    waiter.signal?.removeEventListener('abort', waiter.onAbort);
    waitingInAll--;
    t.waiting--;
    if (fullInAll && waitingInAll <= maxInAll / 2) fullInAll = false;
    if (t.full && t.waiting <= maxPerTenant / 2) t.full = false;
    if (l.full && l.waiters.length - l.waitersHead <= maxPerLane / 2) l.full = false;
  }

  /** The bound a new waiter of `l` would break, if any; says so once per full spell. */
  function refusal(
    t: TenantState,
    l: Lane,
    tenantId: string,
    conversationId: string | null,
  ): RateLimiterFullError | null {
    let scope: LimiterFullScope | null = null;
    let limit = 0;
    let first = false;
    if (l.waiters.length - l.waitersHead >= maxPerLane) {
      [scope, limit, first] = ['conversation', maxPerLane, !l.full];
      l.full = true;
    } else if (t.waiting >= maxPerTenant) {
      [scope, limit, first] = ['tenant', maxPerTenant, !t.full];
      t.full = true;
    } else if (waitingInAll >= maxInAll) {
      [scope, limit, first] = ['all', maxInAll, !fullInAll];
      fullInAll = true;
    }
    if (!scope) return null;
    if (first) options.onFull?.({ scope, tenantId, conversationId, limit });
    return new RateLimiterFullError(scope, limit);
  }

  /** Forgets conversations (and tenants) with nobody waiting whose every grant is older than every window. */
  function sweep(): void {
    const now = clock.now();
    for (const [tenantId, t] of tenants) {
      for (const [key, l] of t.conversations) {
        if (l.waitersHead < l.waiters.length || l.queued || l.blocked) continue;
        if (l.log && !l.log.idle(now)) continue;
        t.conversations.delete(key);
        conversationCount--;
      }
      if (t.conversations.size === 0 && t.log.idle(now) && t.wakeAt === null) tenants.delete(tenantId);
    }
  }

  return {
    acquire(tenantId, conversationId, signal) {
      if (signal?.aborted) return Promise.reject(abortReason(signal));
      if (++sinceSweep >= 4096) {
        sinceSweep = 0;
        sweep();
      }
      const t = tenantState(tenantId);
      const l = lane(t, conversationId || null);
      const refused = refusal(t, l, tenantId, conversationId || null);
      if (refused) return Promise.reject(refused);
      const granted = new Promise<ReleaseSlot>((resolve, reject) => {
        const waiter: Waiter = { grant: resolve, signal, onAbort: () => undefined };
        if (signal) {
          // The call ran out of time while waiting: it leaves the line, and the lane goes on without it.
          waiter.onAbort = () => {
            const at = l.waiters.indexOf(waiter, l.waitersHead);
            if (at < 0) return;
            l.waiters.splice(at, 1);
            if (l.waitersHead === l.waiters.length) {
              l.waiters.length = 0;
              l.waitersHead = 0;
            }
            stopWaiting(t, l, waiter);
            reject(abortReason(signal));
          };
          signal.addEventListener('abort', waiter.onAbort, { once: true });
        }
        l.waiters.push(waiter);
        waitingInAll++;
        t.waiting++;
      });
      enqueue(t, l);
      pump(t);
      return granted;
    },
    size() {
      sweep();
      return { tenants: tenants.size, conversations: conversationCount };
    },
    waiting: () => waitingInAll,
  };
}

/** The lane of requests that name no conversation (creating one, rosters); no conversation id is empty. */
const NO_CONVERSATION = '';

interface Waiter {
  grant(release: ReleaseSlot): void;
  signal: AbortSignal | undefined;
  onAbort(): void;
}

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? Object.assign(new Error('The operation was aborted'), { name: 'AbortError' });
}

interface TenantState {
  log: GrantLog;
  /** Lanes with a waiter whose conversation windows may have room, in round-robin order. */
  ready: Lane[];
  readyHead: number;
  wakeAt: number | null;
  /** The pending wake, aborted when a nearer one replaces it. */
  wake: AbortController | null;
  conversations: Map<string, Lane>;
  /** Waiters of all its lanes. */
  waiting: number;
  full: boolean;
}

/** One conversation of a tenant (or the tenant's requests that name none): its waiters, in order. */
interface Lane {
  log: GrantLog | null;
  waiters: Waiter[];
  waitersHead: number;
  queued: boolean;
  /** Waiting for its own windows to make room. */
  blocked: boolean;
  /** The pending wake, aborted when a release lets the lane in earlier. */
  wake: AbortController | null;
  full: boolean;
}

/** One key's requests: how many are in flight, and the release times of the latest ones, ascending. */
class GrantLog {
  private inFlight = 0;
  private ends: number[] = [];
  private head = 0;
  private readonly keep: number;
  private readonly span: number;

  constructor(
    private readonly windows: readonly RateWindow[],
    private readonly margin: number,
  ) {
    this.keep = Math.max(...windows.map((w) => w.limit));
    this.span = Math.max(...windows.map((w) => w.windowMs)) + margin;
  }

  /** The earliest time, not before `now`, at which one more request fits every window (Infinity: at a release). */
  nextAt(now: number): number {
    const released = this.ends.length - this.head;
    let at = now;
    for (const w of this.windows) {
      const room = w.limit - this.inFlight;
      if (room <= 0) return Number.POSITIVE_INFINITY;
      if (released < room) continue;
      const free = (this.ends[this.ends.length - room] as number) + w.windowMs + this.margin;
      if (free > at) at = free;
    }
    return at;
  }

  start(): void {
    this.inFlight++;
  }

  finish(now: number): void {
    this.inFlight--;
    this.ends.push(now);
    if (this.ends.length - this.head > this.keep) this.head++;
    if (this.head > 64 && this.head * 2 > this.ends.length) {
      this.ends.splice(0, this.head);
      this.head = 0;
    }
  }

  /** True when nothing is in flight and no release is recent enough to matter to any window. */
  idle(now: number): boolean {
    const last = this.ends[this.ends.length - 1];
    return this.inFlight === 0 && (last === undefined || last + this.span <= now);
  }
}

function validWindows(windows: readonly RateWindow[], what: string): readonly RateWindow[] {
  if (windows.length === 0) throw new RangeError(`${what} rate limits: at least one window is needed`);
  for (const w of windows) {
    if (!Number.isInteger(w.limit) || w.limit < 1 || !(w.windowMs > 0)) {
      throw new RangeError(`${what} rate limit ${JSON.stringify(w)}: limit must be a positive integer, windowMs > 0`);
    }
  }
  return windows;
}
