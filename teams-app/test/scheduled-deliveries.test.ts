import { afterEach, describe, expect, it } from 'vitest';
import { type TestUser, testUser } from './support/bot-client';
import { cardOf, invokeCard, submission, textOf, verbsOf } from './support/cards';
import { submitLog, writeOrgChart } from './support/flows';
import { startScheduledBot as startScheduledBotAt } from './support/scheduled-bot';
import type { RunningBot } from './support/start-bot';

// Monday 23 November 2026. Tokyo is UTC+9 all year.
const MONDAY_1700_TOKYO = '2026-11-23T08:00:00.000Z';
const KANA = /[\u3040-\u30ff]/;

/** The bot with the scheduler on and its clock at 17:00 on Monday 23 November in Tokyo. */
const startScheduledBot = (env: Record<string, string> = {}) => startScheduledBotAt(MONDAY_1700_TOKYO, env);

/** First contact from Tokyo in Japanese, then the one-tap opt-in on the welcome card. */
async function optInFromTokyo(bot: RunningBot, rep: TestUser): Promise<void> {
  await bot.client.post(
    bot.client.base(rep, { type: 'message', text: 'こんにちは', locale: 'ja-JP', localTimezone: 'Asia/Tokyo' }),
  );
  const welcome = bot.connector
    .messagesTo(bot.client.personalConversationId(rep))
    .map(cardOf)
    .find((card) => verbsOf(card).includes('settings.save'));
  expect(welcome, 'the welcome card offers scheduled check-ins').toBeTruthy();
  const saved = await bot.client.action(rep, 'settings.save', submission(welcome, 'settings.save'), {
    locale: 'ja-JP',
  });
  expect(saved.status).toBe(200);
}

