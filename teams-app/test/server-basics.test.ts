import { readFileSync } from 'node:fs';
import { createMemoryStore } from '@rebound/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_MANAGER, DEMO_OTHER_REPS, DEMO_REP } from '../src/dev/demo-people';
import { testUser } from './support/bot-client';
import { cardOf, invokeCard, submission, textOf, verbsOf } from './support/cards';
import { type RunningBot, startTestBot } from './support/start-bot';

describe('bot server, anonymous on loopback', () => {
  let bot: RunningBot;
  beforeAll(async () => {
    bot = await startTestBot();
  });
  afterAll(() => bot.stop());

  it('answers /healthz with the store reachable and the version', async () => {
    const res = await fetch(`${bot.server.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', store: 'reachable', version: '0.0.0-test' });
  });

  it('answers help in English and in Japanese through the connector', async () => {
    const rep = testUser('Aki');
    const en = await bot.client.message(rep, 'help');
    expect(en.status).toBe(200);
    const ja = await bot.client.message(rep, 'ヘルプ', { locale: 'ja-JP' });
    expect(ja.status).toBe(200);
    // The first message also brings the welcome card; then one help card per ask.
    const [welcome, enHelp, jaHelp] = bot.connector.messagesTo(bot.client.personalConversationId(rep)).map(cardOf);
    expect(textOf(welcome)).toContain('Welcome to Rebound');
    expect(textOf(enHelp)).toContain('What Rebound can do');
    expect(textOf(enHelp)).toContain('checkin');
    expect(textOf(enHelp)).not.toContain('I did not catch that.');
    expect(textOf(jaHelp)).toContain('Rebound でできること');
    expect(textOf(jaHelp)).toContain('振り返り');
    for (const card of [enHelp, jaHelp]) {
      expect(verbsOf(card)).toEqual(['log.open', 'checkIn.open', 'mine.refresh', 'inbox.refresh', 'settings.open']);
    }
  });

  it('every help card button answers with a card of its own', async () => {
    const rep = testUser('Dai');
    await bot.client.message(rep, 'help');
    const help = cardOf(bot.connector.messagesTo(bot.client.personalConversationId(rep)).at(-1));
    for (const verb of verbsOf(help)) {
      const res = await bot.client.action(rep, verb, submission(help, verb));
      expect(res.status).toBe(200);
      expect(invokeCard(res.body), verb).not.toBeNull();
      expect(textOf(invokeCard(res.body)), verb).not.toContain('What Rebound can do');
    }
  });

  it('never stays silent: an unknown message or an unknown button gets the help card', async () => {
    const rep = testUser('Ben');
    await bot.client.message(rep, 'what is this?');
    const help = cardOf(bot.connector.messagesTo(bot.client.personalConversationId(rep)).at(-1));
    expect(textOf(help)).toContain('I did not catch that.');
    expect(textOf(help)).toContain('checkin');
    const res = await bot.client.action(rep, 'story.react', { action: 'story.react', storyId: 'x' });
    expect(textOf(invokeCard(res.body))).toContain('I did not catch that.');
  });

  it('welcomes someone who writes before the install event, once', async () => {
    const rep = testUser('Eri');
    await bot.client.message(rep, 'help', { locale: 'ja-JP' });
    await bot.client.message(rep, 'help', { locale: 'ja-JP' });
    const sent = bot.connector.messagesTo(bot.client.personalConversationId(rep)).map((c) => textOf(cardOf(c)));
    expect(sent).toHaveLength(3);
    expect(sent.filter((t) => t.includes('Rebound へようこそ'))).toHaveLength(1);
    expect(sent[0]).toContain('Rebound へようこそ');
  });

  it('stores where the person can be reached, with the serviceUrl the message came from', async () => {
    const rep = testUser('Chika');
    await bot.client.message(rep, 'help');
    const refs = await bot.store.findConversationRefs('tenant-test', { personId: rep.aadObjectId });
    expect(refs).toHaveLength(1);
    expect(refs[0]).toMatchObject({
      kind: 'personal',
      conversationId: bot.client.personalConversationId(rep),
      serviceUrl: bot.connector.url,
      active: true,
    });
  });

  it('stops reaching a person after uninstall', async () => {
    const rep = testUser('Daichi');
    await bot.client.installationUpdate(rep, 'add');
    await bot.client.message(rep, 'help');
    await bot.client.installationUpdate(rep, 'remove');
    const refs = await bot.store.findConversationRefs('tenant-test', { personId: rep.aadObjectId });
    expect(refs.map((r) => r.active)).toEqual([false]);
  });

  it('refuses a body that is not an activity without running a turn', async () => {
    const res = await fetch(`${bot.server.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ hello: 'world' }),
    });
    expect(res.status).toBe(400);
  });
});

describe('health check', () => {
  it('answers 503 when the store cannot be reached', async () => {
    const store = createMemoryStore();
    const broken = new Proxy(store, {
      get(target, prop, receiver) {
        if (prop === 'getPerson') return async () => Promise.reject(new Error('connection refused'));
        return Reflect.get(target, prop, receiver);
      },
    });
    const bot = await startTestBot({ store: broken });
    try {
      const res = await fetch(`${bot.server.url}/healthz`);
      expect(res.status).toBe(503);
      expect(await res.json()).toEqual({ status: 'unavailable', store: 'unreachable', version: '0.0.0-test' });
    } finally {
      await bot.stop();
    }
  });
});

describe('the local demo', () => {
  it('links the demo manager to the demo reps in the org file the launcher uses', async () => {
    const org = JSON.parse(readFileSync(new URL('../dev/demo-org.json', import.meta.url), 'utf8'));
    const [team] = org.teams;
    expect(team.managers).toEqual([DEMO_MANAGER.aadObjectId]);
    expect(team.reps).toEqual([DEMO_REP, ...DEMO_OTHER_REPS].map((p) => p.aadObjectId));
  });
});
