import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createTeamsRateLimiter,
  type LimiterClock,
  RateLimiterFullError,
  type RateLimits,
  type RateWindow,
  realClock,
  TEAMS_RATE_LIMITS,
} from '../../src/delivery/rate-limiter';

/** A clock that only moves when told, with timers that fire in time order. */
class ManualClock implements LimiterClock {
  t = 0;
  private timers: { at: number; seq: number; fire: () => void }[] = [];
  private seq = 0;
  now = (): number => this.t;
  sleep = (ms: number, signal?: AbortSignal): Promise<void> =>
    new Promise((resolve) => {
      const timer = { at: this.t + ms, seq: this.seq++, fire: resolve };
      this.timers.push(timer);
      signal?.addEventListener('abort', () => {
        this.timers = this.timers.filter((x) => x !== timer);
        resolve();
      });
    });

  pending(): number {
    return this.timers.length;
  }

  /** Fires timers in order until none is left (or `until` is reached), letting promises settle between. */
  async run(until = Number.POSITIVE_INFINITY): Promise<void> {
    for (;;) {
      await settle();
      this.timers.sort((a, b) => a.at - b.at || a.seq - b.seq);
      const next = this.timers[0];
      if (!next || next.at > until) break;
      this.timers.shift();
      this.t = Math.max(this.t, next.at);
      next.fire();
    }
    if (until !== Number.POSITIVE_INFINITY) this.t = Math.max(this.t, until);
    await settle();
  }
}

/** Notes the grant time and answers at once. */
function grantAt(times: number[], clock: ManualClock): (release: () => void) => void {
  return (release) => {
    times.push(clock.t);
    release();
  };
}

async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
}

/** Largest number of times in any half-open window [s, s + w). */
function busiestWindow(times: number[], w: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let best = 0;
  let lo = 0;
  for (let hi = 0; hi < sorted.length; hi++) {
    while ((sorted[hi] as number) - (sorted[lo] as number) >= w) lo++;
    best = Math.max(best, hi - lo + 1);
  }
  return best;
}

function expectWithin(times: number[], windows: readonly RateWindow[]): void {
  for (const w of windows) expect(busiestWindow(times, w.windowMs)).toBeLessThanOrEqual(w.limit);
}

