import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testUser } from './support/bot-client';
import { cardOf, invokeCard, submission, textOf, verbsOf } from './support/cards';
import { submitLog, writeOrgChart } from './support/flows';
import { type RunningBot, startTestBot } from './support/start-bot';

const TENANT = 'tenant-test';
const rep = testUser('Aoi Tanaka');
const manager = testUser('Ken Sato');
const other = testUser('Mina Kato');

describe('a rep names a manager, the manager answers', () => {
  let bot: RunningBot;
  const chat = (user: typeof rep) => bot.client.personalConversationId(user);
  const lastCard = (user: typeof rep) => cardOf(bot.connector.messagesTo(chat(user)).at(-1));

  beforeAll(async () => {
    // Ken manages another team: he is in the org chart, but not Aoi's manager.
    const orgFile = writeOrgChart({
      teams: [
        { id: 'tokyo', name: 'Tokyo', managers: [], reps: [rep.aadObjectId] },
        { id: 'osaka', name: 'Osaka', managers: [manager.aadObjectId], reps: [other.aadObjectId] },
      ],
    });
    bot = await startTestBot({ env: { REBOUND_ORG_FILE: orgFile } });
    await bot.client.message(manager, 'ヘルプ', { locale: 'ja-JP' });
    await bot.client.message(other, 'help');
    await bot.client.message(rep, 'help');
  });
  afterAll(() => bot.stop());

  const logSharedWithManagers = (customerLabel: string) =>
    submitLog(bot, rep, {
      customerLabel,
      occurredOn: '2026-11-20',
      stage: 'proposal',
      reason: 'timing',
      visibility: 'manager',
    });

  it('offers the people the bot can reach, sends the request, and the accepted manager gets later shares', async () => {
    await bot.client.message(rep, 'settings');
    const settings = lastCard(rep);
    const opened = await bot.client.action(rep, 'managerRequest.open', submission(settings, 'managerRequest.open'));
    const form = invokeCard(opened.body);
    const names = textOf(form);
    expect(names).toContain('Ken Sato');
    expect(names).toContain('Mina Kato');
    expect(names).not.toContain('Aoi Tanaka');

    bot.connector.clear();
    const sent = await bot.client.action(
      rep,
      'managerRequest.send',
      submission(form, 'managerRequest.send', { managerId: manager.aadObjectId }),
    );
    expect(sent.body.value).toContain('Ken Sato');
    const request = cardOf(bot.connector.messagesTo(chat(manager)).at(-1));
    // In the manager's language.
    expect(textOf(request)).toContain('Aoi Tanaka');
    expect(textOf(request)).toContain('上司になってほしい');
    expect(verbsOf(request)).toEqual(['managerRequest.accept', 'managerRequest.decline']);

    // Someone else cannot answer it, and neither can the rep who asked: the error card, nothing changes.
    const byOther = await bot.client.action(
      other,
      'managerRequest.accept',
      submission(request, 'managerRequest.accept'),
    );
    expect(textOf(invokeCard(byOther.body))).toContain("That didn't go through");
    const byRep = await bot.client.action(rep, 'managerRequest.accept', submission(request, 'managerRequest.accept'));
    expect(textOf(invokeCard(byRep.body))).toContain("That didn't go through");
    const [pending] = await bot.store.listAssignments(TENANT, { repId: rep.aadObjectId });
    expect(pending?.status).toBe('pending');

    await logSharedWithManagers('Before accepting');
    expect(
      bot.connector
        .messagesTo(chat(manager))
        .map((c) => textOf(cardOf(c)))
        .join(),
    ).not.toContain('Before accepting');

    bot.connector.clear();
    const accepted = await bot.client.action(
      manager,
      'managerRequest.accept',
      submission(request, 'managerRequest.accept'),
      { locale: 'ja-JP' },
    );
    expect(textOf(invokeCard(accepted.body))).toContain('上司になりました');
    expect(textOf(lastCard(rep))).toContain('accepted your request');
    expect((await bot.store.listAssignments(TENANT, { repId: rep.aadObjectId }))[0]?.status).toBe('accepted');

    bot.connector.clear();
    await logSharedWithManagers('After accepting');
    const notification = cardOf(bot.connector.messagesTo(chat(manager)).at(-1));
    expect(textOf(notification)).toContain('After accepting');
    expect(verbsOf(notification)).toContain('reply.send');

    // Already asked (and accepted): no longer offered.
    const again = await bot.client.action(rep, 'managerRequest.open', { action: 'managerRequest.open' });
    expect(textOf(invokeCard(again.body))).not.toContain('Ken Sato');
  });

  it('a declined request changes nothing, and the rep hears it in their language', async () => {
    const form = invokeCard(
      (await bot.client.action(rep, 'managerRequest.open', { action: 'managerRequest.open' })).body,
    );
    bot.connector.clear();
    await bot.client.action(
      rep,
      'managerRequest.send',
      submission(form, 'managerRequest.send', { managerId: other.aadObjectId }),
      { locale: 'ja-JP' },
    );
    const request = cardOf(bot.connector.messagesTo(chat(other)).at(-1));
    expect(textOf(request)).toContain('asked you to be their manager');
    const declined = await bot.client.action(
      other,
      'managerRequest.decline',
      submission(request, 'managerRequest.decline'),
    );
    expect(textOf(invokeCard(declined.body))).toContain('You declined the request from');
    // The rep last wrote in Japanese.
    expect(textOf(lastCard(rep))).toContain('お断りしました');

    bot.connector.clear();
    await logSharedWithManagers('After declining');
    expect(bot.connector.messagesTo(chat(other))).toEqual([]);
    expect(textOf(cardOf(bot.connector.messagesTo(chat(manager)).at(-1)))).toContain('After declining');
  });
});
