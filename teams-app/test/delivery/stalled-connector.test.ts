import type { DeliveryKind } from '@rebound/core';
import { afterEach, describe, expect, it } from 'vitest';
import type { DeliveryOptions } from '../../src/delivery/setup';
import { type TestUser, testUser } from '../support/bot-client';
import { cardOf, invokeCard, submission, verbsOf } from '../support/cards';
import { seedFanout } from '../support/fanout-seed';
import { submitLog, writeOrgChart } from '../support/flows';
import { type RunningBot, startTestBot } from '../support/start-bot';

const TENANT = 'tenant-test';

let bot: RunningBot | null = null;
afterEach(async () => {
  // Whatever a test left held open is answered, so that the bot's sends in flight end and it can stop.
  bot?.connector.hang.clear();
  bot?.connector.releaseHeld();
  await bot?.stop();
  bot = null;
});

interface Pair {
  bot: RunningBot;
  rep: TestUser;
  manager: TestUser;
  managerConversation: string;
}

/** A bot with a rep and their manager, who has written to the bot once (so that it can reach them). */
async function repAndManager(delivery: DeliveryOptions = {}, now?: () => Date): Promise<Pair> {
  const rep = testUser('Aoi Tanaka');
  const manager = testUser('Ken Sato');
  const orgFile = writeOrgChart({
    teams: [
      {
        id: 'tokyo-sales',
        tenantId: TENANT,
        name: 'Tokyo Sales',
        managers: [manager.aadObjectId],
        reps: [rep.aadObjectId],
      },
    ],
  });
  bot = await startTestBot({ env: { REBOUND_ORG_FILE: orgFile }, server: { delivery, ...(now ? { now } : {}) } });
  await bot.client.message(manager, 'help');
  bot.connector.clear();
  return { bot, rep, manager, managerConversation: bot.client.personalConversationId(manager) };
}

const LOG = {
  customerLabel: 'Bakery in Shibuya',
  occurredOn: '2026-11-20',
  stage: 'proposal',
  reason: 'timing',
  askedWhy: 'true',
  visibility: 'manager',
};

/** Messages into `conversation` the connector accepted since the test's start (`repAndManager` clears the record). */
function accepted(b: RunningBot, conversation: string): number {
  return b.connector.messagesTo(conversation).filter((c) => c.status < 300).length;
}

async function deliveriesOf(b: RunningBot, kind: DeliveryKind) {
  return b.store.listDeliveries(TENANT, { kind });
}

/** The rep's check-in form, then its submission shared with the manager, asking for support. */
async function submitCheckIn(b: RunningBot, rep: TestUser, beforeSubmit: () => void) {
  await b.client.message(rep, 'checkin');
  const form = cardOf(b.connector.messagesTo(b.client.personalConversationId(rep)).at(-1));
  beforeSubmit();
  return b.client.action(
    rep,
    'checkIn.submit',
    submission(form, 'checkIn.submit', { pressure: '5', energy: '1', supportRequested: 'true', visibility: 'manager' }),
  );
}

