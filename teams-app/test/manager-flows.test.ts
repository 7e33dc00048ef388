import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testUser } from './support/bot-client';
import { cardOf, submission, textOf, verbsOf } from './support/cards';
import { submitLog, writeOrgChart } from './support/flows';
import { type RunningBot, startTestBot } from './support/start-bot';

const TENANT = 'tenant-test';
const rep = testUser('Aoi Tanaka');
const manager = testUser('Ken Sato');

describe('sharing with managers through real HTTP', () => {
  let bot: RunningBot;
  beforeAll(async () => {
    const orgFile = writeOrgChart({
      teams: [{ id: 'tokyo-sales', name: 'Tokyo Sales', managers: [manager.aadObjectId], reps: [rep.aadObjectId] }],
    });
    bot = await startTestBot({ env: { REBOUND_ORG_FILE: orgFile } });
    // The manager has talked to the bot once (in Japanese), so the bot can reach them.
    await bot.client.message(manager, 'ヘルプ', { locale: 'ja-JP' });
  });
  afterAll(() => bot.stop());

  const managerConversation = () => bot.client.personalConversationId(manager);

  it('sends the manager a card with suggested replies, lists it in the inbox, and takes it back on withdraw', async () => {
    await submitLog(
      bot,
      rep,
      {
        customerLabel: 'Bakery in Shibuya',
        occurredOn: '2026-11-20',
        stage: 'proposal',
        reason: 'timing',
        askedWhy: 'true',
        visibility: 'manager',
      },
      { beforeSubmit: () => bot.connector.clear() },
    );

    const toManager = bot.connector.messagesTo(managerConversation());
    expect(toManager).toHaveLength(1);
    const card = cardOf(toManager[0]);
    expect(verbsOf(card)).toEqual(expect.arrayContaining(['reply.review', 'reply.send']));
    expect(textOf(card)).toContain('Bakery in Shibuya');
    expect(textOf(card)).toMatch(/[ぁ-ん]/); // in the manager's language, not the rep's
    expect(bot.connector.calls.filter((c) => c.conversationId !== managerConversation())).toEqual([]);

    await bot.client.message(manager, '受信箱', { locale: 'ja-JP' });
    const inbox = cardOf(bot.connector.messagesTo(managerConversation()).at(-1));
    expect(textOf(inbox)).toContain('Aoi Tanaka');

    const [log] = await bot.store.listLogs(TENANT, { authorId: rep.aadObjectId });
    const [delivery] = await bot.store.listDeliveries(TENANT, { itemId: log?.id, kind: 'manager-notification' });
    expect(delivery).toMatchObject({ status: 'sent', recipientId: manager.aadObjectId });
    expect(delivery?.messageId).toBeTruthy();

    bot.connector.clear();
    await bot.client.message(rep, 'mine');
    const mine = cardOf(bot.connector.messagesTo(bot.client.personalConversationId(rep)).at(-1));
    await bot.client.action(rep, 'item.withdraw', submission(mine, 'item.withdraw'));
    const updates = bot.connector.calls.filter(
      (c) => c.kind === 'update' && c.conversationId === managerConversation(),
    );
    expect(updates).toHaveLength(1);
    expect(updates[0]?.activityId).toBe(delivery?.messageId);
    expect(textOf(cardOf(updates[0]))).not.toContain('Bakery in Shibuya');
    expect((await bot.store.getLog(TENANT, log?.id ?? ''))?.visibility).toBe('private');

    await bot.client.message(manager, 'inbox');
    expect(textOf(cardOf(bot.connector.messagesTo(managerConversation()).at(-1)))).not.toContain('Aoi Tanaka');
  });

  it('lets the manager pick a suggestion, check the tone and revise; the rep receives the reply', async () => {
    await submitLog(
      bot,
      rep,
      {
        customerLabel: 'Dental clinic',
        occurredOn: '2026-11-19',
        stage: 'negotiation',
        reason: 'price',
        askedWhy: 'true',
        visibility: 'manager',
      },
      { beforeSubmit: () => bot.connector.clear() },
    );
    const notification = cardOf(bot.connector.messagesTo(managerConversation()).at(-1));
    const used = await bot.client.action(manager, 'reply.use', submission(notification, 'reply.use'), {
      locale: 'ja-JP',
    });
    const withDraft = used.body.value;
    const draft = withDraft.body && JSON.stringify(withDraft).match(/"id":"draft"[^}]*"value":"([^"]+)"/)?.[1];
    expect(draft).toBeTruthy();

    const harsh = '他のメンバーはもっと売っているのに、なぜあなたはできないの？もっと頑張って。';
    const reviewed = await bot.client.action(
      manager,
      'reply.review',
      submission(withDraft, 'reply.review', { draft: harsh }),
      {
        locale: 'ja-JP',
      },
    );
    const reviewText = textOf(reviewed.body.value);
    expect(reviewText).toContain('伝え方チェック: 少し気になるところ');
    // After findings, the send button says it sends as written, and tells core so.
    expect(reviewText).toContain('このまま送信する');
    expect(submission(reviewed.body.value, 'reply.send').sendAnyway).toBe(true);

    // Sending the harsh draft from the card as it was before the check: core holds it and shows the findings.
    const refused = await bot.client.action(
      manager,
      'reply.send',
      submission(withDraft, 'reply.send', { draft: harsh }),
      {
        locale: 'ja-JP',
      },
    );
    expect(textOf(refused.body.value)).toContain('伝え方チェック: 少し気になるところ');
    const [log] = (await bot.store.listLogs(TENANT, { authorId: rep.aadObjectId })).filter(
      (l) => l.customerLabel === 'Dental clinic',
    );
    expect(await bot.store.listReplies(TENANT, { itemId: log?.id })).toEqual([]);

    expect(bot.connector.messagesTo(bot.client.personalConversationId(rep))).toEqual([]);

    // The manager revises and checks again: nothing found, so the send button is the plain one.
    bot.connector.clear();
    const gentle = '話してくれてありがとう。価格の話、理由を聞けたのがよかったね。次の一手を一緒に考えよう。';
    const rechecked = await bot.client.action(
      manager,
      'reply.review',
      submission(refused.body.value, 'reply.review', { draft: gentle }),
      { locale: 'ja-JP' },
    );
    expect(textOf(rechecked.body.value)).toContain('伝え方チェックで気になる点はありませんでした。');
    expect(submission(rechecked.body.value, 'reply.send').sendAnyway).toBeUndefined();
    const sent = await bot.client.action(manager, 'reply.send', submission(rechecked.body.value, 'reply.send'), {
      locale: 'ja-JP',
    });
    expect(textOf(sent.body.value)).toContain(gentle);
    const replies = await bot.store.listReplies(TENANT, { itemId: log?.id });
    expect(replies).toMatchObject([{ managerId: manager.aadObjectId, repId: rep.aadObjectId, text: gentle }]);
    const toRep = bot.connector.messagesTo(bot.client.personalConversationId(rep));
    expect(toRep).toHaveLength(1);
    expect(textOf(cardOf(toRep[0]))).toContain(gentle);
    expect(textOf(cardOf(toRep[0]))).toContain('Ken Sato');
  });

  it('holds a flagged draft, then sends it when the manager chooses to send anyway; the rep gets it', async () => {
    const [log] = (await bot.store.listLogs(TENANT, { authorId: rep.aadObjectId })).filter(
      (l) => l.customerLabel === 'Dental clinic',
    );
    const opened = await bot.client.action(manager, 'inbox.open', {
      action: 'inbox.open',
      itemKind: 'log',
      itemId: log?.id,
    });
    bot.connector.clear();
    const harsh = 'Look at how the others close deals. Just try harder.';
    const held = await bot.client.action(
      manager,
      'reply.send',
      submission(opened.body.value, 'reply.send', { draft: harsh }),
    );
    expect(textOf(held.body.value)).toContain('Send as written');
    const before = await bot.store.listReplies(TENANT, { itemId: log?.id });
    expect(before.some((r) => r.text === harsh)).toBe(false);
    expect(bot.connector.messagesTo(bot.client.personalConversationId(rep))).toEqual([]);

    const res = await bot.client.action(manager, 'reply.send', submission(held.body.value, 'reply.send'));
    expect(textOf(res.body.value)).toContain(harsh);
    const replies = await bot.store.listReplies(TENANT, { itemId: log?.id });
    expect(replies.find((r) => r.text === harsh)?.toneFindings.length).toBeGreaterThan(0);
    const toRep = bot.connector.messagesTo(bot.client.personalConversationId(rep));
    expect(toRep).toHaveLength(1);
    expect(textOf(cardOf(toRep[0]))).toContain(harsh);
    expect(verbsOf(cardOf(toRep[0]))).toContain('reply.thanks');

    // The rep says thanks: a short message in the manager's chat, in the manager's language (they last wrote in English).
    bot.connector.clear();
    const thanks = await bot.client.action(rep, 'reply.thanks', submission(cardOf(toRep[0]), 'reply.thanks'));
    expect(thanks.body.value).toBe('Your thanks went to Ken Sato.');
    expect(bot.connector.textsTo(managerConversation())).toEqual(['Aoi Tanaka thanked you for your reply.']);
    // Only the rep the reply went to can thank for it.
    const stranger = testUser('Someone Else');
    const refused = await bot.client.action(stranger, 'reply.thanks', submission(cardOf(toRep[0]), 'reply.thanks'));
    expect(textOf(refused.body.value)).toContain("That didn't go through");
    expect(bot.connector.textsTo(managerConversation())).toHaveLength(1);
  });

  it('tells the manager that the rep would like to talk, and nothing of the private check-in', async () => {
    await bot.client.message(rep, 'checkin');
    const form = cardOf(bot.connector.messagesTo(bot.client.personalConversationId(rep)).at(-1));
    bot.connector.clear();
    await bot.client.action(
      rep,
      'checkIn.submit',
      submission(form, 'checkIn.submit', {
        pressure: '5',
        energy: '1',
        supportRequested: 'true',
        note: 'Three lost deals in a row, I feel stuck.',
        visibility: 'private',
      }),
    );
    const toManager = bot.connector.messagesTo(managerConversation());
    expect(toManager).toHaveLength(1);
    const text = textOf(cardOf(toManager[0]));
    expect(text).toContain('Aoi Tanaka');
    expect(text).toContain('would like to talk'); // the manager last wrote in English
    expect(JSON.stringify(toManager[0]?.body)).not.toContain('stuck');
  });

  it('records a refused delivery and stops sending to that chat, without failing the rep', async () => {
    const res = await submitLog(
      bot,
      rep,
      {
        customerLabel: 'Florist',
        occurredOn: '2026-11-21',
        stage: 'hearing',
        reason: 'budget',
        visibility: 'manager',
      },
      { beforeSubmit: () => bot.connector.respondWith(403) },
    );
    expect(verbsOf(res.body?.value)).toContain('log.reflect');
    const log = (await bot.store.listLogs(TENANT, { authorId: rep.aadObjectId })).find(
      (l) => l.customerLabel === 'Florist',
    );
    const [delivery] = await bot.store.listDeliveries(TENANT, { itemId: log?.id, kind: 'manager-notification' });
    expect(delivery).toMatchObject({ status: 'failed', attempts: 1, lastError: 'conversation unreachable (403)' });
    const refs = await bot.store.findConversationRefs(TENANT, { personId: manager.aadObjectId });
    expect(refs.map((r) => r.active)).toEqual([false]);
  });
  it('takes the manager card back when the rep erases their data', async () => {
    // The refused delivery above stopped sends to the manager; writing to the bot again reopens the chat.
    await bot.client.message(manager, 'help');
    await submitLog(bot, rep, {
      customerLabel: 'Bookshop',
      occurredOn: '2026-11-22',
      stage: 'closing',
      reason: 'competitor',
      visibility: 'manager',
    });
    const sent = bot.connector.messagesTo(managerConversation()).at(-1);
    expect(textOf(cardOf(sent))).toContain('Bookshop');
    const sentId = (
      await bot.store.listDeliveries(TENANT, {
        recipientId: manager.aadObjectId,
        kind: 'manager-notification',
        status: 'sent',
      })
    ).at(-1)?.messageId;

    await bot.client.message(rep, 'erase');
    const confirm = cardOf(bot.connector.messagesTo(bot.client.personalConversationId(rep)).at(-1));
    bot.connector.clear();
    await bot.client.action(rep, 'erase.confirm', submission(confirm, 'erase.confirm'));
    const updates = bot.connector.calls.filter(
      (c) => c.kind === 'update' && c.conversationId === managerConversation(),
    );
    expect(updates.map((u) => u.activityId)).toContain(sentId);
    for (const u of updates) expect(JSON.stringify(cardOf(u))).not.toContain('Bookshop');
    expect(await bot.store.listLogs(TENANT, { authorId: rep.aadObjectId })).toEqual([]);
  });
});
