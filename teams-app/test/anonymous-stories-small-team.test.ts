import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testUser } from './support/bot-client';
import { cardOf, invokeCard, submission, textOf, verbsOf } from './support/cards';
import { submitLog, writeOrgChart } from './support/flows';
import { type RunningBot, startTestBot } from './support/start-bot';

const TENANT = 'tenant-test';
const SMALL = 'teams-team-fukuoka';
const LARGE = 'teams-team-kyoto';

describe('anonymous stories in a team too small to hide the author (REBOUND_PRIVACY_K=3)', () => {
  const sora = testUser('Sora Ishii');
  const fukuokaManager = testUser('Mei Kudo');
  const kyotoReps = ['Aoi Baba', 'Ren Chiba', 'Yuna Doi'].map(testUser);
  const kyotoManager = testUser('Jo Eda');
  let bot: RunningBot;

  beforeAll(async () => {
    const orgFile = writeOrgChart({
      teams: [
        {
          id: 'fukuoka',
          name: 'Fukuoka Sales',
          teamsTeamId: SMALL,
          managers: [fukuokaManager.aadObjectId],
          reps: [sora.aadObjectId],
        },
        {
          id: 'kyoto',
          name: 'Kyoto Sales',
          teamsTeamId: LARGE,
          managers: [kyotoManager.aadObjectId],
          reps: kyotoReps.map((r) => r.aadObjectId),
        },
      ],
    });
    bot = await startTestBot({ env: { REBOUND_ORG_FILE: orgFile, REBOUND_PRIVACY_K: '3' } });
    await bot.client.channelMessage(fukuokaManager, SMALL, 'help');
    await bot.client.channelMessage(kyotoManager, LARGE, 'help');
    for (const rep of kyotoReps) await bot.client.message(rep, 'help');
  });
  afterAll(() => bot.stop());

  const story = {
    customerLabel: 'Ramen shop',
    occurredOn: '2026-11-18',
    stage: 'first-meeting',
    reason: 'no-need',
    customerWords: 'We are happy with what we have.',
    visibility: 'team-anonymous',
  };
  const channelPosts = (teamsTeamId: string) =>
    bot.connector.calls.filter((c) => c.conversationId === bot.client.channelConversationId(teamsTeamId));

  it('does not post "anonymously" for the only rep: it keeps the log private and says why, in their language', async () => {
    const res = await submitLog(bot, sora, story, { locale: 'ja-JP', beforeSubmit: () => bot.connector.clear() });
    const card = invokeCard(res.body);
    const text = textOf(card);
    expect(text).toContain('匿名では共有していません');
    expect(text).toContain('断られ記録は保存しました。いまは自分だけが見られます。');
    expect(text).toContain('書いた可能性のあるメンバーがチームに3人以上必要です');
    expect(text).not.toContain('Sora');
    expect(verbsOf(card)).toEqual(['item.visibility', 'item.withdraw']);
    expect(channelPosts(SMALL)).toEqual([]);
    const [log] = await bot.store.listLogs(TENANT, { authorId: sora.aadObjectId });
    expect(log?.visibility).toBe('private');
    expect(await bot.store.listShares(TENANT, { ownerId: sora.aadObjectId })).toEqual([]);
  });

  it('shares it with the rep’s name when they choose so on that card, and takes it back when they keep it private', async () => {
    bot.connector.clear();
    const refusal = await submitLog(bot, sora, { ...story, customerLabel: 'Sushi bar' }, { locale: 'ja-JP' });
    const card = invokeCard(refusal.body);
    await bot.client.action(sora, 'item.visibility', submission(card, 'item.visibility'), { locale: 'ja-JP' });
    const posted = bot.connector.messagesTo(bot.client.channelConversationId(SMALL));
    expect(posted).toHaveLength(1);
    expect(JSON.stringify(cardOf(posted[0]))).toContain('Sora Ishii');

    const res = await bot.client.action(sora, 'item.withdraw', submission(card, 'item.withdraw'), { locale: 'ja-JP' });
    expect(textOf(invokeCard(res.body))).toContain('自分の記録');
    expect(channelPosts(SMALL).filter((c) => c.kind === 'update')).toHaveLength(1);
  });

  it('refuses making a shared log anonymous from my items and leaves it as it was', async () => {
    const [log] = await bot.store.listLogs(TENANT, { authorId: sora.aadObjectId });
    await bot.client.action(sora, 'item.visibility', {
      action: 'item.visibility',
      itemKind: 'log',
      itemId: log!.id,
      to: 'team',
    });
    bot.connector.clear();
    const res = await bot.client.action(sora, 'item.visibility', {
      action: 'item.visibility',
      itemKind: 'log',
      itemId: log!.id,
      to: 'team-anonymous',
    });
    const text = textOf(invokeCard(res.body));
    expect(text).toContain('Not shared anonymously');
    expect(text).toContain('needs at least 3 reps in your team');
    expect(text).not.toContain('Your rejection log is saved');
    expect((await bot.store.getLog(TENANT, log!.id))?.visibility).toBe('team');
    expect(channelPosts(SMALL)).toEqual([]);
  });

  it('keeps an anonymous check-in private and says why beside the acknowledgement', async () => {
    await bot.client.message(sora, 'checkin');
    const form = cardOf(bot.connector.messagesTo(bot.client.personalConversationId(sora)).at(-1));
    const res = await bot.client.action(
      sora,
      'checkIn.submit',
      submission(form, 'checkIn.submit', { pressure: '4', energy: '2', visibility: 'team-anonymous' }),
    );
    expect(invokeCard(res.body)).not.toBeNull();
    expect(bot.connector.textsTo(bot.client.personalConversationId(sora)).at(-1)).toMatch(
      /^An anonymous story needs at least 3 reps in your team/,
    );
    const [checkIn] = await bot.store.listCheckIns(TENANT, { authorId: sora.aadObjectId });
    expect(checkIn?.visibility).toBe('private');
  });

  it('posts anonymously, without a name, in a team with k reps who use Rebound', async () => {
    const [aoi] = kyotoReps;
    bot.connector.clear();
    await submitLog(bot, aoi!, story);
    const posted = bot.connector.messagesTo(bot.client.channelConversationId(LARGE));
    expect(posted).toHaveLength(1);
    expect(JSON.stringify(cardOf(posted[0]))).not.toContain('Aoi Baba');
    expect(JSON.stringify(cardOf(posted[0]))).toContain('We are happy with what we have.');
  });
});