describe("a rep's turn never waits on the manager's conversation", () => {
  it('is answered while the connector still holds the notification to the manager open; sent once when it answers', async () => {
    // The turn's calls get a minute here, so the manager's request is surely still open when the rep is answered.
    const { bot, rep, managerConversation } = await repAndManager({ turnCallTimeoutMs: 60_000 });
    bot.connector.hang.add(managerConversation);

    const res = await submitLog(bot, rep, LOG);

    expect(verbsOf(invokeCard(res.body))).toContain('log.reflect');
    expect(bot.connector.held()).toBe(1);
    expect(await deliveriesOf(bot, 'manager-notification')).toMatchObject([{ status: 'pending', attempts: 0 }]);

    // The connector was only slow: the send in flight completes and is recorded, once.
    bot.connector.hang.clear();
    bot.connector.releaseHeld();
    await bot.server.delivery.queue.idle();
    expect(await deliveriesOf(bot, 'manager-notification')).toMatchObject([{ status: 'sent', attempts: 1 }]);
    expect(accepted(bot, managerConversation)).toBe(1);
  });

  it('is answered at once when the manager’s chat is throttled with a long Retry-After, which the queue honours', async () => {
    const { bot, rep, managerConversation } = await repAndManager();
    const res = await submitCheckIn(bot, rep, () => bot.connector.respondWith(429, 2, { retryAfterMs: 3_600_000 }));

    expect(invokeCard(res.body)).not.toBeNull();
    const waiting = [
      ...(await deliveriesOf(bot, 'manager-notification')),
      ...(await deliveriesOf(bot, 'support-requested')),
    ];
    expect(waiting).toHaveLength(2);
    for (const d of waiting) {
      expect(d).toMatchObject({ status: 'pending', attempts: 1, lastError: 'send failed (429)' });
      // Retry-After asked for an hour; the queue waits as long as it allows (5 minutes) rather than sleeping in a turn.
      expect(Date.parse(d.dueAt) - Date.parse(d.updatedAt)).toBeGreaterThan(299_000);
    }
    // Each was tried once: the connector's own retry policy did not sit out the hour.
    expect(
      bot.connector.calls.filter((c) => c.conversationId === managerConversation && c.status === 429),
    ).toHaveLength(2);
  });

  it('is answered while the connector still retries a failing manager chat; the queue sends it later, once', async () => {
    let now = new Date();
    const { bot, rep, managerConversation } = await repAndManager({ random: () => 0 }, () => now);
    const res = await submitLog(bot, rep, LOG, { beforeSubmit: () => bot.connector.respondWith(502, 3) });

    expect(verbsOf(invokeCard(res.body))).toContain('log.reflect');
    // The connector's retry policy makes 4 attempts in all (about 7 s of backoff): the rep did not wait for them,
    // nor for the call's deadline (4 s): the notification is still being tried.
    expect(bot.connector.calls.filter((c) => c.conversationId === managerConversation).length).toBeLessThan(4);
    expect(await deliveriesOf(bot, 'manager-notification')).toMatchObject([{ status: 'pending', attempts: 0 }]);

    await bot.server.delivery.queue.idle();
    const [failed] = await deliveriesOf(bot, 'manager-notification');
    expect(failed?.status).toBe('pending');
    // It got no answer in the end: not tried again sooner than a queued call would wait.
    expect(Date.parse(failed?.dueAt ?? '') - now.getTime()).toBe(15_000);
    now = new Date(now.getTime() + 15_000);
    await bot.server.delivery.queue.drain();
    expect(await deliveriesOf(bot, 'manager-notification')).toMatchObject([{ status: 'sent' }]);
    expect(accepted(bot, managerConversation)).toBe(1);
  });
});

