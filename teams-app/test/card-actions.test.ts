// biome-ignore-all lint/suspicious/noExplicitAny: card JSON is walked generically
import { cardFixtures } from '@rebound/cards/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestUser, testUser } from './support/bot-client';
import { cardOf, invokeCard, submission, textOf } from './support/cards';
import type { ConnectorCall } from './support/fake-connector';
import { type RunningBot, startTestBot } from './support/start-bot';

const UNKNOWN = 'I did not catch that.';
const APOLOGY = 'something went wrong on my side';

/** The Action.Submit fallback the cards give an Action.Execute, or null. */
function fallbackOf(card: any, verb: string): any {
  let found: any = null;
  const walk = (node: any): void => {
    if (found || !node || typeof node !== 'object') return;
    if (node.type === 'Action.Execute' && node.verb === verb && node.fallback?.type === 'Action.Submit') {
      found = node.fallback;
      return;
    }
    for (const [key, value] of Object.entries(node)) if (key !== 'refresh') walk(value);
  };
  walk(card);
  return found;
}

/** What a client that falls back to Action.Submit sends for a button: the card's inputs plus the fallback's data. */
function fallbackValue(card: any, verb: string, inputs: Record<string, unknown> = {}): Record<string, unknown> {
  const fallback = fallbackOf(card, verb);
  if (!fallback) throw new Error(`no Action.Submit fallback for ${verb}`);
  return { ...submission(card, verb, inputs), ...fallback.data };
}

/** Every button any card can show, with what its fallback sends. */
const fallbacks = new Map<string, Record<string, unknown>>();
for (const { card } of cardFixtures('typical', 'en')) {
  const walk = (node: any): void => {
    if (!node || typeof node !== 'object') return;
    if (node.type === 'Action.Execute' && typeof node.verb === 'string' && !fallbacks.has(node.verb)) {
      fallbacks.set(node.verb, fallbackValue(card, node.verb));
    }
    for (const [key, value] of Object.entries(node)) if (key !== 'refresh') walk(value);
  };
  walk(card);
}

function answerText(call: ConnectorCall | undefined): string {
  return cardOf(call) ? textOf(cardOf(call)) : String(call?.body?.text ?? '');
}

describe('Action.Execute', () => {
  let bot: RunningBot;
  beforeAll(async () => {
    bot = await startTestBot();
  });
  afterAll(() => bot.stop());

  const updates = () => bot.connector.calls.filter((c) => c.kind === 'update');

  it('without replyToId, is answered by the invoke response alone, refreshing cards included', async () => {
    const rep = testUser('Nao');
    await bot.client.message(rep, 'help');
    bot.connector.clear();
    // `mine` answers with a card that refreshes itself; `log.open` after it with one that does not.
    for (const [verb, title] of [
      ['mine.refresh', 'My items'],
      ['log.open', 'Log a rejection'],
      ['mine.refresh', 'My items'],
    ] as const) {
      const res = await bot.client.action(rep, verb, { action: verb }, { replyToId: null });
      expect(res.status).toBe(200);
      expect(textOf(invokeCard(res.body)), verb).toContain(title);
    }
    expect(updates()).toEqual([]);
    expect(bot.logs.filter((l) => l.msg === 'turn failed')).toEqual([]);
  });

  it('in a personal chat, puts a refreshing card in the pressed message too; other cards only in the response', async () => {
    const rep = testUser('Yui');
    await bot.client.message(rep, 'help');
    bot.connector.clear();
    const mine = await bot.client.action(rep, 'mine.refresh', { action: 'mine.refresh' }, { replyToId: 'msg-7' });
    expect(textOf(invokeCard(mine.body))).toContain('My items');
    expect(updates()).toHaveLength(1);
    expect(updates()[0]).toMatchObject({ conversationId: bot.client.personalConversationId(rep), activityId: 'msg-7' });
    expect(textOf(cardOf(updates()[0]))).toContain('My items');

    bot.connector.clear();
    const form = await bot.client.action(rep, 'log.open', { action: 'log.open' }, { replyToId: 'msg-8' });
    expect(textOf(invokeCard(form.body))).toContain('Log a rejection');
    expect(updates()).toEqual([]);
  });

  it('in a channel, never answers with one person’s card: it goes to their 1:1 chat', async () => {
    const rep = testUser('Hina');
    await bot.client.message(rep, 'help');
    bot.connector.clear();
    const res = await bot.client.action(
      rep,
      'mine.refresh',
      { action: 'mine.refresh' },
      { replyToId: 'story-1', teamsTeamId: 'team-x' },
    );
    expect(invokeCard(res.body)).toBeNull();
    expect(String(res.body?.value)).toContain('1:1 chat');
    expect(updates()).toEqual([]);
    const chat = bot.connector.messagesTo(bot.client.personalConversationId(rep));
    expect(textOf(cardOf(chat.at(-1)))).toContain('My items');
  });

  it('still answers the person when the pressed message cannot be replaced', async () => {
    const rep = testUser('Mei');
    await bot.client.message(rep, 'help');
    bot.connector.clear();
    bot.connector.respondWith(404);
    const res = await bot.client.action(rep, 'mine.refresh', { action: 'mine.refresh' }, { replyToId: 'gone-1' });
    expect(res.status).toBe(200);
    expect(textOf(invokeCard(res.body))).toContain('My items');
    expect(updates().map((u) => u.status)).toEqual([404]);
    expect(bot.logs.some((l) => l.msg === 'could not replace the card a button was pressed on')).toBe(true);
  });
});

