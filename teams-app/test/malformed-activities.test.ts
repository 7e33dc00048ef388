// biome-ignore-all lint/suspicious/noExplicitAny: activities are free-form JSON on the wire
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testUser } from './support/bot-client';
import { cardOf, invokeCard, textOf } from './support/cards';
import { type RunningBot, startTestBot } from './support/start-bot';

const REFUSED = { error: 'bad-request', correlationId: expect.stringMatching(/^[0-9a-f-]{36}$/) };

describe('malformed activities', () => {
  let bot: RunningBot;
  beforeAll(async () => {
    bot = await startTestBot();
  });
  afterAll(() => bot.stop());

  const user = testUser('Nagi');
  const message = (extra: Record<string, any> = {}) =>
    bot.client.base(user, { type: 'message', text: 'help', ...extra });
  const without = (activity: Record<string, any>, ...keys: string[]) => {
    for (const key of keys) delete activity[key];
    return activity;
  };
  const cardAction = (action: unknown) =>
    bot.client.base(user, { type: 'invoke', name: 'adaptiveCard/action', replyToId: 'card-1', value: { action } });

  const cases: [string, () => unknown][] = [
    ['a number as text', () => message({ text: 42 })],
    ['a list as text', () => message({ text: ['help'] })],
    ['an object as locale', () => message({ locale: { language: 'en' } })],
    ['no from', () => without(message(), 'from')],
    ['no conversation', () => without(message(), 'conversation')],
    ['no recipient', () => without(message(), 'recipient')],
    ['no serviceUrl', () => without(message(), 'serviceUrl')],
    ['a serviceUrl that is not http', () => message({ serviceUrl: 'file:///etc/passwd' })],
    ['no channelId', () => without(message(), 'channelId')],
    ['no type', () => without(message(), 'type')],
    ['a number as type', () => message({ type: 7 })],
    ['a number as from.aadObjectId', () => message({ from: { id: user.id, aadObjectId: 12345 } })],
    ['an object as from.name', () => message({ from: { id: user.id, name: { first: 'N' } } })],
    ['no from.id', () => message({ from: { name: 'Nagi', aadObjectId: user.aadObjectId } })],
    ['a number as conversation.id', () => message({ conversation: { id: 9, conversationType: 'personal' } })],
    ['an object as conversation.tenantId', () => message({ conversation: { id: 'a:1', tenantId: { id: 't' } } })],
    ['a number as the channel data tenant', () => message({ channelData: { tenant: { id: 5 } } })],
    ['a string as channel data', () => message({ channelData: 'teams' })],
    ['entities that are not a list', () => message({ entities: { type: 'mention' } })],
    ['an entity without a type', () => message({ entities: [{ text: '<at>Rebound</at>' }] })],
    ['a mention without whom', () => message({ entities: [{ type: 'mention', text: '<at>x</at>' }] })],
    [
      'a mention of the bot in a message without text',
      () =>
        without(
          message({ entities: [{ type: 'mention', text: '<at>Rebound</at>', mentioned: { id: bot.client.botId } }] }),
          'text',
        ),
    ],
    [
      'membersAdded that is not a list',
      () => bot.client.base(user, { type: 'conversationUpdate', membersAdded: bot.client.botId }),
    ],
    [
      'a member without an id',
      () => bot.client.base(user, { type: 'conversationUpdate', membersAdded: [{ name: 'Rebound' }] }),
    ],
    ['a card action without an action', () => cardAction(undefined)],
    ['a card action with a number as verb', () => cardAction({ type: 'Action.Execute', verb: 3, data: {} })],
    ['a card action with a list as data', () => cardAction({ type: 'Action.Execute', verb: 'log.open', data: [1] })],
    ['a card action with a string as data', () => cardAction({ type: 'Action.Execute', verb: 'log.open', data: 'x' })],
    ['a JSON list', () => [message()]],
    ['JSON null', () => null],
    ['a JSON string', () => 'help'],
  ];

  it.each(cases)('refuses %s with 400 before any turn', async (_name, activity) => {
    bot.connector.clear();
    const logged = bot.logs.length;
    const res = await bot.client.post(activity());
    expect(res.status).toBe(400);
    expect(res.body).toEqual(REFUSED);
    expect(bot.connector.calls).toEqual([]);
    const lines = bot.logs.slice(logged);
    expect(lines.filter((l) => l.msg === 'turn failed')).toEqual([]);
    expect(lines.find((l) => l.msg === 'request refused: not a well-formed activity')?.correlationId).toBe(
      res.body.correlationId,
    );
    expect(await bot.store.getPerson('tenant-test', user.aadObjectId)).toBeNull();
  });

  it('refuses a body that is not JSON with the same short answer, without the parser’s text', async () => {
    const res = await fetch(`${bot.server.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"type": "message", "text": ',
    });
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body).toEqual(REFUSED);
    expect(res.headers.get('x-correlation-id')).toBe(body.correlationId);
  });

  it('answers an unknown path without echoing it', async () => {
    const res = await fetch(`${bot.server.url}/api/<script>secret-path`);
    expect(res.status).toBe(404);
    const text = await res.text();
    expect(JSON.parse(text)).toEqual({ error: 'not-found', correlationId: expect.any(String) });
    expect(text).not.toContain('secret-path');
  });
});

describe('legitimate Teams activities still pass', () => {
  let bot: RunningBot;
  beforeAll(async () => {
    bot = await startTestBot();
  });
  afterAll(() => bot.stop());

  it('a message as Teams sends it, with the fields the bot does not read', async () => {
    const rep = testUser('Aoi');
    const res = await bot.client.post(
      bot.client.base(rep, {
        type: 'message',
        text: 'help',
        textFormat: 'plain',
        attachments: [],
        localTimestamp: '2026-05-01T09:00:00.000+09:00',
        localTimezone: 'Asia/Tokyo',
        entities: [{ type: 'clientInfo', locale: 'en-US', country: 'JP', platform: 'Web', timezone: 'Asia/Tokyo' }],
        channelData: { tenant: { id: 'tenant-test' }, source: { name: 'message' } },
        replyToId: null,
      }),
    );
    expect(res.status).toBe(200);
    const sent = bot.connector.messagesTo(bot.client.personalConversationId(rep)).map((c) => textOf(cardOf(c)));
    expect(sent.at(-1)).toContain('What Rebound can do');
  });

  it('a channel message that mentions the bot', async () => {
    const rep = testUser('Ren');
    const activity = bot.client.base(rep, {
      type: 'message',
      text: '<at>Rebound</at> help',
      entities: [{ type: 'mention', text: '<at>Rebound</at>', mentioned: { id: bot.client.botId, name: 'Rebound' } }],
    });
    activity.conversation = { id: bot.client.channelConversationId('team-m'), conversationType: 'channel' };
    activity.channelData = { tenant: { id: 'tenant-test' }, team: { id: 'team-m' }, eventType: null };
    expect((await bot.client.post(activity)).status).toBe(200);
    const sent = bot.connector.messagesTo(bot.client.channelConversationId('team-m')).map((c) => textOf(cardOf(c)));
    expect(sent.at(-1)).toContain('What Rebound can do');
    expect(sent.at(-1)).not.toContain('I did not catch that.');
  });

  it('install, welcome, a card action and a card submission', async () => {
    const rep = testUser('Sho');
    expect((await bot.client.installationUpdate(rep, 'add')).status).toBe(200);
    expect((await bot.client.conversationUpdate(rep, 'membersAdded')).status).toBe(200);
    const welcome = cardOf(bot.connector.messagesTo(bot.client.personalConversationId(rep)).at(-1));
    expect(textOf(welcome)).toContain('Welcome to Rebound');
    const res = await bot.client.action(rep, 'log.open', { action: 'log.open' });
    expect(res.status).toBe(200);
    expect(textOf(invokeCard(res.body))).toContain('Log a rejection');
    // An Action.Execute without data, as a card may send it.
    const bare = bot.client.base(rep, {
      type: 'invoke',
      name: 'adaptiveCard/action',
      replyToId: 'card-1',
      value: { action: { type: 'Action.Execute', verb: 'log.open' } },
    });
    expect(textOf(invokeCard((await bot.client.post(bare)).body))).toContain('Log a rejection');
    expect((await bot.client.submit(rep, 'log.open', { action: 'log.open' })).status).toBe(200);
  });
});
