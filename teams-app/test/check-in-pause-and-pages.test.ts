import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testUser } from './support/bot-client';
import { cardOf, invokeCard, submission, textOf, verbsOf } from './support/cards';
import { submitLog } from './support/flows';
import { type RunningBot, startTestBot } from './support/start-bot';

const TENANT = 'tenant-test';
const NOW = new Date('2026-11-24T03:00:00Z');

describe('"not today" on a check-in, and older items in mine', () => {
  let bot: RunningBot;
  beforeAll(async () => {
    bot = await startTestBot({ server: { now: () => NOW } });
  });
  afterAll(() => bot.stop());

  it('pauses check-ins for one day, in English and in Japanese', async () => {
    for (const [name, locale, expected] of [
      ['Aki', 'en-US', 'No check-in today.'],
      ['Haru', 'ja-JP', '今日の振り返りはお休みです。'],
    ] as const) {
      const rep = testUser(name);
      await bot.client.message(rep, 'checkin', { locale });
      const form = cardOf(bot.connector.messagesTo(bot.client.personalConversationId(rep)).at(-1));
      expect(verbsOf(form)).toContain('checkIn.snooze');
      const res = await bot.client.action(rep, 'checkIn.snooze', submission(form, 'checkIn.snooze'), { locale });
      expect(res.body.value).toContain(expected);
      const schedule = await bot.store.getSchedule(TENANT, rep.aadObjectId);
      expect(schedule?.snoozeUntil).toBe('2026-11-25T03:00:00.000Z');
    }
  });

  it('pages through more items than one card shows', async () => {
    const rep = testUser('Sora');
    for (let day = 1; day <= 7; day++) {
      await submitLog(bot, rep, {
        customerLabel: `Customer ${day}`,
        occurredOn: `2026-11-0${day}`,
        stage: 'proposal',
        reason: 'timing',
        visibility: 'private',
      });
    }
    await bot.client.message(rep, 'mine');
    const first = cardOf(bot.connector.messagesTo(bot.client.personalConversationId(rep)).at(-1));
    expect(textOf(first)).toContain('Customer 7');
    expect(textOf(first)).toContain('Customer 3');
    expect(textOf(first)).not.toContain('Customer 2');
    const res = await bot.client.action(rep, 'mine.page', submission(first, 'mine.page'));
    const second = invokeCard(res.body);
    expect(textOf(second)).toContain('Customer 2');
    expect(textOf(second)).toContain('Customer 1');
    expect(textOf(second)).not.toContain('Customer 3');
    expect(verbsOf(second)).not.toContain('mine.page');
  });
});
