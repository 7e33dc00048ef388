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
  acquire(tenantId: string, conversationId: string | null): Promise<ReleaseSlot>;
  /** Conversations and tenants currently tracked (for tests of the memory bound). */
  size(): { tenants: number; conversations: number };
}

export interface RateLimiterOptions {
  /**
   * Added to every window, so that a request that takes a little longer on the wire than the one after it
   * still lands inside the limit at the receiving end. Default 10 ms.
   */
  marginMs?: number;
}

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
  const tenants = new Map<string, TenantState>();
  let sinceSweep = 0;
  let conversationCount = 0;

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
      const laneAt = l.log ? l.log.nextAt(now) : now;
      if (laneAt > now) {
        wakeLane(t, l, laneAt);
        continue;
      }
      const resolve = l.waiters[l.waitersHead] as Waiter;
      l.waiters[l.waitersHead++] = undefined as unknown as Waiter;
      if (l.waitersHead === l.waiters.length) {
        l.waiters.length = 0;
        l.waitersHead = 0;
      }
      t.log.start();
      l.log?.start();
      let released = false;
      resolve(() => {
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
    acquire(tenantId, conversationId) {
      if (++sinceSweep >= 4096) {
        sinceSweep = 0;
        sweep();
      }
      const t = tenantState(tenantId);
      const l = lane(t, conversationId || null);
      const granted = new Promise<ReleaseSlot>((resolve) => l.waiters.push(resolve));
      enqueue(t, l);
      pump(t);
      return granted;
    },
    size() {
      sweep();
      return { tenants: tenants.size, conversations: conversationCount };
    },
  };
}

/** The lane of requests that name no conversation (creating one, rosters); no conversation id is empty. */
const NO_CONVERSATION = '';

type Waiter = (release: ReleaseSlot) => void;

interface TenantState {
  log: GrantLog;
  /** Lanes with a waiter whose conversation windows may have room, in round-robin order. */
  ready: Lane[];
  readyHead: number;
  wakeAt: number | null;
  /** The pending wake, aborted when a nearer one replaces it. */
  wake: AbortController | null;
  conversations: Map<string, Lane>;
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
