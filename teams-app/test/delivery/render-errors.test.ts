import { randomUUID } from 'node:crypto';
import { createMemoryStore, type Store } from '@rebound/core';
import { afterEach, describe, expect, it } from 'vitest';
import { testUser } from '../support/bot-client';
import { cardOf, textOf } from '../support/cards';
import { submitLog, writeOrgChart } from '../support/flows';
import { type RunningBot, startTestBot } from '../support/start-bot';

const TENANT = 'tenant-test';

/** A memory store whose next `failing` reads of logs fail the way a database that is down would. */
function storeWithOutages(): Store & { failing: number } {
  const store = createMemoryStore();
  const state = { failing: 0 };
  return new Proxy(store, {
    get(target, prop, receiver) {
      if (prop === 'failing') return state.failing;
      if (prop === 'getLog') {
        return async (...args: Parameters<Store['getLog']>) => {
          if (state.failing > 0) {
            state.failing--;
            throw new Error('connect ECONNREFUSED 127.0.0.1:5432');
          }
          return target.getLog(...args);
        };
      }
      return Reflect.get(target, prop, receiver);
    },
    set(_target, prop, value) {
      if (prop !== 'failing') return false;
      state.failing = value;
      return true;
    },
  }) as Store & { failing: number };
}

let bot: RunningBot | null = null;
afterEach(async () => {
  await bot?.stop();
  bot = null;
});

describe('a notification whose rendering fails', () => {
  it('is retried like a failed send while the store is down, and sent once it is back: never skipped for good', async () => {
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
    const store = storeWithOutages();
    // The store goes down as each of the first two attempts starts rendering, and is back for the third.
    let outages = 2;
    bot = await startTestBot({
      env: { REBOUND_ORG_FILE: orgFile },
      store,
      server: {
        delivery: {
          random: () => 0,
          hooks: {
            beforeSend: () => {
              if (outages-- > 0) store.failing = 1;
            },
          },
        },
      },
    });
    await bot.client.message(manager, 'help');
    bot.connector.clear();
    const managerConversation = bot.client.personalConversationId(manager);
    await submitLog(bot, rep, {
      customerLabel: 'Bakery in Shibuya',
      occurredOn: '2026-11-20',
      stage: 'proposal',
      reason: 'timing',
      visibility: 'manager',
    });
    const pending = () => bot!.store.listDeliveries(TENANT, { kind: 'manager-notification' });
    expect(await pending()).toMatchObject([
      { status: 'pending', attempts: 1, lastError: 'could not prepare the message' },
    ]);
    expect(bot.connector.messagesTo(managerConversation)).toEqual([]);

    // The due scan tries again (no backoff here): still down, so once more; then it is back and the card goes out.
    expect(await bot.server.delivery.queue.drain()).toMatchObject({ retrying: 1, sent: 1, skipped: 0 });
    expect(await pending()).toMatchObject([{ status: 'sent', attempts: 3 }]);
    const cards = bot.connector.messagesTo(managerConversation);
    expect(cards).toHaveLength(1);
    expect(textOf(cardOf(cards[0]))).toContain('Bakery in Shibuya');
    expect(bot.logs.filter((l) => l.msg === 'delivery not prepared')).toHaveLength(2);
  });

  it('is still skipped when the recipient may no longer see what it is about', async () => {
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
    bot = await startTestBot({ env: { REBOUND_ORG_FILE: orgFile }, server: { delivery: { random: () => 0 } } });
    await bot.client.message(manager, 'help');
    // The notification cannot be sent now (due again at once); by the next attempt its item is gone.
    await submitLog(
      bot,
      rep,
      { customerLabel: 'Florist', occurredOn: '2026-11-21', stage: 'hearing', reason: 'budget', visibility: 'manager' },
      { beforeSubmit: () => bot?.connector.respondWith(412) },
    );
    const [delivery] = await bot.store.listDeliveries(TENANT, { kind: 'manager-notification' });
    expect(delivery).toMatchObject({ status: 'pending', attempts: 1 });
    await bot.store.updateDelivery({ ...delivery!, itemId: randomUUID() });

    expect(await bot.server.delivery.queue.drain()).toMatchObject({ skipped: 1, retrying: 0 });
    expect(await bot.store.listDeliveries(TENANT, { kind: 'manager-notification' })).toMatchObject([
      { status: 'skipped', lastError: 'nothing to send any more' },
    ]);
  });
});
