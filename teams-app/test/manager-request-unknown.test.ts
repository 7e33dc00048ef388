import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testUser } from './support/bot-client';
import { cardOf, invokeCard, submission, textOf } from './support/cards';
import { writeOrgChart } from './support/flows';
import { type RunningBot, startTestBot } from './support/start-bot';

const TENANT = 'tenant-test';
const rep = testUser('Aoi Tanaka');
const colleague = testUser('Ken Sato');

describe('a manager request naming someone who is no person of the tenant', () => {
  let bot: RunningBot;
  beforeAll(async () => {
    const orgFile = writeOrgChart({
      teams: [{ id: 'tokyo', name: 'Tokyo', managers: [], reps: [rep.aadObjectId, colleague.aadObjectId] }],
    });
    bot = await startTestBot({ env: { REBOUND_ORG_FILE: orgFile } });
    await bot.client.message(colleague, 'help');
    await bot.client.message(rep, 'settings');
  });
  afterAll(() => bot.stop());

  async function form() {
    const settings = cardOf(bot.connector.messagesTo(bot.client.personalConversationId(rep)).at(-1));
    const opened = await bot.client.action(rep, 'managerRequest.open', submission(settings, 'managerRequest.open'));
    return invokeCard(opened.body);
  }

  it('is refused with the field named, in the rep’s language, and nothing is stored or sent', async () => {
    const crafted = await form();
    bot.connector.clear();
    for (const [locale, expected] of [
      ['en-US', 'Manager is not someone in your organisation who uses Rebound.'],
      ['ja-JP', '上司に指定された方は、この組織で Rebound を使っているメンバーではありません。'],
    ] as const) {
      const sent = await bot.client.action(
        rep,
        'managerRequest.send',
        submission(crafted, 'managerRequest.send', { managerId: 'someone-from-elsewhere' }),
        { locale },
      );
      expect(textOf(invokeCard(sent.body))).toContain(expected);
    }
    expect(await bot.store.listAssignments(TENANT, { repId: rep.aadObjectId })).toEqual([]);
    expect(bot.connector.calls).toEqual([]);
  });
});
