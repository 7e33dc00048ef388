import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestUser, testUser } from './support/bot-client';
import { cardOf, inputIdsOf, invokeCard, submission, textOf, verbsOf } from './support/cards';
import { type RunningBot, startTestBot } from './support/start-bot';

const TENANT = 'tenant-test';
const filledLog = {
  customerLabel: 'Bakery in Shibuya',
  occurredOn: '2026-11-20',
  stage: 'proposal',
  reason: 'timing',
  askedWhy: 'true',
  customerWords: 'Not this quarter, maybe in spring.',
  visibility: 'private',
};

describe('rep flows through real HTTP', () => {
  let bot: RunningBot;
  beforeAll(async () => {
    bot = await startTestBot({
      env: {
        REBOUND_SUPPORT_CONTACTS: JSON.stringify([
          { kind: 'eap', name: 'Employee assistance', contact: '0120-000-000' },
          { kind: 'hr', name: 'HR desk', contact: 'https://hr.example.com/talk' },
        ]),
      },
    });
  });
  afterAll(() => bot.stop());

  async function lastCardTo(user: TestUser) {
    const sent = bot.connector.messagesTo(bot.client.personalConversationId(user));
    return cardOf(sent.at(-1));
  }

  it('welcomes a person in their language when the bot is added', async () => {
    const en = testUser('Aki');
    await bot.client.conversationUpdate(en, 'membersAdded');
    const enCard = await lastCardTo(en);
    expect(enCard.version).toBe('1.5');
    expect(textOf(enCard)).toContain('Welcome to Rebound');

    const ja = testUser('秋');
    await bot.client.conversationUpdate(ja, 'membersAdded', { locale: 'ja-JP' });
    expect(textOf(await lastCardTo(ja))).toContain('Rebound へようこそ');
  });

  for (const [lang, command, locale] of [
    ['English', 'log', 'en-US'],
    ['Japanese', '記録', 'ja-JP'],
  ] as const) {
    it(`logs a rejection in ${lang}: form, stored, acknowledged in place with a question`, async () => {
      const rep = testUser('Rep');
      await bot.client.message(rep, command, { locale });
      const form = await lastCardTo(rep);
      expect(verbsOf(form)).toContain('log.submit');
      expect(inputIdsOf(form)).toEqual(expect.arrayContaining(['customerLabel', 'stage', 'reason', 'visibility']));

      const res = await bot.client.action(rep, 'log.submit', submission(form, 'log.submit', filledLog), { locale });
      expect(res.status).toBe(200);
      const ack = invokeCard(res.body);
      expect(verbsOf(ack)).toContain('log.reflect');
      if (locale === 'ja-JP') expect(textOf(ack)).toMatch(/[ぁ-ん]/);

      const logs = await bot.store.listLogs(TENANT, { authorId: rep.aadObjectId });
      expect(logs).toHaveLength(1);
      expect(logs[0]).toMatchObject({ customerLabel: 'Bakery in Shibuya', stage: 'proposal', askedWhy: true });
    });
  }

  it('answers a bad submission with the field errors and stores nothing', async () => {
    const rep = testUser('Bad');
    await bot.client.message(rep, 'log');
    const form = await lastCardTo(rep);
    const res = await bot.client.action(
      rep,
      'log.submit',
      submission(form, 'log.submit', { ...filledLog, customerLabel: '', stage: 'moon' }),
    );
    const card = invokeCard(res.body);
    expect(card).not.toBeNull();
    expect(verbsOf(card)).not.toContain('log.reflect');
    expect(textOf(card)).toMatch(/customer|stage/i);
    expect(await bot.store.listLogs(TENANT, { authorId: rep.aadObjectId })).toEqual([]);
  });

  it("refuses a crafted payload that names another person's item", async () => {
    const owner = testUser('Owner');
    const intruder = testUser('Intruder');
    await bot.client.message(owner, 'log');
    await bot.client.action(owner, 'log.submit', submission(await lastCardTo(owner), 'log.submit', filledLog));
    const [log] = await bot.store.listLogs(TENANT, { authorId: owner.aadObjectId });
    await bot.client.message(intruder, 'help');
    const res = await bot.client.action(intruder, 'item.visibility', {
      action: 'item.visibility',
      itemKind: 'log',
      itemId: log?.id,
      slot: '0',
      visibility_0: 'team',
      authorId: owner.aadObjectId,
    });
    expect(verbsOf(invokeCard(res.body))).toEqual([]);
    expect((await bot.store.getLog(TENANT, log?.id ?? ''))?.visibility).toBe('private');
    expect(await bot.store.listShares(TENANT, { itemId: log?.id })).toEqual([]);
  });

  it('takes a check-in and shows the support contacts at once when the rep asks to talk', async () => {
    const rep = testUser('Check');
    await bot.client.message(rep, 'checkin');
    const form = await lastCardTo(rep);
    const res = await bot.client.action(
      rep,
      'checkIn.submit',
      submission(form, 'checkIn.submit', {
        pressure: '4',
        energy: '2',
        supportRequested: 'true',
        visibility: 'private',
      }),
    );
    const ack = invokeCard(res.body);
    expect(textOf(ack)).toContain('Employee assistance');
    expect(textOf(ack)).toContain('0120-000-000');
    const stored = await bot.store.listCheckIns(TENANT, { authorId: rep.aadObjectId });
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ pressure: 4, energy: 2, supportRequested: true });
  });

  it('takes a check-in in Japanese', async () => {
    const rep = testUser('振り返り');
    await bot.client.message(rep, '振り返り', { locale: 'ja-JP' });
    const form = await lastCardTo(rep);
    expect(textOf(form)).toMatch(/[ぁ-ん]/);
    const res = await bot.client.action(
      rep,
      'checkIn.submit',
      submission(form, 'checkIn.submit', { pressure: '2', energy: '4', visibility: 'private' }),
      { locale: 'ja-JP' },
    );
    expect(textOf(invokeCard(res.body))).toMatch(/[ぁ-ん]/);
    expect(await bot.store.listCheckIns(TENANT, { authorId: rep.aadObjectId })).toHaveLength(1);
  });

  it('lists my items, records an outcome and changes who can see a log', async () => {
    const rep = testUser('Mine');
    await bot.client.message(rep, 'log');
    await bot.client.action(rep, 'log.submit', submission(await lastCardTo(rep), 'log.submit', filledLog));
    await bot.client.message(rep, 'mine');
    const mine = await lastCardTo(rep);
    expect(textOf(mine)).toContain('Bakery in Shibuya');
    const [log] = await bot.store.listLogs(TENANT, { authorId: rep.aadObjectId });

    const outcome = await bot.client.action(
      rep,
      'item.outcome',
      submission(mine, 'item.outcome', { outcomeKind_0: 'reopened', outcomeDate_0: '2026-11-20' }),
    );
    expect(invokeCard(outcome.body)).not.toBeNull();
    expect(await bot.store.listOutcomes(TENANT, { logId: log?.id })).toMatchObject([{ kind: 'reopened' }]);

    const share = await bot.client.action(
      rep,
      'item.visibility',
      submission(mine, 'item.visibility', { visibility_0: 'manager' }),
    );
    expect(invokeCard(share.body)).not.toBeNull();
    expect((await bot.store.getLog(TENANT, log?.id ?? ''))?.visibility).toBe('manager');
  });

  it('shows my trends, my signals and what my manager sees, in Japanese', async () => {
    const rep = testUser('Trends');
    await bot.client.message(rep, 'checkin');
    await bot.client.action(
      rep,
      'checkIn.submit',
      submission(await lastCardTo(rep), 'checkIn.submit', { pressure: '5', energy: '1', supportRequested: 'true' }),
    );
    await bot.client.message(rep, 'わたし', { locale: 'ja-JP' });
    const card = await lastCardTo(rep);
    expect(card.version).toBe('1.5');
    const text = textOf(card);
    expect(text).toMatch(/[ぁ-ん]/);
    expect(text).toContain('相談');
  });

  it('says nothing about a team channel to a rep who is in no team', async () => {
    const rep = testUser('NoChannel');
    await bot.client.message(rep, 'log');
    const form = await lastCardTo(rep);
    const res = await bot.client.action(
      rep,
      'log.submit',
      submission(form, 'log.submit', { ...filledLog, visibility: 'team' }),
    );
    expect(verbsOf(invokeCard(res.body))).toContain('log.reflect');
    const texts = bot.connector.textsTo(bot.client.personalConversationId(rep));
    // Without an org chart this rep is in no team: nothing is shared, so nothing is said either.
    expect(texts.filter((t) => t.includes('no Rebound channel'))).toEqual([]);
  });

  it('exports my data through a single-use link', async () => {
    const rep = testUser('Export');
    await bot.client.message(rep, 'log');
    await bot.client.action(rep, 'log.submit', submission(await lastCardTo(rep), 'log.submit', filledLog));
    await bot.client.message(rep, 'エクスポート', { locale: 'ja-JP' });
    const card = await lastCardTo(rep);
    const url = /https?:\/\/[^\s")\]]+\/export\/[A-Za-z0-9._-]+/.exec(JSON.stringify(card))?.[0];
    expect(url).toBeDefined();
    const first = await fetch(url ?? '');
    expect(first.status).toBe(200);
    const data = await first.json();
    expect(JSON.stringify(data)).toContain('Bakery in Shibuya');
    expect(JSON.stringify(data)).not.toContain('Intruder');
    const again = await fetch(url ?? '', { headers: { 'accept-language': 'ja' } });
    expect(again.status).toBe(404);
    expect(await again.text()).toContain('エクスポート');
  });

  it('erases everything about me after confirmation', async () => {
    const rep = testUser('Erase');
    await bot.client.message(rep, 'log');
    await bot.client.action(rep, 'log.submit', submission(await lastCardTo(rep), 'log.submit', filledLog));
    await bot.client.message(rep, 'erase');
    const confirm = await lastCardTo(rep);
    expect(verbsOf(confirm)).toContain('erase.confirm');
    expect(await bot.store.listLogs(TENANT, { authorId: rep.aadObjectId })).toHaveLength(1);
    const res = await bot.client.action(rep, 'erase.confirm', submission(confirm, 'erase.confirm'));
    expect(invokeCard(res.body)).not.toBeNull();
    expect(await bot.store.listLogs(TENANT, { authorId: rep.aadObjectId })).toEqual([]);
    expect(await bot.store.getPerson(TENANT, rep.aadObjectId)).toBeNull();
  });

  it('saves settings, and the next answers come in the chosen language', async () => {
    const rep = testUser('Settings');
    await bot.client.message(rep, 'settings');
    const card = await lastCardTo(rep);
    const res = await bot.client.action(rep, 'settings.save', submission(card, 'settings.save', { language: 'ja' }));
    expect(textOf(invokeCard(res.body))).toMatch(/[ぁ-ん]/);
    expect((await bot.store.getPerson(TENANT, rep.aadObjectId))?.language).toBe('ja');
    await bot.client.message(rep, 'log', { locale: 'en-US' });
    expect(textOf(await lastCardTo(rep))).toMatch(/[ぁ-ん]/);
  });

  it('stores and answers 50 concurrent submissions from one person in one conversation', async () => {
    const rep = testUser('Busy');
    await bot.client.message(rep, 'log');
    const form = await lastCardTo(rep);
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        bot.client.action(
          rep,
          'log.submit',
          submission(form, 'log.submit', { ...filledLog, customerLabel: `Customer ${i}` }),
        ),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(Array(50).fill(200));
    expect(results.filter((r) => verbsOf(invokeCard(r.body)).includes('log.reflect'))).toHaveLength(50);
    const logs = await bot.store.listLogs(TENANT, { authorId: rep.aadObjectId, limit: 100 });
    expect(new Set(logs.map((l) => l.customerLabel)).size).toBe(50);
    // 50 turns at once: 1.5 s alone, 12 s in a full run on a shared machine; a budget for a busy one.
  }, 120_000);
});