describe('Teams rate limiter', () => {
  it('lets a conversation have 7 in a second, the 8th one second after the first, and no 9th within 2 s', async () => {
    const clock = new ManualClock();
    const limiter = createTeamsRateLimiter({}, clock, { marginMs: 0 });
    const granted: number[] = [];
    for (let i = 0; i < 9; i++) void limiter.acquire('t1', 'c1').then(grantAt(granted, clock));
    await clock.run();
    expect(granted).toEqual([0, 0, 0, 0, 0, 0, 0, 1000, 2000]);
  });

  it('keeps the per-hour budget of a conversation: the 1801st request waits for the first to be an hour old', async () => {
    const clock = new ManualClock();
    const limiter = createTeamsRateLimiter({ tenant: [{ limit: 10_000, windowMs: 1000 }] }, clock, {
      marginMs: 0,
      maxWaitersPerConversation: 2000,
    });
    const granted: number[] = [];
    for (let i = 0; i < 1801; i++) void limiter.acquire('t1', 'c1').then(grantAt(granted, clock));
    await clock.run();
    expect(granted).toHaveLength(1801);
    expectWithin(granted, TEAMS_RATE_LIMITS.conversation);
    expect(granted[1800]).toBe(3_600_000);
  });

  it('gives other conversations of the tenant their turn while one conversation is held back by its own windows', async () => {
    const clock = new ManualClock();
    const limiter = createTeamsRateLimiter({}, clock, { marginMs: 0 });
    const busy: number[] = [];
    for (let i = 0; i < 100; i++) void limiter.acquire('t1', 'busy').then(grantAt(busy, clock));
    const quiet: number[] = [];
    for (let i = 0; i < 40; i++) void limiter.acquire('t1', `quiet-${i}`).then(grantAt(quiet, clock));
    await clock.run(0);
    // 50/s for the tenant: 7 of the busy conversation, then the 40 quiet ones at once.
    expect(busy).toHaveLength(7);
    expect(quiet).toHaveLength(40);
    expect(quiet.every((t) => t === 0)).toBe(true);
  });

  it('spreads a tenant fan-out at the tenant rate, never more than the limit in any second', async () => {
    const clock = new ManualClock();
    const limiter = createTeamsRateLimiter({ tenant: [{ limit: 500, windowMs: 1000 }] }, clock, {
      marginMs: 0,
      maxWaitersPerTenant: 2000,
    });
    const granted: number[] = [];
    for (let i = 0; i < 2000; i++) void limiter.acquire('t1', `c${i}`).then(grantAt(granted, clock));
    await clock.run();
    expect(granted).toHaveLength(2000);
    expectWithin(granted, [{ limit: 500, windowMs: 1000 }]);
    expect(Math.max(...granted)).toBe(3000);
  });

  it('adds the margin to every window', async () => {
    const clock = new ManualClock();
    const limiter = createTeamsRateLimiter({ conversation: [{ limit: 1, windowMs: 1000 }] }, clock, { marginMs: 25 });
    const granted: number[] = [];
    for (let i = 0; i < 3; i++) void limiter.acquire('t1', 'c1').then(grantAt(granted, clock));
    await clock.run();
    expect(granted).toEqual([0, 1025, 2050]);
  });

  it('forgets conversations whose requests are older than every window, so 10k conversations cost little', async () => {
    const clock = new ManualClock();
    const limiter = createTeamsRateLimiter({ tenant: [{ limit: 100_000, windowMs: 1000 }] }, clock);
    const releases = await Promise.all(Array.from({ length: 10_000 }, (_, i) => limiter.acquire('t1', `c${i}`)));
    expect(limiter.size().conversations).toBe(10_000);
    clock.t = 4_000_000;
    // Still in flight: remembered, whatever the time.
    expect(limiter.size().conversations).toBe(10_000);
    for (const release of releases) release();
    clock.t = 4_000_000 + 3_600_000 + 1000;
    expect(limiter.size()).toEqual({ tenants: 0, conversations: 0 });
  });

  it('holds a slot from the grant until the answer, and counts the window from the answer', async () => {
    const clock = new ManualClock();
    const limiter = createTeamsRateLimiter({ conversation: [{ limit: 2, windowMs: 1000 }] }, clock, { marginMs: 0 });
    const granted: number[] = [];
    const releases: (() => void)[] = [];
    for (let i = 0; i < 3; i++) {
      void limiter.acquire('t1', 'c1').then((release) => {
        granted.push(clock.t);
        releases.push(release);
      });
    }
    await clock.run(5000);
    // Both slots are still in flight: the third waits however long that takes.
    expect(granted).toEqual([0, 0]);
    releases[0]?.();
    releases[0]?.();
    await clock.run(5999);
    expect(granted).toEqual([0, 0]);
    await clock.run(6000);
    expect(granted).toEqual([0, 0, 6000]);
  });

  it('drops a wake that a release made unneeded, so no stale timer outlives the wait', async () => {
    const clock = new ManualClock();
    const limiter = createTeamsRateLimiter({ conversation: [{ limit: 2, windowMs: 1000 }] }, clock, { marginMs: 0 });
    (await limiter.acquire('t1', 'c1'))();
    const second = await limiter.acquire('t1', 'c1');
    let third = -1;
    void limiter.acquire('t1', 'c1').then((release) => {
      third = clock.t;
      release();
    });
    await clock.run(10);
    expect(clock.pending()).toBe(1);
    second();
    await clock.run(10);
    // The release rescheduled the wake; the old one is gone rather than left to fire for nothing.
    expect(clock.pending()).toBe(1);
    await clock.run();
    expect(third).toBe(1000);
    expect(clock.pending()).toBe(0);
  });

  it('sleeps on real timers that an abort cuts short', async () => {
    const started = performance.now();
    await realClock.sleep(60_000, AbortSignal.abort());
    const controller = new AbortController();
    const sleeping = realClock.sleep(60_000, controller.signal);
    controller.abort();
    await sleeping;
    expect(performance.now() - started).toBeLessThan(30_000);
  });

  it('lets a waiter whose call ran out of time leave the line; the conversation goes on without it', async () => {
    const clock = new ManualClock();
    const limiter = createTeamsRateLimiter({ conversation: [{ limit: 1, windowMs: 1000 }] }, clock, { marginMs: 0 });
    const first = await limiter.acquire('t1', 'c1');
    const deadline = new AbortController();
    const gaveUp = limiter.acquire('t1', 'c1', deadline.signal);
    let third = -1;
    void limiter.acquire('t1', 'c1').then((release) => {
      third = clock.t;
      release();
    });
    expect(limiter.waiting()).toBe(2);
    const reason = new Error('no answer within 500 ms');
    deadline.abort(reason);
    await expect(gaveUp).rejects.toBe(reason);
    expect(limiter.waiting()).toBe(1);
    first();
    await clock.run();
    // The third took the slot the second gave up, as soon as the window let it.
    expect(third).toBe(1000);
    expect(limiter.waiting()).toBe(0);
    await expect(limiter.acquire('t1', 'c1', AbortSignal.abort(reason))).rejects.toBe(reason);
  });

  it('refuses requests past its waiting bounds, and says so once per full spell', async () => {
    const clock = new ManualClock();
    const full: string[] = [];
    const one = [{ limit: 1, windowMs: 1000 }];
    const limiter = createTeamsRateLimiter({ tenant: one, conversation: one }, clock, {
      marginMs: 0,
      maxWaitersPerConversation: 2,
      maxWaitersPerTenant: 3,
      onFull: (info) => full.push(`${info.scope} ${info.tenantId} ${info.conversationId} ${info.limit}`),
    });
    const releases: (() => void)[] = [];
    const take = (conversation: string) =>
      limiter.acquire('t1', conversation).then((release) => {
        releases.push(release);
      });
    void take('c1');
    void take('c1');
    void take('c1');
    // One in flight, two waiting: the conversation's line is full.
    await expect(limiter.acquire('t1', 'c1')).rejects.toBeInstanceOf(RateLimiterFullError);
    await expect(limiter.acquire('t1', 'c1')).rejects.toMatchObject({ code: 'EQUEUEFULL', scope: 'conversation' });
    expect(full).toEqual(['conversation t1 c1 2']);
    // Another conversation of the tenant still gets in line, up to the tenant's bound.
    void limiter.acquire('t1', 'c2');
    await expect(limiter.acquire('t1', 'c3')).rejects.toMatchObject({ scope: 'tenant' });
    expect(full).toEqual(['conversation t1 c1 2', 'tenant t1 c3 3']);
    // Once the line is down to half, a new full spell is said again.
    await settle();
    releases[0]?.();
    await clock.run(1000);
    void take('c1');
    await expect(limiter.acquire('t1', 'c1')).rejects.toMatchObject({ scope: 'conversation' });
    expect(full).toHaveLength(3);
  });

  it('refuses windows that could never let anything through', () => {
    expect(() => createTeamsRateLimiter({ tenant: [{ limit: 0, windowMs: 1000 }] })).toThrow(RangeError);
    expect(() => createTeamsRateLimiter({ conversation: [] })).toThrow(RangeError);
  });

  it('never lets the receiver see more than a window allows, however long each answer takes (property)', async () => {
    const limits: RateLimits = {
      tenant: [
        { limit: 5, windowMs: 100 },
        { limit: 12, windowMs: 400 },
      ],
      conversation: [
        { limit: 2, windowMs: 50 },
        { limit: 3, windowMs: 200 },
      ],
    };
    const request = fc.record({
      at: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 120 }), fc.integer({ min: 0, max: 1500 })),
      tenant: fc.constantFrom('a', 'b'),
      conversation: fc.constantFrom<string | null>('x', 'y', 'z', null),
      /** From grant to answer. */
      latency: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 300 })),
      /** Where between grant and answer the receiver sees it: 0 at the grant, 100 at the answer. */
      seen: fc.oneof(fc.constant(0), fc.constant(100), fc.integer({ min: 0, max: 100 })),
      /** The call's deadline: it stops waiting for a slot this long after asking (null: it waits however long). */
      giveUpAfter: fc.option(fc.integer({ min: 0, max: 400 })),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.array(request, { minLength: 1, maxLength: 80 }),
        fc.integer({ min: 0, max: 10 }),
        async (requests, margin) => {
          const clock = new ManualClock();
          const limiter = createTeamsRateLimiter(limits, clock, { marginMs: margin });
          const seen: { tenant: string; conversation: string | null; at: number }[] = [];
          let gaveUp = 0;
          const sorted = [...requests].sort((p, q) => p.at - q.at);
          for (const r of sorted) {
            await clock.run(r.at);
            const deadline = r.giveUpAfter === null ? undefined : new AbortController();
            if (deadline) void clock.sleep(r.giveUpAfter ?? 0).then(() => deadline.abort());
            void limiter.acquire(r.tenant, r.conversation, deadline?.signal).then(
              async (release) => {
                const grantedAt = clock.t;
                await clock.sleep(r.latency);
                seen.push({ ...r, at: grantedAt + (r.latency * r.seen) / 100 });
                release();
              },
              () => {
                gaveUp++;
              },
            );
          }
          await clock.run();
          // Each request was either granted or gave up waiting; nobody is left in line.
          expect(seen.length + gaveUp).toBe(requests.length);
          expect(limiter.waiting()).toBe(0);
          for (const tenant of ['a', 'b']) {
            const ofTenant = seen.filter((g) => g.tenant === tenant);
            expectWithin(
              ofTenant.map((g) => g.at),
              limits.tenant,
            );
            for (const conversation of ['x', 'y', 'z']) {
              expectWithin(
                ofTenant.filter((g) => g.conversation === conversation).map((g) => g.at),
                limits.conversation,
              );
            }
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