describe('the Action.Submit fallbacks of the cards', () => {
  let bot: RunningBot;
  beforeAll(async () => {
    bot = await startTestBot();
  });
  afterAll(() => bot.stop());

  const chat = (user: TestUser) => bot.client.personalConversationId(user);
  const callsTo = (user: TestUser) => bot.connector.calls.filter((c) => c.conversationId === chat(user));

  it('every card button has one, carrying its verb', () => {
    expect(fallbacks.size).toBeGreaterThan(25);
    for (const [verb, value] of fallbacks) expect(value.verb, verb).toBe(verb);
  });

  it.each([...fallbacks.entries()])(
    '%s through its fallback answers with something of its own',
    async (verb, value) => {
      const user = testUser(`Submitter ${verb}`);
      await bot.client.message(user, 'help');
      bot.connector.clear();
      const { verb: _verb, ...data } = value;
      const res = await bot.client.submit(user, verb, data);
      expect(res.status).toBe(200);
      const answers = callsTo(user).filter((c) => c.kind === 'update' || c.kind === 'reply' || c.kind === 'send');
      expect(answers.length, verb).toBeGreaterThan(0);
      for (const answer of answers) {
        expect(answerText(answer), verb).not.toContain(UNKNOWN);
        expect(answerText(answer), verb).not.toContain(APOLOGY);
      }
    },
  );

  it('replaces the pressed card in a personal chat: a rejection logged from the fallback of the log form', async () => {
    const rep = testUser('Riko');
    await bot.client.message(rep, 'log');
    const form = cardOf(bot.connector.messagesTo(chat(rep)).at(-1));
    bot.connector.clear();
    const { verb: _verb, ...data } = fallbackValue(form, 'log.submit', {
      customerLabel: 'Flower shop',
      stage: 'proposal',
      reason: 'timing',
      feeling: 'disappointed',
    });
    const res = await bot.client.submit(rep, 'log.submit', data, { replyToId: 'form-1' });
    expect(res.status).toBe(200);
    const [update, ...rest] = callsTo(rep);
    expect(update).toMatchObject({ kind: 'update', activityId: 'form-1' });
    expect(textOf(cardOf(update))).toContain('Thank you for logging it');
    expect(rest).toEqual([]);
    const logs = await bot.store.listLogs('tenant-test', { authorId: rep.aadObjectId });
    expect(logs.map((l) => l.customerLabel)).toEqual(['Flower shop']);
  });

  it('sends the answer as a new message when Teams did not say which message was pressed', async () => {
    const rep = testUser('Kana');
    await bot.client.message(rep, 'help');
    bot.connector.clear();
    await bot.client.submit(rep, 'mine.refresh', { action: 'mine.refresh' }, { replyToId: null });
    const calls = callsTo(rep);
    expect(calls.map((c) => c.kind)).toEqual(['reply']);
    expect(textOf(cardOf(calls[0]))).toContain('My items');
  });

  it('sends a text answer as a message', async () => {
    const rep = testUser('Sae');
    await bot.client.message(rep, 'help');
    bot.connector.clear();
    await bot.client.submit(rep, 'checkIn.snooze', { action: 'checkIn.snooze' });
    expect(bot.connector.textsTo(chat(rep))).toEqual([expect.stringContaining('No check-in today.')]);
  });

  it('in a channel, leaves the pressed card alone and sends the answer to the 1:1 chat', async () => {
    const rep = testUser('Toa');
    await bot.client.message(rep, 'help');
    bot.connector.clear();
    await bot.client.submit(rep, 'log.open', { action: 'log.open' }, { replyToId: 'story-1', teamsTeamId: 'team-y' });
    const calls = bot.connector.calls.filter((c) => c.conversationId === bot.client.channelConversationId('team-y'));
    expect(calls.map((c) => c.kind)).toEqual(['reply']);
    expect(cardOf(calls[0])).toBeNull();
    expect(String(calls[0]?.body?.text)).toContain('1:1 chat');
    expect(textOf(cardOf(callsTo(rep).at(-1)))).toContain('Log a rejection');
  });

  it('answers an unknown verb, or none, with the help card', async () => {
    const rep = testUser('Ema');
    await bot.client.message(rep, 'help');
    bot.connector.clear();
    await bot.client.submit(rep, 'story.react', { action: 'story.react' }, { replyToId: null });
    await bot.client.post(bot.client.base(rep, { type: 'message', value: { customerLabel: 'x' } }));
    const answers = callsTo(rep).map((c) => textOf(cardOf(c)));
    expect(answers).toHaveLength(2);
    for (const answer of answers) expect(answer).toContain(UNKNOWN);
  });
});
