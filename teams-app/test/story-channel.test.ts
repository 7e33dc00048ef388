import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestUser, testUser } from './support/bot-client';
import { cardOf, textOf } from './support/cards';
import { submitLog, writeOrgChart } from './support/flows';
import { type RunningBot, startTestBot } from './support/start-bot';

const TEAMS_TEAM = 'teams-team-sapporo';
const GENERAL = `19:${TEAMS_TEAM}-general@thread.tacv2`;
const STORIES = `19:${TEAMS_TEAM}-stories@thread.tacv2`;

describe('the channel a team’s stories go to', () => {
  const rep = testUser('Hina Sato');
  const manager = testUser('Goro Abe');
  let bot: RunningBot;

  beforeAll(async () => {
    const orgFile = writeOrgChart({
      teams: [
        {
          id: 'sapporo',
          name: 'Sapporo Sales',
          teamsTeamId: TEAMS_TEAM,
          managers: [manager.aadObjectId],
          reps: [rep.aadObjectId],
        },
      ],
    });
    bot = await startTestBot({ env: { REBOUND_ORG_FILE: orgFile } });
  });
  afterAll(() => bot.stop());

  /** A message in one of the team's channels, as Teams sends it (the bot is mentioned, its mention removed). */
  function inChannel(user: TestUser, channelId: string, text: string, locale = 'en-US') {
    const activity = bot.client.base(user, { type: 'message', text, locale });
    activity.conversation = { id: channelId, conversationType: 'channel', tenantId: bot.client.tenantId };
    activity.channelData = {
      tenant: { id: bot.client.tenantId },
      team: { id: TEAMS_TEAM },
      channel: { id: channelId },
    };
    return bot.client.post(activity);
  }

  async function shareStory(customerLabel: string) {
    bot.connector.clear();
    await submitLog(bot, rep, {
      customerLabel,
      occurredOn: '2026-11-18',
      stage: 'proposal',
      reason: 'price',
      visibility: 'team',
    });
    return {
      general: bot.connector.messagesTo(GENERAL).filter((c) => cardOf(c)),
      stories: bot.connector.messagesTo(STORIES).filter((c) => cardOf(c)),
    };
  }

  it('stays in the first channel the bot heard from when someone writes from another channel', async () => {
    await inChannel(manager, GENERAL, 'help');
    await inChannel(rep, STORIES, 'help');
    const posted = await shareStory('Bakery');
    expect(posted.general).toHaveLength(1);
    expect(posted.stories).toEqual([]);
  });

  it('is not moved by a rep asking for it', async () => {
    await inChannel(rep, STORIES, 'channel');
    const answer = bot.connector.messagesTo(STORIES).at(-1);
    expect(textOf(cardOf(answer))).toContain('Only a manager of this team can do that.');
    expect((await shareStory('Florist')).general).toHaveLength(1);
  });

  it('moves when a manager of the team asks from the new channel, in their language, and stays there', async () => {
    await inChannel(manager, STORIES, 'このチャネル', 'ja-JP');
    expect(bot.connector.textsTo(STORIES).at(-1)).toBe(
      'これからは、Sapporo Salesの断られ話と週間まとめをこのチャネルに投稿します。',
    );
    const posted = await shareStory('Tailor');
    expect(posted.stories).toHaveLength(1);
    expect(posted.general).toEqual([]);

    await inChannel(manager, GENERAL, 'help');
    expect((await shareStory('Cafe')).stories).toHaveLength(1);
    await inChannel(manager, STORIES, 'channel');
    expect(bot.connector.textsTo(STORIES).at(-1)).toBe(
      'Rejection stories and the weekly digest of Sapporo Sales are already posted in this channel.',
    );
  });

  it('tells a manager who asks in a personal chat where to write it', async () => {
    await bot.client.message(manager, 'channel');
    const card = cardOf(bot.connector.messagesTo(bot.client.personalConversationId(manager)).at(-1));
    expect(textOf(card)).toContain('Write this in the team channel where the rejection stories should be posted.');
  });
});
