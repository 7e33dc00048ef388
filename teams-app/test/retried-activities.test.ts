import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestUser, testUser } from './support/bot-client';
import { cardOf, invokeCard, submission, textOf } from './support/cards';
import { submitLog, writeOrgChart } from './support/flows';
import { type RunningBot, startTestBot } from './support/start-bot';

const TENANT = 'tenant-test';
const rep = testUser('Aoi Tanaka');
const manager = testUser('Ken Sato');

describe('Teams sending the same card action again (a retry with the same activity id)', () => {
  let bot: RunningBot;
  beforeAll(async () => {
    const orgFile = writeOrgChart({
      teams: [{ id: 'tokyo', name: 'Tokyo', managers: [manager.aadObjectId], reps: [rep.aadObjectId] }],
    });
    bot = await startTestBot({ env: { REBOUND_ORG_FILE: orgFile, REBOUND_ALLOWED_TENANTS: TENANT } });
    await bot.client.message(manager, 'help');
  });
  afterAll(() => bot.stop());

  const repChat = () => bot.client.personalConversationId(rep);

  /** The Action.Execute a Teams client sends for `verb` on `card`, with one fixed activity id. */
  function cardAction(user: TestUser, card: unknown, verb: string, inputs: Record<string, unknown> = {}) {
    return bot.client.base(user, {
      id: randomUUID(),
      type: 'invoke',
      name: 'adaptiveCard/action',
      replyToId: 'card-1',
      value: { action: { type: 'Action.Execute', verb, data: submission(card, verb, inputs) }, trigger: 'manual' },
    });
  }

  async function logForm() {
    await bot.client.message(rep, 'log');
    return cardOf(bot.connector.messagesTo(repChat()).at(-1));
  }
  const values = { customerLabel: 'Bakery', occurredOn: '2026-11-20', stage: 'proposal', reason: 'timing' };
  const logs = () => bot.store.listLogs(TENANT, { authorId: rep.aadObjectId });

  it('stores a log once and answers the retry with the same card', async () => {
    const submit = cardAction(rep, await logForm(), 'log.submit', values);
    const first = await bot.client.post(submit);
    const again = await bot.client.post(submit);
    expect(first.status).toBe(200);
    expect(again.body).toEqual(first.body);
    expect(textOf(invokeCard(first.body))).toMatch(/thank/i);
    expect(await logs()).toHaveLength(1);
  });

  it('stores a log once when the same submission arrives twice at the same time', async () => {
    const before = (await logs()).length;
    const submit = cardAction(rep, await logForm(), 'log.submit', values);
    const [a, b] = await Promise.all([bot.client.post(submit), bot.client.post(submit)]);
    expect(b.body).toEqual(a.body);
    expect(await logs()).toHaveLength(before + 1);
    // A new press of the button (a new activity) is a new log.
    await bot.client.post(cardAction(rep, await logForm(), 'log.submit', values));
    expect(await logs()).toHaveLength(before + 2);
  });

  it('answers a retried check-in with its acknowledgement, not with "already checked in"', async () => {
    await bot.client.message(rep, 'checkin');
    const form = cardOf(bot.connector.messagesTo(repChat()).at(-1));
    const submit = cardAction(rep, form, 'checkIn.submit', { pressure: '3', energy: '4' });
    const first = await bot.client.post(submit);
    const again = await bot.client.post(submit);
    expect(again.body).toEqual(first.body);
    expect(textOf(invokeCard(again.body))).not.toMatch(/already checked in/i);
    expect(await bot.store.listCheckIns(TENANT, { authorId: rep.aadObjectId })).toHaveLength(1);
  });

  it('records and delivers a manager’s retried reply once', async () => {
    bot.connector.clear();
    await submitLog(bot, rep, { ...values, customerLabel: 'Clinic', visibility: 'manager' });
    const notification = cardOf(bot.connector.messagesTo(bot.client.personalConversationId(manager)).at(-1));
    bot.connector.clear();
    const send = cardAction(manager, notification, 'reply.send', {
      draft: 'Thank you for sharing this. What did you learn about their timing?',
    });
    const first = await bot.client.post(send);
    const again = await bot.client.post(send);
    expect(again.body).toEqual(first.body);
    const [log] = (await logs()).filter((l) => l.customerLabel === 'Clinic');
    expect(await bot.store.listReplies(TENANT, { itemId: log?.id })).toHaveLength(1);
    expect(bot.connector.messagesTo(repChat())).toHaveLength(1);
  });
});
