import { createMemoryStore } from '@rebound/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testUser } from './support/bot-client';
import { cardOf, submission, textOf } from './support/cards';
import { submitLog, writeOrgChart } from './support/flows';
import { type RunningBot, startTestBot } from './support/start-bot';

const TENANT = 'tenant-test';
const rep = testUser('Aoi Tanaka');
const manager = testUser('Ken Sato');

describe('someone who erased their data and writes again', () => {
  let bot: RunningBot;
  beforeAll(async () => {
    const orgFile = writeOrgChart({
      teams: [{ id: 'tokyo', name: 'Tokyo', managers: [manager.aadObjectId], reps: [rep.aadObjectId] }],
    });
    bot = await startTestBot({ env: { REBOUND_ORG_FILE: orgFile, REBOUND_ORG_TENANT: TENANT } });
    await bot.client.message(manager, 'help');
  });
  afterAll(() => bot.stop());

  const repChat = () => bot.client.personalConversationId(rep);

  it('can be reached again: their chat is stored anew, and a manager’s reply gets to them', async () => {
    await bot.client.message(rep, 'help');
    await bot.client.message(rep, 'erase');
    await bot.client.action(
      rep,
      'erase.confirm',
      submission(cardOf(bot.connector.messagesTo(repChat()).at(-1)), 'erase.confirm'),
    );
    expect(await bot.store.findConversationRefs(TENANT, { personId: rep.aadObjectId })).toEqual([]);

    // They come back in the same chat.
    await bot.client.message(rep, 'help');
    expect(await bot.store.findConversationRefs(TENANT, { personId: rep.aadObjectId })).toMatchObject([
      { conversationId: repChat(), active: true },
    ]);

    await submitLog(bot, rep, {
      customerLabel: 'After erasing',
      occurredOn: '2026-11-20',
      stage: 'proposal',
      reason: 'timing',
      visibility: 'manager',
    });
    const notification = cardOf(bot.connector.messagesTo(bot.client.personalConversationId(manager)).at(-1));
    expect(textOf(notification)).toContain('After erasing');
    bot.connector.clear();
    await bot.client.action(
      manager,
      'reply.send',
      submission(notification, 'reply.send', { draft: 'Thank you for writing it down. What did you learn?' }),
    );
    const toRep = bot.connector.messagesTo(repChat());
    expect(toRep).toHaveLength(1);
    expect(textOf(cardOf(toRep[0]))).toContain('Thank you for writing it down.');
  });
});

describe('someone who erased their data through one instance and writes to another', () => {
  it('is stored anew by the other instance too, so a reply gets to them there', async () => {
    const store = createMemoryStore();
    const orgFile = writeOrgChart({
      teams: [{ id: 'tokyo', name: 'Tokyo', managers: [manager.aadObjectId], reps: [rep.aadObjectId] }],
    });
    const env = { REBOUND_ORG_FILE: orgFile, REBOUND_ORG_TENANT: TENANT };
    const [a, b] = [await startTestBot({ store, env }), await startTestBot({ store, env })];
    try {
      await b.client.message(manager, 'help');
      await b.client.message(rep, 'help');
      await a.client.message(rep, 'erase');
      const confirm = cardOf(a.connector.messagesTo(a.client.personalConversationId(rep)).at(-1));
      await a.client.action(rep, 'erase.confirm', submission(confirm, 'erase.confirm'));

      await b.client.message(rep, 'help');
      await submitLog(b, rep, {
        customerLabel: 'Other instance',
        occurredOn: '2026-11-20',
        stage: 'proposal',
        reason: 'timing',
        visibility: 'manager',
      });
      const notification = cardOf(b.connector.messagesTo(b.client.personalConversationId(manager)).at(-1));
      b.connector.clear();
      await b.client.action(
        manager,
        'reply.send',
        submission(notification, 'reply.send', { draft: 'Thank you for writing it down. What did you learn?' }),
      );
      expect(b.connector.messagesTo(b.client.personalConversationId(rep))).toHaveLength(1);
    } finally {
      await a.stop();
      await b.stop();
    }
  });
});
