import { afterEach, describe, expect, it } from 'vitest';
import { TEAMS_RATE_LIMITS } from '../../src/delivery/rate-limiter';
import { seedFanout } from '../support/fanout-seed';
import { type RunningBot, startTestBot } from '../support/start-bot';

const TENANT = 'tenant-test';
const LIMITS = { tenant: [{ limit: 20, windowMs: 1000 }], conversation: TEAMS_RATE_LIMITS.conversation };

describe('a scheduled fan-out through the delivery queue against a connector that enforces limits and fails', () => {
  let bot: RunningBot | null = null;
  afterEach(async () => {
    await bot?.stop();
    bot = null;
  });

  it('gets every check-in through exactly once, never exceeds a window, and counts every HTTP attempt', async () => {
    let now = new Date();
    bot = await startTestBot({
      env: { REBOUND_SCHEDULER: 'on' },
      server: { now: () => now, delivery: { limits: LIMITS, schedulePattern: '0 0 0 1 1 *', pollMs: 3_600_000 } },
      connector: { limits: LIMITS, faults: { rate429: 0.15, rate5xx: 0.1, seed: 11, retryAfterMs: 20 } },
    });
    const people = await seedFanout(bot.store, { tenantId: TENANT, count: 40, serviceUrl: bot.connector.url, now });

    // A failure the connector's own retries could not get past is retried by the queue later (a persisted
    // retry time), so each round moves the clock on a minute, as the scheduler's ticks would.
    for (let round = 0; round < 30; round++) {
      await bot.server.delivery.queue.drain();
      if ((await bot.store.listDeliveries(TENANT, { status: 'pending' })).length === 0) break;
      now = new Date(now.getTime() + 60_000);
    }

    const sent = await bot.store.listDeliveries(TENANT, { kind: 'check-in' });
    expect(sent.map((d) => d.status)).toEqual(Array(40).fill('sent'));
    const receipts = bot.connector.receiptsByConversation();
    expect(people.map((p) => receipts.get(p.conversationId) ?? 0)).toEqual(Array(40).fill(1));
    expect(bot.connector.violations).toEqual([]);
    const statuses = bot.connector.calls.map((c) => c.status);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(0);
    expect(statuses.filter((s) => s === 502 || s === 504).length).toBeGreaterThan(0);
    // The connector's own retries went through the limited client too: it saw every attempt the connector did.
    expect(bot.server.httpClient.stats().attempts).toBe(bot.connector.calls.length);
  });

  it('keeps a send the connector refused with 412 for a later attempt, with backoff, and then sends it once', async () => {
    let now = new Date();
    bot = await startTestBot({
      env: { REBOUND_SCHEDULER: 'on' },
      server: { now: () => now, delivery: { schedulePattern: '0 0 0 1 1 *', pollMs: 3_600_000, random: () => 0.5 } },
    });
    const [person] = await seedFanout(bot.store, { tenantId: TENANT, count: 1, serviceUrl: bot.connector.url, now });
    bot.connector.respondWith(412);
    expect(await bot.server.delivery.queue.drain()).toMatchObject({ sent: 0, retrying: 1 });
    const [waiting] = await bot.store.listDeliveries(TENANT, { kind: 'check-in' });
    expect(waiting).toMatchObject({ status: 'pending', attempts: 1, lastError: 'send failed (412)' });
    // Backoff with full jitter: the first retry waits a draw in [0, 500 ms); 0.5 gives 250 ms.
    expect(Date.parse(waiting!.dueAt) - now.getTime()).toBe(250);

    expect(await bot.server.delivery.queue.drain()).toMatchObject({ sent: 0, retrying: 0 });
    now = new Date(now.getTime() + 1000);
    expect(await bot.server.delivery.queue.drain()).toMatchObject({ sent: 1 });
    expect(bot.connector.receiptsByConversation().get(person!.conversationId)).toBe(1);
  });
});
