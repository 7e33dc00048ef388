import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestUser, testUser } from './support/bot-client';
import { cardOf, invokeCard, submission, textOf, verbsOf } from './support/cards';
import { submitLog, writeOrgChart } from './support/flows';
import { type RunningBot, startTestBot } from './support/start-bot';

const TENANT = 'tenant-test';
const NOW = new Date('2026-11-24T03:00:00.000Z');
const UNREADABLE = 'This item could not be read.';

describe('one stored record that cannot be read never takes a list down', () => {
  const rep = testUser('Yui Hara');
  const manager = testUser('Ken Mori');
  let bot: RunningBot;

  beforeAll(async () => {
    const orgFile = writeOrgChart({
      teams: [{ id: 'sendai', name: 'Sendai Sales', managers: [manager.aadObjectId], reps: [rep.aadObjectId] }],
    });
    bot = await startTestBot({ env: { REBOUND_ORG_FILE: orgFile }, server: { now: () => NOW } });
    await bot.client.message(manager, 'help');
    await submitLog(bot, rep, {
      customerLabel: 'Flower shop',
      occurredOn: '2026-11-20',
      stage: 'proposal',
      reason: 'timing',
      visibility: 'manager',
    });
    // Legacy data, written before the rules existed, straight into the store: a log whose date is no date and a
    // check-in for 2026-99-99, both shared with the manager.
    const author = rep.aadObjectId;
    const sharedAt = '2026-11-23T09:00:00.000Z';
    await bot.store.putLog({
      tenantId: TENANT,
      id: 'legacy-log',
      authorId: author,
      occurredAt: 'last spring',
      customerLabel: 'Old client',
      stage: 'proposal',
      askedWhy: false,
      reason: 'price',
      visibility: 'manager',
      createdAt: sharedAt,
      updatedAt: sharedAt,
    });
    await bot.store.putCheckIn({
      tenantId: TENANT,
      id: 'legacy-check-in',
      authorId: author,
      cadence: 'daily',
      periodKey: '2026-99-99',
      answers: [],
      pressure: 3,
      energy: 3,
      permissionToNotSell: false,
      supportRequested: false,
      visibility: 'manager',
      submittedAt: sharedAt,
      updatedAt: sharedAt,
    });
    for (const [itemKind, itemId] of [
      ['log', 'legacy-log'],
      ['check-in', 'legacy-check-in'],
    ] as const) {
      await bot.store.putShare({
        tenantId: TENANT,
        id: `share-${itemId}`,
        itemKind,
        itemId,
        ownerId: author,
        visibility: 'manager',
        audience: [manager.aadObjectId],
        teamIds: [],
        sharedAt,
        withdrawnAt: null,
      });
    }
  });
  afterAll(() => bot.stop());

  async function lastCard(user: TestUser) {
    return cardOf(bot.connector.messagesTo(bot.client.personalConversationId(user)).at(-1));
  }

  it('shows the rep’s other items in mine, and each unreadable one as a short line, in their language', async () => {
    await bot.client.message(rep, 'mine');
    const text = textOf(await lastCard(rep));
    expect(text).toContain('Flower shop');
    expect(text.split(UNREADABLE)).toHaveLength(3);
    await bot.client.message(rep, '記録一覧', { locale: 'ja-JP' });
    expect(textOf(await lastCard(rep)).split('この記録は読み込めませんでした。')).toHaveLength(3);
  });

  it('shows the manager’s other items in the inbox, and each unreadable one as a line with who shared it', async () => {
    await bot.client.message(manager, 'inbox');
    const card = await lastCard(manager);
    const text = textOf(card);
    expect(text).toContain('Flower shop');
    expect(text.split(UNREADABLE)).toHaveLength(3);
    expect(text.split('Yui Hara')).toHaveLength(4);
    // Only the readable item has an open button.
    expect(verbsOf(card).filter((v) => v === 'inbox.open')).toHaveLength(1);
  });

  it('answers the manager’s item card for an unreadable item with a short localized line, not an apology', async () => {
    const res = await bot.client.action(manager, 'notify.refresh', {
      action: 'notify.refresh',
      itemKind: 'check-in',
      itemId: 'legacy-check-in',
    });
    const text = textOf(invokeCard(res.body));
    expect(text).toContain('This check-in was saved in a form Rebound can no longer read, so it cannot be shown.');
    expect(text).not.toMatch(/went wrong|reference/);
    await bot.client.message(manager, 'inbox');
    const open = await bot.client.action(manager, 'inbox.open', submission(await lastCard(manager), 'inbox.open'));
    expect(textOf(invokeCard(open.body))).toContain('Flower shop');
  });

  it('exports everything, the unreadable records as they are stored', async () => {
    await bot.client.message(rep, 'export');
    const url = /https?:\/\/[^\s")\]]+\/export\/[A-Za-z0-9._-]+/.exec(JSON.stringify(await lastCard(rep)))?.[0];
    expect(url).toBeDefined();
    const res = await fetch(url!);
    expect(res.status).toBe(200);
    const data = await res.json();
    expect(data.rejectionLogs.map((l: { customerLabel: string }) => l.customerLabel)).toEqual(['Flower shop']);
    expect(data.unreadable).toEqual([
      { kind: 'log', record: expect.objectContaining({ id: 'legacy-log', occurredAt: 'last spring' }) },
      { kind: 'check-in', record: expect.objectContaining({ id: 'legacy-check-in', periodKey: '2026-99-99' }) },
    ]);
  });

  it('still acknowledges a new log with a question that fits (the rules leave the unreadable records out)', async () => {
    const res = await submitLog(bot, rep, {
      customerLabel: 'Noodle bar',
      occurredOn: '2026-11-24',
      stage: 'first-meeting',
      reason: 'no-need',
      visibility: 'private',
    });
    const ack = invokeCard(res.body);
    expect(verbsOf(ack)).toContain('log.reflect');
    expect(textOf(ack)).not.toMatch(/didn't go through|went wrong/);
  });

  it('lets the rep withdraw an unreadable item, which leaves the manager’s inbox', async () => {
    await bot.client.message(rep, 'mine');
    const mine = await lastCard(rep);
    const withdraw = JSON.stringify(mine).includes('"itemId":"legacy-log"');
    expect(withdraw).toBe(true);
    const res = await bot.client.action(rep, 'item.withdraw', {
      action: 'item.withdraw',
      itemKind: 'log',
      itemId: 'legacy-log',
    });
    expect(textOf(invokeCard(res.body)).split(UNREADABLE)).toHaveLength(3);
    await bot.client.message(manager, 'inbox');
    expect(textOf(await lastCard(manager)).split(UNREADABLE)).toHaveLength(2);
  });
});
