import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testUser } from './support/bot-client';
import { cardOf, invokeCard, submission, textOf } from './support/cards';
import { submitLog, writeOrgChart } from './support/flows';
import { type RunningBot, startTestBot } from './support/start-bot';

const rep = testUser('Aoi Tanaka');
const manager = testUser('Ken Sato');

describe('how the rep wants to be answered, item by item', () => {
  let bot: RunningBot;
  const repChat = () => bot.client.personalConversationId(rep);
  const managerChat = () => bot.client.personalConversationId(manager);

  beforeAll(async () => {
    const orgFile = writeOrgChart({
      teams: [{ id: 'tokyo-sales', name: 'Tokyo Sales', managers: [manager.aadObjectId], reps: [rep.aadObjectId] }],
    });
    bot = await startTestBot({ env: { REBOUND_ORG_FILE: orgFile, REBOUND_ORG_TENANT: 'tenant-test' } });
    await bot.client.message(manager, 'help');
    // The rep's standing setting: advice, please.
    await bot.client.message(rep, 'settings');
    const settings = cardOf(bot.connector.messagesTo(repChat()).at(-1));
    const saved = await bot.client.action(
      rep,
      'settings.save',
      submission(settings, 'settings.save', { answerPreference: 'advice' }),
    );
    expect(saved.status).toBe(200);
  });
  afterAll(() => bot.stop());

  it('answers a check-in marked "just listen" with listening, though the settings say advice', async () => {
    await bot.client.message(rep, 'checkin');
    const form = cardOf(bot.connector.messagesTo(repChat()).at(-1));
    // The card starts from the standing setting; the rep changes it for this check-in.
    expect(submission(form, 'checkIn.submit').answerPreference).toBe('advice');
    bot.connector.clear();
    const answered = await bot.client.action(
      rep,
      'checkIn.submit',
      submission(form, 'checkIn.submit', {
        pressure: '4',
        energy: '2',
        lastPeriodRating: '3',
        onTrack: '2',
        answerPreference: 'just-listen',
        visibility: 'manager',
      }),
    );
    expect(textOf(invokeCard(answered.body))).not.toContain('needs another look');

    const toManager = bot.connector.messagesTo(managerChat());
    expect(toManager).toHaveLength(1);
    const card = textOf(cardOf(toManager[0]));
    expect(card).toContain('Just listen');
    expect(card).toContain('gives no advice');
    expect(card).not.toContain('with advice');
  });

  it('lets a log carry its own preference, offered from the settings, shown to the manager and answered so', async () => {
    await bot.client.message(rep, 'log');
    const form = cardOf(bot.connector.messagesTo(repChat()).at(-1));
    expect(submission(form, 'log.submit').answerPreference).toBe('advice');
    bot.connector.clear();

    const logged = await submitLog(bot, rep, {
      customerLabel: 'Bakery in Shibuya',
      occurredOn: '2026-11-20',
      stage: 'proposal',
      reason: 'timing',
      askedWhy: 'true',
      answerPreference: 'think-together',
      visibility: 'manager',
    });
    expect(logged.status).toBe(200);
    const [log] = await bot.store.listLogs('tenant-test', { authorId: rep.aadObjectId });
    expect(log?.answerPreference).toBe('think-together');

    const card = textOf(cardOf(bot.connector.messagesTo(managerChat()).at(-1)));
    expect(card).toContain('Bakery in Shibuya');
    expect(card).toContain("Let's think it through together");
    expect(card).toContain('thinking it through together');
    expect(card).not.toContain('with advice');
  });
});
