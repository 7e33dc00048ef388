import { afterEach, describe, expect, it } from 'vitest';
import type { TestUser } from './support/bot-client';
import { testUser } from './support/bot-client';
import { cardOf, submission, textOf, verbsOf } from './support/cards';
import { submitLog, writeOrgChart } from './support/flows';
import { type ScheduledBot, startScheduledBot } from './support/scheduled-bot';
import type { RunningBot } from './support/start-bot';

// Tokyo is UTC+9 all year: 22:00 on Monday 23 November 2026 in Tokyo.
const MONDAY_2200_TOKYO = '2026-11-23T13:00:00.000Z';
const tokyo = (date: string, time: string) => new Date(`${date}T${time}:00+09:00`).toISOString();

/** First contact from Tokyo, then the settings card saved with `changes` (quiet hours, days away). */
async function settingsFromTokyo(bot: RunningBot, user: TestUser, changes: Record<string, string>): Promise<void> {
  const chat = bot.client.personalConversationId(user);
  await bot.client.post(
    bot.client.base(user, { type: 'message', text: 'hello', locale: 'en-US', localTimezone: 'Asia/Tokyo' }),
  );
  await bot.client.message(user, 'settings');
  const settings = cardOf(bot.connector.messagesTo(chat).at(-1));
  expect(verbsOf(settings)).toContain('settings.save');
  const saved = await bot.client.action(user, 'settings.save', submission(settings, 'settings.save', changes));
  expect(saved.status).toBe(200);
  expect(JSON.stringify(saved.body)).not.toMatch(/didn't go through|うまくいきませんでした/);
}

describe('scheduled and proactive messages wait for the recipient’s quiet hours and days away', () => {
  let s: ScheduledBot | null = null;
  afterEach(async () => {
    await s?.bot.stop();
    s = null;
  });

  it('holds the card a rep shares with their manager until the manager’s quiet hours end', async () => {
    const rep = testUser('Aoi Tanaka');
    const manager = testUser('Ken Sato');
    const orgFile = writeOrgChart({
      teams: [{ id: 'tokyo-sales', name: 'Tokyo Sales', managers: [manager.aadObjectId], reps: [rep.aadObjectId] }],
    });
    s = await startScheduledBot(MONDAY_2200_TOKYO, { REBOUND_ORG_FILE: orgFile, REBOUND_ORG_TENANT: 'tenant-test' });
    const { bot } = s;
    const managerChat = bot.client.personalConversationId(manager);
    await settingsFromTokyo(bot, manager, { quietStart: '21:00', quietEnd: '08:00' });
    await bot.client.post(
      bot.client.base(rep, { type: 'message', text: 'hi', locale: 'en-US', localTimezone: 'Asia/Tokyo' }),
    );
    bot.connector.clear();

    const logged = await submitLog(bot, rep, {
      customerLabel: 'Bakery in Shibuya',
      occurredOn: '2026-11-23',
      stage: 'proposal',
      reason: 'timing',
      askedWhy: 'true',
      visibility: 'manager',
    });
    expect(logged.status).toBe(200);
    expect(bot.connector.messagesTo(managerChat)).toHaveLength(0);

    s.at(tokyo('2026-11-24', '07:59'));
    await s.tick();
    expect(bot.connector.messagesTo(managerChat)).toHaveLength(0);

    s.at(tokyo('2026-11-24', '08:00'));
    await s.tick();
    const sent = bot.connector.messagesTo(managerChat);
    expect(sent).toHaveLength(1);
    expect(textOf(cardOf(sent[0]))).toContain('Bakery in Shibuya');
    expect(verbsOf(cardOf(sent[0]))).toContain('reply.send');
  });

  it('reminds a rep of a next step due on a day away on their first day back, after their quiet hours', async () => {
    const rep = testUser('Yui Sakai');
    s = await startScheduledBot(MONDAY_2200_TOKYO);
    const { bot } = s;
    const chat = bot.client.personalConversationId(rep);
    // Away on Wednesday 25th, the day the next step is due; quiet until 10:00 every morning.
    await settingsFromTokyo(bot, rep, {
      quietStart: '21:00',
      quietEnd: '10:00',
      awayFrom: '2026-11-25',
      awayTo: '2026-11-25',
    });
    const logged = await submitLog(bot, rep, {
      customerLabel: 'Dental clinic',
      occurredOn: '2026-11-23',
      stage: 'negotiation',
      reason: 'price',
      nextStepKind: 'follow-up',
      nextStepNote: 'Send the smaller plan',
      nextStepDate: '2026-11-25',
    });
    expect(logged.status).toBe(200);
    bot.connector.clear();

    for (const [date, time] of [
      ['2026-11-25', '09:05'],
      ['2026-11-25', '12:00'],
      ['2026-11-26', '09:05'],
      ['2026-11-26', '09:59'],
    ] as const) {
      s.at(tokyo(date, time));
      await s.tick();
      expect(bot.connector.messagesTo(chat), `${date} ${time}`).toHaveLength(0);
    }
    s.at(tokyo('2026-11-26', '10:00'));
    await s.tick();
    const sent = bot.connector.messagesTo(chat);
    expect(sent).toHaveLength(1);
    const card = cardOf(sent[0]);
    expect(textOf(card)).toContain('Dental clinic');
    expect(textOf(card)).toContain('Send the smaller plan');
    expect(verbsOf(card)).toContain('item.outcome');
  });
});
