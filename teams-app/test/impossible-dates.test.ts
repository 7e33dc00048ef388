import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestUser, testUser } from './support/bot-client';
import { cardOf, invokeCard, submission, textOf } from './support/cards';
import { writeOrgChart } from './support/flows';
import { type RunningBot, startTestBot } from './support/start-bot';

const TENANT = 'tenant-test';
// 12:00 on 24 November 2026 in Tokyo.
const NOW = new Date('2026-11-24T03:00:00.000Z');

describe('impossible and future dates, through the bot', () => {
  const rep = testUser('Mika Endo');
  const manager = testUser('Taro Ueno');
  let bot: RunningBot;

  beforeAll(async () => {
    const orgFile = writeOrgChart({
      teams: [{ id: 'nagoya', name: 'Nagoya Sales', managers: [manager.aadObjectId], reps: [rep.aadObjectId] }],
    });
    bot = await startTestBot({ env: { REBOUND_ORG_FILE: orgFile }, server: { now: () => NOW } });
    await bot.client.message(manager, 'help');
  });
  afterAll(() => bot.stop());

  async function lastCard(user: TestUser) {
    return cardOf(bot.connector.messagesTo(bot.client.personalConversationId(user)).at(-1));
  }

  it('refuses a check-in for 2026-99-99 with the period named, in Japanese, and mine and the inbox keep working', async () => {
    await bot.client.message(rep, '振り返り', { locale: 'ja-JP' });
    const form = await lastCard(rep);
    const crafted = {
      ...submission(form, 'checkIn.submit', { pressure: '3', energy: '3', visibility: 'manager' }),
      periodKey: '2026-99-99',
    };
    const res = await bot.client.action(rep, 'checkIn.submit', crafted, { locale: 'ja-JP' });
    const card = invokeCard(res.body);
    expect(textOf(card)).toContain('期間は、毎日の振り返りなら実在する日（例: 2026-11-24）');
    expect(await bot.store.listCheckIns(TENANT, { authorId: rep.aadObjectId })).toEqual([]);
    expect(await bot.store.listDeliveries(TENANT, { ownerId: rep.aadObjectId })).toEqual([]);

    // The same form with its own period is stored, and both lists open.
    const ok = await bot.client.action(
      rep,
      'checkIn.submit',
      submission(form, 'checkIn.submit', { pressure: '3', energy: '3', visibility: 'manager' }),
      { locale: 'ja-JP' },
    );
    expect(textOf(invokeCard(ok.body))).not.toContain('期間');
    expect(await bot.store.listCheckIns(TENANT, { authorId: rep.aadObjectId })).toHaveLength(1);
    await bot.client.message(rep, '記録一覧', { locale: 'ja-JP' });
    expect(textOf(await lastCard(rep))).toContain('自分の記録');
    await bot.client.message(manager, 'inbox');
    expect(textOf(await lastCard(manager))).toContain('Mika Endo');
  });

  it('refuses a rejection dated 9999-12-31 (the form’s max is only a hint to the client) and stores nothing', async () => {
    await bot.client.message(rep, 'log');
    const form = await lastCard(rep);
    const res = await bot.client.action(
      rep,
      'log.submit',
      submission(form, 'log.submit', {
        customerLabel: 'Tea house',
        occurredOn: '9999-12-31',
        stage: 'proposal',
        reason: 'price',
        visibility: 'private',
      }),
    );
    expect(textOf(invokeCard(res.body))).toContain('When cannot be later than today (2026-11-24).');
    expect(await bot.store.listLogs(TENANT, { authorId: rep.aadObjectId })).toEqual([]);
  });

  it('refuses what happened later dated after today, from the my-items card', async () => {
    await bot.client.message(rep, 'log');
    const form = await lastCard(rep);
    await bot.client.action(
      rep,
      'log.submit',
      submission(form, 'log.submit', {
        customerLabel: 'Tea house',
        occurredOn: '2026-11-20',
        stage: 'proposal',
        reason: 'price',
        visibility: 'private',
      }),
    );
    await bot.client.message(rep, 'mine');
    const mine = await lastCard(rep);
    const { slot } = submission(mine, 'item.outcome');
    const res = await bot.client.action(
      rep,
      'item.outcome',
      submission(mine, 'item.outcome', { [`outcomeKind_${slot}`]: 'reopened', [`outcomeDate_${slot}`]: '2027-01-15' }),
    );
    expect(textOf(invokeCard(res.body))).toContain('Date cannot be later than today (2026-11-24).');
    expect(await bot.store.listOutcomes(TENANT, { authorId: rep.aadObjectId })).toEqual([]);
  });
});
