import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TurnContext } from 'botbuilder';
import { ConnectorClient, MicrosoftAppCredentials } from 'botframework-connector';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rosterName } from '../src/bot/display-name';
import { BotClient, type TestUser, testUser } from './support/bot-client';
import { cardOf, invokeCard, submission, textOf } from './support/cards';
import { type RunningBot, startTestBot } from './support/start-bot';

const TENANT = 'tenant-test';

describe('the welcome card greets people by name, through real HTTP', () => {
  let bot: RunningBot;
  beforeAll(async () => {
    bot = await startTestBot();
  });
  afterAll(() => bot.stop());

  function welcomeTo(user: TestUser) {
    const cards = bot.connector.messagesTo(bot.client.personalConversationId(user)).map(cardOf);
    return cards.find((card) => textOf(card).includes('Welcome to Rebound'));
  }

  /** The install event as Teams sends it: `from` carries the ids and no name (or only the id as name). */
  function installWithout(user: TestUser, name?: string) {
    const activity = bot.client.base(user, { type: 'conversationUpdate', membersAdded: [{ id: bot.client.botId }] });
    activity.from = { id: user.id, aadObjectId: user.aadObjectId, ...(name === undefined ? {} : { name }) };
    return bot.client.post(activity);
  }

  const rosterCalls = (user: TestUser) =>
    bot.connector.calls.filter(
      (c) => c.kind === 'members' && c.path.endsWith(`/members/${encodeURIComponent(user.id)}`),
    );

  it('uses the name Teams gives in the activity', async () => {
    const aki = testUser('Aki Mori');
    await bot.client.conversationUpdate(aki, 'membersAdded');
    const text = textOf(welcomeTo(aki));
    expect(text).toContain('Hello, ');
    expect(text).toContain('Aki Mori');
    expect(text).not.toContain(aki.aadObjectId);
    expect(rosterCalls(aki)).toHaveLength(0);
  });

  it('asks the roster when the activity has no name, once, and keeps that name', async () => {
    const ren = testUser('Ren Kato');
    bot.connector.members.push({ id: ren.id, name: 'Ren Kato', aadObjectId: ren.aadObjectId });
    await installWithout(ren);
    expect(textOf(welcomeTo(ren))).toContain('Ren Kato');
    expect(rosterCalls(ren)).toHaveLength(1);
    // Later nameless activities keep the stored name without asking again.
    const later = bot.client.base(ren, { type: 'message', text: 'help' });
    later.from = { id: ren.id, aadObjectId: ren.aadObjectId };
    await bot.client.post(later);
    expect((await bot.store.getPerson(TENANT, ren.aadObjectId))?.displayName).toBe('Ren Kato');
    expect(rosterCalls(ren)).toHaveLength(1);
  });

  it('greets without a name, never with the id, when neither the activity nor the roster has one', async () => {
    for (const name of [undefined, '', '   ']) {
      const nameless = testUser('unused');
      await installWithout(nameless, name);
      const text = textOf(welcomeTo(nameless));
      expect(text).toContain('Welcome to Rebound');
      expect(text).not.toContain('Hello, ');
      expect(text).not.toContain(nameless.aadObjectId);
    }
    // A name that is only one of the sender's ids is no name.
    for (const asName of ['aad', 'id'] as const) {
      const user = testUser('unused');
      await installWithout(user, asName === 'aad' ? user.aadObjectId.toUpperCase() : user.id);
      const text = textOf(welcomeTo(user));
      expect(text).not.toContain('Hello, ');
      expect(text.toLowerCase()).not.toContain(user.aadObjectId);
    }
  });

  it('replaces the id it had to store once a later activity brings the name', async () => {
    const yu = testUser('Yu Ono');
    await installWithout(yu);
    expect((await bot.store.getPerson(TENANT, yu.aadObjectId))?.displayName).not.toBe('Yu Ono');
    await bot.client.message(yu, 'help');
    expect((await bot.store.getPerson(TENANT, yu.aadObjectId))?.displayName).toBe('Yu Ono');
  });
});

