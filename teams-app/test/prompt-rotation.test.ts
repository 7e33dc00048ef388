import { defaultPromptCatalog } from '@rebound/core';
import { afterEach, describe, expect, it } from 'vitest';
import { testUser } from './support/bot-client';
import { cardOf, invokeCard, submission, textOf } from './support/cards';
import { submitLog } from './support/flows';
import { type RunningBot, startTestBot } from './support/start-bot';

const DAY = 86_400_000;
// 18:00 on Monday 23 November 2026 in Tokyo (UTC+9 all year).
const START = Date.parse('2026-11-23T09:00:00.000Z');
const cooldownOf = (id: string) => defaultPromptCatalog.prompts.find((p) => p.id === id)?.cooldownDays ?? 0;

describe('check-in questions rotate and keep their cool-downs', () => {
  let bot: RunningBot | null = null;
  afterEach(async () => {
    await bot?.stop();
    bot = null;
  });

  it('does not ask the same rep a question inside its cool-down on the following days, answered or not', async () => {
    let now = new Date(START);
    bot = await startTestBot({ server: { now: () => now } });
    const rep = testUser('Aoi Tanaka');
    const chat = bot.client.personalConversationId(rep);
    await bot.client.post(
      bot.client.base(rep, { type: 'message', text: 'hello', locale: 'en-US', localTimezone: 'Asia/Tokyo' }),
    );

    /** The questions of the check-in card the bot shows for `checkin` now, by prompt id. */
    const checkInPrompts = async (): Promise<string[]> => {
      await bot!.client.message(rep, 'checkin');
      const card = cardOf(bot!.connector.messagesTo(chat).at(-1));
      return (submission(card, 'checkIn.submit').prompts as { id: string }[]).map((p) => p.id);
    };

    const lastAsked = new Map<string, number>();
    for (let day = 0; day < 6; day++) {
      now = new Date(START + day * DAY);
      const ids = await checkInPrompts();
      expect(ids.length, `day ${day}`).toBeGreaterThanOrEqual(2);
      for (const id of ids) {
        const before = lastAsked.get(id);
        if (before !== undefined)
          expect(day - before, `${id} asked again on day ${day}`).toBeGreaterThanOrEqual(cooldownOf(id));
        lastAsked.set(id, day);
      }
      // Asked again the same evening, the card keeps its questions.
      expect(await checkInPrompts()).toEqual(ids);
      if (day === 1) {
        // Answered once: the answers count as asked too.
        const card = cardOf(bot.connector.messagesTo(chat).at(-1));
        const answered = await bot.client.action(
          rep,
          'checkIn.submit',
          submission(card, 'checkIn.submit', { pressure: '3', energy: '3', lastPeriodRating: '3', onTrack: '3' }),
        );
        expect(answered.status).toBe(200);
        expect(textOf(invokeCard(answered.body))).not.toContain('needs another look');
      }
    }

    // The question after a log is not one the check-in just asked either.
    const logged = await submitLog(bot, rep, {
      customerLabel: 'Bakery in Shibuya',
      occurredOn: '2026-11-28',
      stage: 'proposal',
      reason: 'timing',
      askedWhy: 'true',
    });
    const ack = invokeCard(logged.body);
    const promptId = submission(ack, 'log.reflect').promptId as string;
    if (promptId) {
      const before = lastAsked.get(promptId);
      if (before !== undefined) expect(5 - before).toBeGreaterThanOrEqual(cooldownOf(promptId));
    }
  });
});