describe('scheduled check-ins, reminders and the weekly digest', () => {
  let running: RunningBot | null = null;
  afterEach(async () => {
    await running?.stop();
    running = null;
  });

  it('sends the check-in the rep opted into at 17:30 their time, in their language, once per day', async () => {
    const s = await startScheduledBot();
    running = s.bot;
    const rep = testUser('Aoi Tanaka');
    const chat = s.bot.client.personalConversationId(rep);
    await optInFromTokyo(s.bot, rep);
    s.bot.connector.clear();

    await s.tick();
    expect(s.bot.connector.messagesTo(chat)).toHaveLength(0);

    s.at('2026-11-23T08:31:00.000Z');
    await s.tick();
    const sent = s.bot.connector.messagesTo(chat);
    expect(sent).toHaveLength(1);
    const card = cardOf(sent[0]);
    expect(verbsOf(card)).toContain('checkIn.submit');
    expect(textOf(card)).toMatch(KANA);
    expect(textOf(card)).toContain('振り返り');

    s.at('2026-11-23T08:45:00.000Z');
    await s.tick();
    expect(s.bot.connector.messagesTo(chat)).toHaveLength(1);

    // Saturday is not one of the chosen days (weekdays); Monday the 30th is.
    s.at('2026-11-28T08:31:00.000Z');
    await s.tick();
    expect(s.bot.connector.messagesTo(chat)).toHaveLength(1);
  });

  it('sends nothing to a rep who never opted in', async () => {
    const s = await startScheduledBot();
    running = s.bot;
    const rep = testUser('Ren Kimura');
    await s.bot.client.message(rep, 'hello');
    s.bot.connector.clear();
    for (const at of ['2026-11-23T08:31:00.000Z', '2026-11-23T22:31:00.000Z', '2026-11-24T08:31:00.000Z']) {
      s.at(at);
      await s.tick();
    }
    expect(s.bot.connector.calls).toHaveLength(0);
  });

  it('sends the one gentle reminder only when the rep asked for it, and only once', async () => {
    const s = await startScheduledBot();
    running = s.bot;
    const rep = testUser('Sora Ito');
    const chat = s.bot.client.personalConversationId(rep);
    await optInFromTokyo(s.bot, rep);

    // Off by default: an unanswered check-in is not followed up.
    s.at('2026-11-23T08:31:00.000Z');
    await s.tick();
    s.at('2026-11-23T11:00:00.000Z');
    await s.tick();
    expect(s.bot.connector.messagesTo(chat).filter((c) => verbsOf(cardOf(c)).includes('checkIn.submit'))).toHaveLength(
      1,
    );

    await s.bot.client.message(rep, '設定', { locale: 'ja-JP' });
    const settings = cardOf(s.bot.connector.messagesTo(chat).at(-1));
    await s.bot.client.action(
      rep,
      'settings.save',
      submission(settings, 'settings.save', { reminderAfterHours: '2' }),
      {
        locale: 'ja-JP',
      },
    );
    s.bot.connector.clear();

    s.at('2026-11-24T08:31:00.000Z');
    await s.tick();
    s.at('2026-11-24T10:31:00.000Z');
    await s.tick();
    s.at('2026-11-24T13:00:00.000Z');
    await s.tick();
    const cards = s.bot.connector.messagesTo(chat).map(cardOf);
    expect(cards).toHaveLength(2);
    expect(cards.every((c) => verbsOf(c).includes('checkIn.submit'))).toBe(true);
    // The reminder is the same check-in with one gentle line on top, never a second, different ask.
    expect(textOf(cards[1])).not.toBe(textOf(cards[0]));
    expect(submission(cards[1], 'checkIn.submit').prompts).toEqual(submission(cards[0], 'checkIn.submit').prompts);
    expect(JSON.stringify(cards[1])).toContain('2026-11-24');
  });

  it('does not send a check-in the rep already answered on demand', async () => {
    const s = await startScheduledBot();
    running = s.bot;
    const rep = testUser('Mio Hara');
    const chat = s.bot.client.personalConversationId(rep);
    await optInFromTokyo(s.bot, rep);
    await s.bot.client.message(rep, '振り返り', { locale: 'ja-JP' });
    const form = cardOf(s.bot.connector.messagesTo(chat).at(-1));
    const answered = await s.bot.client.action(
      rep,
      'checkIn.submit',
      submission(form, 'checkIn.submit', { pressure: '3', energy: '3', lastPeriodRating: '3', onTrack: '4' }),
      { locale: 'ja-JP' },
    );
    expect(answered.status).toBe(200);
    expect(textOf(invokeCard(answered.body))).not.toContain('入力内容をご確認ください');
    s.bot.connector.clear();
    s.at('2026-11-23T08:31:00.000Z');
    await s.tick();
    expect(s.bot.connector.messagesTo(chat)).toHaveLength(0);
  });

  it('reminds the rep of a next step on the day they set, with a way to record what happened', async () => {
    const s = await startScheduledBot();
    running = s.bot;
    const rep = testUser('Yui Sakai');
    const chat = s.bot.client.personalConversationId(rep);
    await s.bot.client.post(
      s.bot.client.base(rep, { type: 'message', text: 'hi', locale: 'en-US', localTimezone: 'Asia/Tokyo' }),
    );
    const logged = await submitLog(s.bot, rep, {
      customerLabel: 'Bakery in Shibuya',
      occurredOn: '2026-11-23',
      stage: 'proposal',
      reason: 'timing',
      nextStepKind: 'follow-up',
      nextStepNote: 'Call after their busy season',
      nextStepDate: '2026-11-25',
    });
    expect(logged.status).toBe(200);
    s.bot.connector.clear();

    s.at('2026-11-24T23:59:00.000Z'); // 08:59 on the 25th in Tokyo: not yet
    await s.tick();
    expect(s.bot.connector.messagesTo(chat)).toHaveLength(0);
    s.at('2026-11-25T00:05:00.000Z'); // 09:05 in Tokyo
    await s.tick();
    s.at('2026-11-25T03:00:00.000Z');
    await s.tick();
    const sent = s.bot.connector.messagesTo(chat);
    expect(sent).toHaveLength(1);
    const card = cardOf(sent[0]);
    expect(textOf(card)).toContain('Bakery in Shibuya');
    expect(textOf(card)).toContain('Call after their busy season');
    expect(verbsOf(card)).toContain('item.outcome');
  });

  it('posts the weekly digest in the team channel when enough people took part, and none below k', async () => {
    const team = ['Hana Mori', 'Jun Abe', 'Kai Ota'].map(testUser);
    const quiet = ['Sae Ito', 'Taro Goto', 'Uta Noda'].map(testUser);
    const [manager, quietManager] = [testUser('Emi Kato'), testUser('Go Mori')];
    const orgFile = writeOrgChart({
      teams: [
        {
          id: 'osaka-sales',
          name: 'Osaka Sales',
          teamsTeamId: 'teams-osaka',
          timeZone: 'Asia/Tokyo',
          managers: [manager.aadObjectId],
          reps: team.map((r) => r.aadObjectId),
        },
        {
          id: 'kobe-sales',
          name: 'Kobe Sales',
          teamsTeamId: 'teams-kobe',
          timeZone: 'Asia/Tokyo',
          managers: [quietManager.aadObjectId],
          reps: quiet.map((r) => r.aadObjectId),
        },
      ],
    });
    const s = await startScheduledBot({ REBOUND_ORG_FILE: orgFile, REBOUND_PRIVACY_K: '3' });
    running = s.bot;
    await s.bot.client.channelMessage(manager, 'teams-osaka', 'help');
    await s.bot.client.channelMessage(quietManager, 'teams-kobe', 'help');
    for (const rep of team) {
      await submitLog(s.bot, rep, {
        customerLabel: 'A customer',
        occurredOn: '2026-11-23',
        stage: 'first-meeting',
        reason: 'no-need',
        askedWhy: 'true',
      });
    }
    // Only one person of the Kobe team logged anything this week.
    await submitLog(s.bot, quiet[0]!, {
      customerLabel: 'Someone',
      occurredOn: '2026-11-23',
      stage: 'proposal',
      reason: 'price',
    });
    s.bot.connector.clear();

    // Friday 16:00 in Tokyo is the default digest time.
    s.at('2026-11-27T06:59:00.000Z');
    await s.tick();
    expect(s.bot.connector.messagesTo(s.bot.client.channelConversationId('teams-osaka'))).toHaveLength(0);
    s.at('2026-11-27T07:01:00.000Z');
    await s.tick();
    await s.tick();
    const osaka = s.bot.connector.messagesTo(s.bot.client.channelConversationId('teams-osaka'));
    expect(osaka).toHaveLength(1);
    const digest = textOf(cardOf(osaka[0]));
    expect(digest).toContain('Osaka Sales');
    for (const rep of team) expect(digest).not.toContain(rep.name);
    expect(s.bot.connector.messagesTo(s.bot.client.channelConversationId('teams-kobe'))).toHaveLength(0);
  });

  it('stops sending to a chat that answers 403, keeps it out of later fan-outs, and resumes when the rep writes again', async () => {
    const s = await startScheduledBot();
    running = s.bot;
    const rep = testUser('Kei Noguchi');
    const chat = s.bot.client.personalConversationId(rep);
    await optInFromTokyo(s.bot, rep);
    s.bot.connector.gone.add(chat);
    s.bot.connector.clear();

    s.at('2026-11-23T08:31:00.000Z');
    await s.tick();
    expect(s.bot.connector.calls.filter((c) => c.conversationId === chat).map((c) => c.status)).toEqual([403]);
    s.at('2026-11-24T08:31:00.000Z');
    await s.tick();
    expect(s.bot.connector.calls.filter((c) => c.conversationId === chat)).toHaveLength(1);

    // The rep reinstalls the app and writes: the chat is active again and the next check-in arrives.
    s.bot.connector.gone.delete(chat);
    await s.bot.client.message(rep, 'ヘルプ', { locale: 'ja-JP' });
    s.bot.connector.clear();
    s.at('2026-11-25T08:31:00.000Z');
    await s.tick();
    expect(s.bot.connector.messagesTo(chat).filter((c) => verbsOf(cardOf(c)).includes('checkIn.submit'))).toHaveLength(
      1,
    );
  });
});
