import { cardFixtures } from '@rebound/cards/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testUser } from './support/bot-client';
import { invokeCard, submission, textOf, verbsOf } from './support/cards';
import { type RunningBot, startTestBot } from './support/start-bot';

// Every button any card can show, with the data that card gives it.
const buttons = new Map<string, Record<string, unknown>>();
for (const { card } of cardFixtures('typical', 'en')) {
  for (const verb of verbsOf(card)) if (!buttons.has(verb)) buttons.set(verb, submission(card, verb));
}

describe('every card button has a handler', () => {
  let bot: RunningBot;
  beforeAll(async () => {
    bot = await startTestBot();
  });
  afterAll(() => bot.stop());

  it('knows many buttons', () => {
    expect(buttons.size).toBeGreaterThan(25);
  });

  it.each([...buttons.entries()])(
    '%s answers with something of its own, never the unknown-button help',
    async (verb, data) => {
      const user = testUser(`Presser ${verb}`);
      await bot.client.message(user, 'help');
      const res = await bot.client.action(user, verb, data);
      expect(res.status).toBe(200);
      const answer = invokeCard(res.body) ? textOf(invokeCard(res.body)) : String(res.body?.value);
      expect(answer).not.toContain('I did not catch that.');
      expect(answer).not.toContain('something went wrong on my side');
    },
  );
});