describe('a roster that does not answer', () => {
  let bot: RunningBot;
  let silent: Server;
  let client: BotClient;
  beforeAll(async () => {
    bot = await startTestBot();
    // In front of the fake connector: roster look-ups never get an answer; everything else is passed on.
    silent = createServer(async (req, res) => {
      if (/\/members\//.test(req.url ?? '')) return; // held until the bot gives up
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const upstream = await fetch(`${bot.connector.url}${req.url}`, {
        method: req.method,
        headers: { 'content-type': 'application/json', authorization: req.headers.authorization ?? '' },
        ...(chunks.length ? { body: Buffer.concat(chunks) } : {}),
      });
      res.writeHead(upstream.status, { 'content-type': 'application/json' });
      res.end(await upstream.text());
    });
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    client = new BotClient(bot.server.url, `http://127.0.0.1:${(silent.address() as AddressInfo).port}`, TENANT);
  });
  afterAll(async () => {
    silent.closeAllConnections();
    await new Promise((resolve) => silent.close(resolve));
    await bot.stop();
  });

  it('still gets the welcome out, without a name, once the look-up runs out of time', async () => {
    const user = testUser('unused');
    const activity = client.base(user, { type: 'conversationUpdate', membersAdded: [{ id: client.botId }] });
    activity.from = { id: user.id, aadObjectId: user.aadObjectId };
    const res = await client.post(activity);
    expect(res.status).toBe(200);
    const welcome = bot.connector.messagesTo(client.personalConversationId(user)).map(cardOf)[0];
    expect(textOf(welcome)).toContain('Welcome to Rebound');
    expect(textOf(welcome)).not.toContain('Hello, ');
  });
});

describe('rosterName', () => {
  it('gives up at its deadline when the connector holds the request, whatever the layers around it do', async () => {
    const held = createServer(() => {});
    await new Promise<void>((resolve) => held.listen(0, '127.0.0.1', resolve));
    try {
      const baseUri = `http://127.0.0.1:${(held.address() as AddressInfo).port}`;
      const client = new ConnectorClient(new MicrosoftAppCredentials('', ''), { baseUri });
      const key = Symbol('ConnectorClient');
      const context = {
        activity: { conversation: { id: 'a:chat' }, from: { id: '29:someone', aadObjectId: 'someone' } },
        adapter: { ConnectorClientKey: key },
        turnState: new Map([[key, client]]),
      } as unknown as TurnContext;
      expect(await rosterName(context, 200)).toBeNull();
    } finally {
      held.closeAllConnections();
      await new Promise((resolve) => held.close(resolve));
    }
  });
});

describe('saving settings says so', () => {
  let bot: RunningBot;
  beforeAll(async () => {
    bot = await startTestBot();
  });
  afterAll(() => bot.stop());

  for (const [locale, confirmation] of [
    ['en-US', 'Your settings are saved.'],
    ['ja-JP', '設定を保存しました。'],
  ] as const) {
    it(`confirms a save in a line of its own (${locale}), and only a save that worked`, async () => {
      const rep = testUser('Saver');
      const chat = bot.client.personalConversationId(rep);
      await bot.client.message(rep, locale === 'ja-JP' ? '設定' : 'settings', { locale });
      const form = cardOf(bot.connector.messagesTo(chat).at(-1));
      const refused = await bot.client.action(
        rep,
        'settings.save',
        submission(form, 'settings.save', { checkInTime: '25:99' }),
        {
          locale,
        },
      );
      expect(refused.status).toBe(200);
      expect(bot.connector.textsTo(chat)).not.toContain(confirmation);

      const saved = await bot.client.action(
        rep,
        'settings.save',
        submission(form, 'settings.save', { checkInTime: '18:00' }),
        {
          locale,
        },
      );
      expect(invokeCard(saved.body)).toBeTruthy();
      expect(bot.connector.textsTo(chat)).toEqual([confirmation]);
    });
  }
});
