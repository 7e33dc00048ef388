import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testUser } from './support/bot-client';
import { cardOf, inputIdsOf, invokeCard, submission, textOf, verbsOf } from './support/cards';
import type { ConnectorCall } from './support/fake-connector';
import { type RunningBot, startTestBot } from './support/start-bot';

const TENANT = 'tenant-test';
const TEAM = 'teams-privacy';
const POINTER = 'I’ve sent it to you in our 1:1 chat';

/** What the rep writes: each phrase must never reach the channel. */
const logWords = {
  customerLabel: 'Kappa Flower Studio',
  customerWords: 'We signed with someone cheaper yesterday.',
  discovery: 'They need delivery on Sundays.',
  learned: 'Ask about the delivery schedule first.',
};
const checkInNote = 'My stomach hurts before every call this week.';

describe('personal cards never appear in a channel', () => {
  let bot: RunningBot;
  beforeAll(async () => {
    // The turn waits for its 1:1 messages to the end, so they are all there when the test looks.
    bot = await startTestBot({ server: { delivery: { turnWaitMs: 60_000 } } });
  });
  afterAll(() => bot.stop());

  const channel = () => bot.client.channelConversationId(TEAM);
  /** Every message posted to or updated in the channel. */
  const channelCalls = () =>
    bot.connector.calls.filter(
      (c) => c.conversationId === channel() && (c.kind === 'send' || c.kind === 'reply' || c.kind === 'update'),
    );
  const chatCalls = (conversationId: string) => bot.connector.messagesTo(conversationId);
  const cardsIn = (calls: ConnectorCall[]) => calls.map(cardOf).filter((c) => c !== null);

  function expectNoWordsOf(calls: ConnectorCall[], words: readonly string[]) {
    const seen = JSON.stringify(calls.map((c) => c.body));
    for (const word of words) expect(seen).not.toContain(word);
  }

  it('log and checkin typed in a channel: pointer there, forms and acknowledgements in the 1:1 chat', async () => {
    const rep = testUser('Natsuki');
    const chat = bot.client.personalConversationId(rep);
    await bot.client.message(rep, 'help');
    bot.connector.clear();

    await bot.client.channelMessage(rep, TEAM, 'log');
    expect(bot.connector.textsTo(channel())).toEqual([expect.stringContaining(POINTER)]);
    expect(cardsIn(channelCalls())).toEqual([]);
    const logForm = cardOf(chatCalls(chat).at(-1));
    expect(verbsOf(logForm)).toContain('log.submit');

    const logged = await bot.client.action(
      rep,
      'log.submit',
      submission(logForm, 'log.submit', {
        ...logWords,
        occurredOn: '2026-11-20',
        stage: 'proposal',
        reason: 'price',
        askedWhy: 'true',
        visibility: 'private',
      }),
    );
    const ack = invokeCard(logged.body);
    expect(verbsOf(ack)).toContain('log.reflect');
    const [log] = await bot.store.listLogs(TENANT, { authorId: rep.aadObjectId });
    expect(log?.customerLabel).toBe(logWords.customerLabel);

    await bot.client.channelMessage(rep, TEAM, 'checkin');
    const checkInForm = cardOf(chatCalls(chat).at(-1));
    expect(verbsOf(checkInForm)).toContain('checkIn.submit');
    const answers = Object.fromEntries(
      inputIdsOf(checkInForm)
        .filter((id) => /^answer_\d+$/.test(id))
        .map((id, i) => [id, `Prompt answer ${i}: the quiet client in Meguro`]),
    );
    const checkedIn = await bot.client.action(
      rep,
      'checkIn.submit',
      submission(checkInForm, 'checkIn.submit', {
        ...answers,
        pressure: '5',
        energy: '1',
        note: checkInNote,
        visibility: 'private',
      }),
    );
    expect(invokeCard(checkedIn.body)).not.toBeNull();
    expect(await bot.store.listCheckIns(TENANT, { authorId: rep.aadObjectId })).toHaveLength(1);

    expect(bot.connector.textsTo(channel())).toEqual([
      expect.stringContaining(POINTER),
      expect.stringContaining(POINTER),
    ]);
    expect(cardsIn(channelCalls())).toEqual([]);
    expectNoWordsOf(channelCalls(), [...Object.values(logWords), checkInNote, ...Object.values(answers)]);
    expect(channelCalls().some((c) => c.kind === 'update')).toBe(false);
  });

  it('an old form submitted in the channel: acknowledged in the 1:1 chat, only the pointer in the channel', async () => {
    const rep = testUser('Kaede');
    const chat = bot.client.personalConversationId(rep);
    await bot.client.message(rep, 'log');
    const form = cardOf(chatCalls(chat).at(-1));
    bot.connector.clear();

    const res = await bot.client.action(
      rep,
      'log.submit',
      submission(form, 'log.submit', { ...logWords, stage: 'proposal', reason: 'timing', visibility: 'private' }),
      { replyToId: 'form-in-channel', teamsTeamId: TEAM },
    );
    expect(res.body).toMatchObject({ type: 'application/vnd.microsoft.activity.message' });
    expect(String(res.body.value)).toContain(POINTER);
    expect(channelCalls()).toEqual([]);
    const [ack] = cardsIn(chatCalls(chat));
    expect(textOf(ack)).toContain('Thank you for logging it');
    expect((await bot.store.listLogs(TENANT, { authorId: rep.aadObjectId })).map((l) => l.customerLabel)).toEqual([
      logWords.customerLabel,
    ]);

    // The Action.Submit fallback of the same form answers the same way.
    bot.connector.clear();
    await bot.client.submit(
      rep,
      'mine.refresh',
      { action: 'mine.refresh' },
      { replyToId: 'help-1', teamsTeamId: TEAM },
    );
    expect(bot.connector.textsTo(channel())).toEqual([expect.stringContaining(POINTER)]);
    expect(cardsIn(channelCalls())).toEqual([]);
    expect(textOf(cardOf(chatCalls(chat).at(-1)))).toContain('My items');
    expectNoWordsOf(channelCalls(), Object.values(logWords));
  });

  it('first contact from a channel: the 1:1 chat is opened, and the welcome and the form go there', async () => {
    const rep = testUser('Minato');
    bot.connector.clear();
    await bot.client.channelMessage(rep, TEAM, 'log');

    const [created] = bot.connector.calls.filter((c) => c.kind === 'create-conversation');
    expect(created?.body).toMatchObject({
      isGroup: false,
      tenantId: TENANT,
      members: [{ id: rep.id, aadObjectId: rep.aadObjectId }],
    });
    expect(bot.connector.textsTo(channel())).toEqual([expect.stringContaining(POINTER)]);
    expect(cardsIn(channelCalls())).toEqual([]);
    const opened = bot.connector.calls.find((c) => c.kind === 'create-conversation' && c.status < 400);
    expect(opened).toBeDefined();
    const chatId = bot.connector.calls.filter((c) => c.kind === 'send' && c.conversationId !== channel())[0]
      ?.conversationId;
    expect(chatId).toMatch(/^a:created-/);
    const cards = cardsIn(chatCalls(chatId ?? ''));
    expect(textOf(cards[0])).toContain('Welcome to Rebound');
    expect(verbsOf(cards[1])).toContain('log.submit');
    // Stored: the next personal card goes to the same chat without opening another.
    await bot.client.channelMessage(rep, TEAM, 'settings');
    expect(bot.connector.calls.filter((c) => c.kind === 'create-conversation')).toHaveLength(1);
    expect(cardsIn(chatCalls(chatId ?? ''))).toHaveLength(3);
  });

  it('says how to reach the 1:1 chat when it cannot be opened, with nothing personal in the channel', async () => {
    const rep = testUser('Ren');
    bot.connector.clear();
    bot.connector.respondWith(403);
    await bot.client.channelMessage(rep, TEAM, 'mine');
    expect(bot.connector.textsTo(channel())).toEqual([expect.stringContaining('I could not open our 1:1 chat')]);
    expect(cardsIn(channelCalls())).toEqual([]);
  });

  it('erasing from an old card in a channel leaves no chat stored for the person', async () => {
    const rep = testUser('Yui');
    await bot.client.message(rep, 'help');
    bot.connector.clear();
    const res = await bot.client.action(rep, 'erase.confirm', { action: 'erase.confirm' }, { teamsTeamId: TEAM });
    expect(res.status).toBe(200);
    expect(await bot.store.getPerson(TENANT, rep.aadObjectId)).toBeNull();
    expect(bot.connector.calls.filter((c) => c.kind === 'create-conversation')).toEqual([]);
    expect(await bot.store.findConversationRefs(TENANT, { personId: rep.aadObjectId })).toEqual([]);
    expect(channelCalls()).toEqual([]);
  });

  it('answers in Japanese with the pointer', async () => {
    const rep = testUser('陽菜');
    await bot.client.message(rep, 'help', { locale: 'ja-JP' });
    bot.connector.clear();
    await bot.client.post(
      Object.assign(bot.client.base(rep, { type: 'message', text: '記録', locale: 'ja-JP' }), {
        conversation: { id: channel(), conversationType: 'channel', tenantId: TENANT },
        channelData: { tenant: { id: TENANT }, team: { id: TEAM } },
      }),
    );
    expect(bot.connector.textsTo(channel())).toEqual([expect.stringContaining('個人チャットにお送りしました')]);
    expect(cardsIn(chatCalls(bot.client.personalConversationId(rep)))).toHaveLength(1);
  });

  it('help stays in the channel: it is nobody’s own card', async () => {
    const rep = testUser('Sora');
    await bot.client.message(rep, 'help');
    bot.connector.clear();
    await bot.client.channelMessage(rep, TEAM, 'help');
    expect(cardsIn(channelCalls()).map(textOf).join('\n')).toContain('log');
    expect(chatCalls(bot.client.personalConversationId(rep))).toEqual([]);
  });
});
