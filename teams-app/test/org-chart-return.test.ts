import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testUser } from './support/bot-client';
import { cardOf, submission, textOf } from './support/cards';
import { submitLog, writeOrgChart } from './support/flows';
import { type RunningBot, startTestBot } from './support/start-bot';

const TENANT = 'tenant-test';
const rep = testUser('Aoi Tanaka');
const manager = testUser('Ken Sato');

describe('someone who erased their data and comes back', () => {
  let bot: RunningBot;
  beforeAll(async () => {
    const orgFile = writeOrgChart({
      teams: [{ id: 'tokyo', name: 'Tokyo', managers: [manager.aadObjectId], reps: [rep.aadObjectId] }],
    });
    bot = await startTestBot({ env: { REBOUND_ORG_FILE: orgFile } });
    await bot.client.message(manager, 'help');
  });
  afterAll(() => bot.stop());

  it('is in their org-chart team again, so what they share reaches their manager', async () => {
    await bot.client.message(rep, 'erase');
    const confirm = cardOf(bot.connector.messagesTo(bot.client.personalConversationId(rep)).at(-1));
    await bot.client.action(rep, 'erase.confirm', submission(confirm, 'erase.confirm'));
    expect(await bot.store.listMemberships(TENANT, { personId: rep.aadObjectId })).toEqual([]);

    await bot.client.message(rep, 'log');
    expect(await bot.store.listMemberships(TENANT, { personId: rep.aadObjectId })).toMatchObject([
      { teamId: 'tokyo', role: 'rep', source: 'org-chart' },
    ]);
    bot.connector.clear();
    await submitLog(bot, rep, {
      customerLabel: 'After coming back',
      occurredOn: '2026-11-20',
      stage: 'proposal',
      reason: 'timing',
      visibility: 'manager',
    });
    const toManager = bot.connector.messagesTo(bot.client.personalConversationId(manager));
    expect(textOf(cardOf(toManager.at(-1)))).toContain('After coming back');
  });
});