describe('a stalled call gets a deadline', () => {
  it('gives up on a manager chat that never answers, and the due scan sends the notification once it does', async () => {
    let now = new Date();
    const { bot, rep, managerConversation } = await repAndManager(
      { turnCallTimeoutMs: 1500, random: () => 0 },
      () => now,
    );
    bot.connector.hang.add(managerConversation);
    await submitLog(bot, rep, LOG);
    await bot.server.delivery.queue.idle();

    // The bot closed the request it waited for in vain, and handed the notification to the scan.
    await bot.connector.whenNoneHeld();
    expect(bot.connector.abandoned).toBe(1);
    expect(await deliveriesOf(bot, 'manager-notification')).toMatchObject([
      { status: 'pending', attempts: 1, lastError: 'send failed (ETIMEDOUT)' },
    ]);

    bot.connector.hang.clear();
    expect(await bot.server.delivery.queue.drain()).toMatchObject({ sent: 0 });
    now = new Date(now.getTime() + 15_000);
    expect(await bot.server.delivery.queue.drain()).toMatchObject({ sent: 1 });
    expect(accepted(bot, managerConversation)).toBe(1);
  });

  it('frees the rate-limit slots of stalled sends: other people of the tenant are served, and the stalled sent later', async () => {
    let now = new Date();
    bot = await startTestBot({
      env: { REBOUND_SCHEDULER: 'on' },
      server: {
        now: () => now,
        delivery: {
          // Two requests at a time for the tenant: two stalled check-ins fill it.
          limits: { tenant: [{ limit: 2, windowMs: 100 }] },
          queuedCallTimeoutMs: 500,
          random: () => 0.5,
          schedulePattern: '0 0 0 1 1 *',
          pollMs: 3_600_000,
        },
      },
    });
    const stalled = await seedFanout(bot.store, { tenantId: TENANT, count: 2, serviceUrl: bot.connector.url, now });
    for (const p of stalled) bot.connector.hang.add(p.conversationId);
    const draining = bot.server.delivery.queue.drain();
    await bot.connector.whenHeld(2);

    // Someone else of the tenant writes: their answers need the slots the stalled sends hold.
    const other = testUser('Haru');
    await bot.client.message(other, 'help');
    expect(bot.connector.messagesTo(bot.client.personalConversationId(other)).length).toBeGreaterThan(0);
    expect(await draining).toMatchObject({ sent: 0, retrying: 2 });
    await bot.connector.whenNoneHeld();
    expect(bot.connector.abandoned).toBe(2);

    // The connector recovers: the stalled check-ins go out, each once.
    bot.connector.hang.clear();
    now = new Date(now.getTime() + 60_000);
    expect(await bot.server.delivery.queue.drain()).toMatchObject({ sent: 2 });
    const receipts = bot.connector.receiptsByConversation();
    expect(stalled.map((p) => receipts.get(p.conversationId))).toEqual([1, 1]);
  });
});

describe('bounded delivery work', () => {
  it('keeps part of the tenant for its people while every queued send hangs', async () => {
    const now = new Date();
    bot = await startTestBot({
      env: { REBOUND_SCHEDULER: 'on' },
      server: {
        now: () => now,
        delivery: {
          // Three requests at a time for the tenant, at most two of them the queue's; nothing times out here.
          limits: { tenant: [{ limit: 3, windowMs: 100 }] },
          maxInFlightPerTenant: 2,
          queuedCallTimeoutMs: 60_000,
          schedulePattern: '0 0 0 1 1 *',
          pollMs: 3_600_000,
        },
      },
    });
    const stalled = await seedFanout(bot.store, { tenantId: TENANT, count: 3, serviceUrl: bot.connector.url, now });
    for (const p of stalled) bot.connector.hang.add(p.conversationId);
    const draining = bot.server.delivery.queue.drain();
    await bot.connector.whenHeld(2);

    const other = testUser('Haru');
    await bot.client.message(other, 'help');
    expect(accepted(bot, bot.client.personalConversationId(other))).toBeGreaterThan(0);
    // Answered while the queue's two sends are still held, and the third was not started.
    expect(bot.connector.held()).toBe(2);

    bot.connector.hang.clear();
    bot.connector.releaseHeld();
    expect(await draining).toMatchObject({ sent: 3 });
  });

  it('hands a turn’s notification to the due scan at once when too many sends are in flight, and says so', async () => {
    const { bot, rep, managerConversation } = await repAndManager({ maxInFlight: 1, turnCallTimeoutMs: 60_000 });
    bot.connector.hang.add(managerConversation);
    const res = await submitCheckIn(bot, rep, () => undefined);
    expect(invokeCard(res.body)).not.toBeNull();

    // The first is in flight (held by the connector); the second was not started but handed over, due now.
    expect(bot.connector.held()).toBe(1);
    const [handed] = await deliveriesOf(bot, 'support-requested');
    expect(handed).toMatchObject({ status: 'pending', attempts: 1, lastError: 'not tried yet: delivery queue full' });
    expect(Date.parse(handed?.dueAt ?? '')).toBeLessThanOrEqual(Date.now());
    expect(bot.logs.filter((l) => String(l.msg).startsWith('delivery queue full'))).toHaveLength(1);

    bot.connector.hang.clear();
    bot.connector.releaseHeld();
    await bot.server.delivery.queue.idle();
    expect(await bot.server.delivery.queue.drain()).toMatchObject({ sent: 1 });
    expect(accepted(bot, managerConversation)).toBe(2);
  });
});
