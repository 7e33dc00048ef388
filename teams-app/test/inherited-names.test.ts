import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testUser } from './support/bot-client';
import { cardOf, invokeCard, textOf } from './support/cards';
import { type RunningBot, startTestBot } from './support/start-bot';

// Every name a plain object answers without having it: `constructor`, `__proto__`, `toString`, `valueOf`,
// `hasOwnProperty`, `isPrototypeOf`, `__defineGetter__`, ... A verb or a command word is a string from a request.
const INHERITED = Object.getOwnPropertyNames(Object.prototype);
const UNKNOWN = 'I did not catch that.';

describe('a verb or a command that names an inherited property', () => {
  let bot: RunningBot;
  beforeAll(async () => {
    bot = await startTestBot();
  });
  afterAll(() => bot.stop());

  it('covers the dangerous names', () => {
    expect(INHERITED).toEqual(
      expect.arrayContaining(['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', 'isPrototypeOf']),
    );
  });

  it.each(INHERITED)('%s as a button verb gets the help card, not the turn state', async (verb) => {
    const res = await bot.client.action(testUser('Kaito'), verb, {});
    expect(res.status).toBe(200);
    const card = invokeCard(res.body);
    expect(card?.type).toBe('AdaptiveCard');
    expect(textOf(card)).toContain(UNKNOWN);
    expect(res.text).not.toMatch(/"deps"|"config"|"actor"|exportSecret|databaseUrl/);
  });

  it.each(INHERITED)('%s as the verb of an Action.Submit gets the help card', async (verb) => {
    const user = testUser('Rin');
    const res = await bot.client.submit(user, verb, { action: verb });
    expect(res.status).toBe(200);
    const [answer] = bot.connector.calls.filter(
      (c) => c.conversationId === bot.client.personalConversationId(user) && c.kind === 'update',
    );
    expect(textOf(cardOf(answer))).toContain(UNKNOWN);
  });

  it.each(INHERITED)('%s as a message gets the help card, not the apology', async (word) => {
    const user = testUser('Sora');
    for (const text of [word, `/${word}`, ` ${word.toUpperCase()} please`]) {
      const res = await bot.client.message(user, text);
      expect(res.status).toBe(200);
    }
    const answers = bot.connector.messagesTo(bot.client.personalConversationId(user)).slice(1); // after the welcome
    expect(answers).toHaveLength(3);
    for (const answer of answers) expect(textOf(cardOf(answer))).toContain(UNKNOWN);
    expect(bot.logs.filter((l) => l.msg === 'turn failed')).toEqual([]);
  });
});
