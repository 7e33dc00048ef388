import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testUser } from './support/bot-client';
import { cardOf, submission, textOf } from './support/cards';
import { type RunningBot, startTestBot } from './support/start-bot';

// Issue 12: a command typed in Japanese is answered in Japanese when the person has not chosen a language,
// whatever their Teams client's locale; once they choose one, their choice wins.
describe('the language of the words a person types', () => {
  let bot: RunningBot;
  const lastCard = (user: ReturnType<typeof testUser>) =>
    cardOf(bot.connector.messagesTo(bot.client.personalConversationId(user)).at(-1));

  beforeAll(async () => {
    bot = await startTestBot();
  });
  afterAll(() => bot.stop());

  it('answers 「ヘルプ」 in Japanese from an English Teams client, and "help" in English', async () => {
    const rep = testUser('Aoi Tanaka');
    await bot.client.message(rep, 'ヘルプ', { locale: 'en-US' });
    expect(textOf(lastCard(rep))).toContain('Rebound でできること');
    await bot.client.message(rep, 'help', { locale: 'en-US' });
    expect(textOf(lastCard(rep))).toContain('What Rebound can do');
  });

  it('opens the log form in Japanese for 「記録」, with a leading slash and full-width spaces forgiven', async () => {
    const rep = testUser('Haruto Ito');
    await bot.client.message(rep, '　/記録　', { locale: 'en-GB' });
    const form = lastCard(rep);
    expect(form.body).toBeDefined();
    expect(textOf(form)).toMatch(/[ぁ-んァ-ン]/);
    expect(textOf(form)).toContain('断られ記録');
    expect(textOf(form)).not.toContain('Log a rejection');
  });

  it('keeps the language the person chose in their settings, whatever they type', async () => {
    const rep = testUser('Mei Suzuki');
    await bot.client.message(rep, 'settings', { locale: 'en-US' });
    const settings = lastCard(rep);
    const saved = await bot.client.action(
      rep,
      'settings.save',
      submission(settings, 'settings.save', { language: 'en' }),
    );
    expect(saved.status).toBe(200);
    await bot.client.message(rep, 'ヘルプ', { locale: 'ja-JP' });
    expect(textOf(lastCard(rep))).toContain('What Rebound can do');
  });
});
