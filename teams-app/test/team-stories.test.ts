import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testUser } from './support/bot-client';
import { cardOf, submission, textOf } from './support/cards';
import { submitLog, writeOrgChart } from './support/flows';
import { type RunningBot, startTestBot } from './support/start-bot';

const TEAMS_TEAM = 'teams-team-osaka';
const reps = ['Hana Mori', 'Jun Abe', 'Kai Ota', 'Noa Ueda', 'Rin Sato'].map(testUser);
const manager = testUser('Emi Kato');

describe('rejection stories in the team channel', () => {
  let bot: RunningBot;
  beforeAll(async () => {
    const orgFile = writeOrgChart({
      teams: [
        {
          id: 'osaka-sales',
          name: 'Osaka Sales',
          teamsTeamId: TEAMS_TEAM,
          managers: [manager.aadObjectId],
          reps: reps.map((r) => r.aadObjectId),
        },
      ],
    });
    bot = await startTestBot({ env: { REBOUND_ORG_FILE: orgFile } });
    await bot.client.channelMessage(manager, TEAMS_TEAM, 'help');
    // Five reps who use Rebound: enough (k = 5) for an anonymous story to stay anonymous.
    for (const rep of reps) await bot.client.message(rep, 'help');
  });
  afterAll(() => bot.stop());

  const channel = () => bot.client.channelConversationId(TEAMS_TEAM);

  async function logAs(rep: (typeof reps)[number], visibility: string, customerLabel: string) {
    await submitLog(bot, rep, {
      customerLabel,
      occurredOn: '2026-11-18',
      stage: 'first-meeting',
      reason: 'no-need',
      askedWhy: 'true',
      customerWords: 'We already have a supplier we like.',
      visibility,
    });
  }

  it('posts a named story without the customer, and an anonymous one without any name', async () => {
    const [hana, jun] = reps as [(typeof reps)[number], (typeof reps)[number]];
    bot.connector.clear();
    await logAs(hana, 'team', 'Cafe Umeda');
    const named = bot.connector.messagesTo(channel());
    expect(named).toHaveLength(1);
    const namedText = JSON.stringify(cardOf(named[0]));
    expect(namedText).toContain('Hana Mori');
    expect(namedText).toContain('We already have a supplier we like.');
    expect(namedText).not.toContain('Cafe Umeda');

    bot.connector.clear();
    await logAs(jun, 'team-anonymous', 'Print shop');
    const anonymous = bot.connector.messagesTo(channel());
    expect(anonymous).toHaveLength(1);
    const anonymousText = JSON.stringify(cardOf(anonymous[0]));
    expect(anonymousText).not.toContain('Jun Abe');
    expect(anonymousText).not.toContain(jun.aadObjectId);
    expect(anonymousText).not.toContain('Print shop');
  });

  it('tells the rep, in their language, when the team has no Rebound channel yet', async () => {
    const loner = testUser('Sae Ito');
    const orgFile = writeOrgChart({
      teams: [{ id: 'kobe-sales', name: 'Kobe Sales', managers: [], reps: [loner.aadObjectId] }],
    });
    const other = await startTestBot({ env: { REBOUND_ORG_FILE: orgFile } });
    try {
      await submitLog(
        other,
        loner,
        {
          customerLabel: 'Sake brewery',
          occurredOn: '2026-11-18',
          stage: 'proposal',
          reason: 'price',
          visibility: 'team',
        },
        { locale: 'ja-JP' },
      );
      const texts = other.connector.textsTo(other.client.personalConversationId(loner));
      expect(texts.filter((t) => t.includes('Rebound のチャネルがないので'))).toHaveLength(1);
    } finally {
      await other.stop();
    }
  });

  it('takes the story back from the channel when the rep withdraws it', async () => {
    const hana = reps[0]!;
    await bot.client.message(hana, 'mine');
    const mine = cardOf(bot.connector.messagesTo(bot.client.personalConversationId(hana)).at(-1));
    bot.connector.clear();
    await bot.client.action(hana, 'item.withdraw', submission(mine, 'item.withdraw'));
    const updates = bot.connector.calls.filter((c) => c.kind === 'update' && c.conversationId === channel());
    expect(updates).toHaveLength(1);
    expect(textOf(cardOf(updates[0]))).not.toContain('Hana Mori');
    expect(JSON.stringify(cardOf(updates[0]))).not.toContain('supplier');
  });
});
