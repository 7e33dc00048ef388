import { describe, expect, it } from 'vitest';
import { defaultPromptCatalog } from '../rules/prompts/default-prompts';
import { aRejection, as, TENANT, tokyoWorld } from './test-world';

describe('reflection prompts for a rep', () => {
  it('chooses 2-3 prompts for a check-in and one after a rejection, each with its reason', async () => {
    const { rebound } = await tokyoWorld();
    const checkIn = await rebound.promptsFor(as('rep'));
    expect(checkIn.prompts.length).toBeGreaterThanOrEqual(2);
    for (const p of checkIn.prompts) {
      expect(p.reason.ja.length).toBeGreaterThan(0);
      expect(p.reason.en.length).toBeGreaterThan(0);
    }
    const { log } = await rebound.logRejection(as('rep'), aRejection);
    const afterLog = await rebound.promptsFor(as('rep'), { trigger: { kind: 'log', logId: log.id } });
    expect(afterLog.prompts).toHaveLength(1);
    // A rep who asked why is invited to look at what they discovered or what comes next.
    expect(['discovery', 'follow-up']).toContain(afterLog.prompts[0]!.prompt.intent);
    await expect(rebound.promptsFor(as('peer'), { trigger: { kind: 'log', logId: log.id } })).rejects.toMatchObject({
      code: 'not-found',
    });
  });
});

describe('reflection prompts rotate for real', () => {
  /** Tokyo world on a clock the test sets; `day(n)` is 18:00 in Tokyo on 24 November 2026 plus n days. */
  async function worldOnClock() {
    let now = '2026-11-24T09:00:00.000Z';
    const world = await tokyoWorld({ clock: () => new Date(now) });
    return {
      ...world,
      day: (n: number) => (now = new Date(Date.parse('2026-11-24T09:00:00.000Z') + n * 86_400_000).toISOString()),
    };
  }
  const cooldownOf = (id: string) => defaultPromptCatalog.prompts.find((p) => p.id === id)!.cooldownDays;
  const idsOf = (selection: { prompts: { prompt: { id: string } }[] }) => selection.prompts.map((p) => p.prompt.id);

  it('never asks a prompt again inside its cool-down, day after day, answered or not', async () => {
    const { rebound, day } = await worldOnClock();
    const lastAsked = new Map<string, number>();
    for (let n = 0; n < 21; n++) {
      day(n);
      const ids = idsOf(await rebound.promptsFor(as('rep')));
      expect(ids.length, `day ${n}`).toBeGreaterThanOrEqual(1);
      for (const id of ids) {
        const before = lastAsked.get(id);
        if (before !== undefined) expect(n - before, `${id} on day ${n}`).toBeGreaterThanOrEqual(cooldownOf(id));
        lastAsked.set(id, n);
      }
      // Every third day the rep answers: answered prompts cool down the same way.
      if (n % 3 === 0) {
        await rebound.submitCheckIn(as('rep'), {
          pressure: 3,
          energy: 3,
          answers: ids.map((promptId) => ({ promptId, answer: 'ok' })),
        });
      }
    }
    expect(lastAsked.size).toBeGreaterThan(6);
  });

  it('asks the same questions again for the same check-in, and different ones for a log the same day', async () => {
    const { rebound, store, day } = await worldOnClock();
    day(0);
    const first = idsOf(await rebound.promptsFor(as('rep')));
    expect(idsOf(await rebound.promptsFor(as('rep')))).toEqual(first);
    // The next morning, the reminder of yesterday's scheduled check-in still asks yesterday's questions.
    day(1);
    expect(
      idsOf(await rebound.promptsFor(as('rep'), { trigger: { kind: 'check-in', periodKey: '2026-11-24' } })),
    ).toEqual(first);
    const today = idsOf(await rebound.promptsFor(as('rep')));
    expect(today.filter((id) => first.includes(id))).toEqual([]);
    const { log } = await rebound.logRejection(as('rep'), { ...aRejection, occurredAt: '2026-11-25T08:00:00.000Z' });
    const afterLog = idsOf(await rebound.promptsFor(as('rep'), { trigger: { kind: 'log', logId: log.id } }));
    expect(afterLog.filter((id) => first.includes(id) || today.includes(id))).toEqual([]);
    // What was asked is kept on the person: the latest showing of each prompt, with what it was asked for.
    const asked = (await store.getPerson(TENANT, 'rep'))?.askedPrompts ?? [];
    expect(asked.filter((a) => a.askedFor === `log:${log.id}`).map((a) => a.promptId)).toEqual(afterLog);
    expect(new Set(asked.map((a) => a.promptId)).size).toBe(asked.length);
  });

  it('keeps the history bounded: one entry per prompt, nothing older than twice the longest cool-down', async () => {
    const { rebound, store, day } = await worldOnClock();
    for (let n = 0; n < 120; n += 2) {
      day(n);
      await rebound.promptsFor(as('rep'));
    }
    const asked = (await store.getPerson(TENANT, 'rep'))?.askedPrompts ?? [];
    const longest = Math.max(...defaultPromptCatalog.prompts.map((p) => p.cooldownDays));
    expect(asked.length).toBeLessThanOrEqual(defaultPromptCatalog.prompts.length);
    const oldest = Date.parse(day(118)) - 2 * longest * 86_400_000;
    for (const a of asked) expect(Date.parse(a.askedAt)).toBeGreaterThanOrEqual(oldest);
  });

  it('refuses a period key that names no day or week', async () => {
    const { rebound } = await tokyoWorld();
    await expect(
      rebound.promptsFor(as('rep'), { trigger: { kind: 'check-in', periodKey: '2026-99-99' } }),
    ).rejects.toMatchObject({ code: 'validation' });
  });
});

describe('answering a shared item', () => {
  it('suggests three replies to the rep’s manager only', async () => {
    const { rebound } = await tokyoWorld();
    const { log } = await rebound.logRejection(as('rep'), { ...aRejection, visibility: 'team' });
    const suggestions = await rebound.replySuggestions(as('mgr'), { itemKind: 'log', itemId: log.id, locale: 'ja' });
    expect(suggestions).toHaveLength(3);
    expect(new Set(suggestions.map((s) => s.templateId)).size).toBe(3);
    await expect(
      rebound.replySuggestions(as('peer'), { itemKind: 'log', itemId: log.id, locale: 'ja' }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    const { log: privateLog } = await rebound.logRejection(as('rep'), aRejection);
    await expect(
      rebound.replySuggestions(as('mgr'), { itemKind: 'log', itemId: privateLog.id, locale: 'en' }),
    ).rejects.toMatchObject({ code: 'not-found' });
  });

  it('answers as the rep asked on the item itself, whatever their settings say', async () => {
    const { rebound } = await tokyoWorld();
    await rebound.updateSettings(as('rep'), { answerPreference: 'advice' });
    const { checkIn } = await rebound.submitCheckIn(as('rep'), {
      pressure: 5,
      energy: 2,
      answerPreference: 'just-listen',
      visibility: 'manager',
    });
    const listened = await rebound.replySuggestions(as('mgr'), {
      itemKind: 'check-in',
      itemId: checkIn.id,
      locale: 'en',
    });
    for (const s of listened) expect(s.reason.en).toContain('gives no advice');

    await rebound.updateSettings(as('rep'), { answerPreference: 'just-listen' });
    const { log } = await rebound.logRejection(as('rep'), {
      ...aRejection,
      answerPreference: 'advice',
      visibility: 'manager',
    });
    expect(log.answerPreference).toBe('advice');
    const advised = await rebound.replySuggestions(as('mgr'), { itemKind: 'log', itemId: log.id, locale: 'en' });
    for (const s of advised) expect(s.reason.en).toContain('with advice');
    // A log without a choice is answered as the settings say.
    const { log: plain } = await rebound.logRejection(as('rep'), { ...aRejection, visibility: 'manager' });
    const byDefault = await rebound.replySuggestions(as('mgr'), { itemKind: 'log', itemId: plain.id, locale: 'en' });
    for (const s of byDefault) expect(s.reason.en).toContain('gives no advice');
  });

  it('checks the draft’s tone first, sends only when it is kind or the manager chooses to send anyway', async () => {
    const { rebound, store } = await tokyoWorld();
    const { log } = await rebound.logRejection(as('rep'), { ...aRejection, visibility: 'manager' });
    const harsh = 'Ken already hit his number. You need to try harder.';

    const held = await rebound.replyToItem(as('mgr'), { itemKind: 'log', itemId: log.id, text: harsh, locale: 'en' });
    expect(held.sent).toBe(false);
    expect(held.review.findings.map((f) => f.category)).toContain('comparison');
    expect(await store.listReplies(TENANT, { repId: 'rep' })).toEqual([]);

    const kind = await rebound.replyToItem(as('mgr'), {
      itemKind: 'log',
      itemId: log.id,
      text: '理由を聞けたのは本当に大きいですね。春にまた一緒に考えましょう。',
      locale: 'ja',
    });
    expect(kind.sent).toBe(true);
    if (!kind.sent) return;
    expect(kind.notification).toMatchObject({
      kind: 'reply',
      recipientId: 'rep',
      itemId: log.id,
      subjectId: kind.reply.id,
    });
    expect((await rebound.listMyItems(as('rep'))).logs[0]?.replies.map((r) => r.text)).toEqual([kind.reply.text]);
    expect((await rebound.inbox(as('mgr'))).waiting).toEqual([]);

    const anyway = await rebound.replyToItem(as('mgr'), {
      itemKind: 'log',
      itemId: log.id,
      text: harsh,
      locale: 'en',
      sendAnyway: true,
    });
    expect(anyway.sent && anyway.reply.toneFindings).toContain('comparison');
  });
});

describe('signals', () => {
  it('are the rep’s own first; a manager sees only a request for support without consent', async () => {
    const { rebound } = await tokyoWorld();
    await rebound.submitCheckIn(as('rep'), { pressure: 5, energy: 1, supportRequested: true });
    const mine = await rebound.mySignals(as('rep'));
    expect(mine.signals.map((s) => s.kind)).toContain('asked-for-support');
    const seen = await rebound.signalsForManager(as('mgr'), 'rep');
    expect(seen.consent).toBe(false);
    expect(seen.signals.map((s) => s.kind)).toEqual(['asked-for-support']);
    await expect(rebound.signalsForManager(as('peer'), 'rep')).rejects.toMatchObject({ code: 'not-found' });
    await expect(rebound.signalsForManager(as('otherMgr'), 'rep')).rejects.toMatchObject({ code: 'not-found' });
  });
});

describe('team insights', () => {
  it('are shown to members only, and suppressed when fewer than k people contribute', async () => {
    const { rebound } = await tokyoWorld();
    await rebound.logRejection(as('rep'), aRejection);
    await rebound.logRejection(as('peer'), { ...aRejection, askedWhy: false });
    const insights = await rebound.teamInsights(as('mgr'), { teamId: 'tokyo', period: 'week' });
    expect(insights.k).toBe(5);
    expect(insights.period.key).toBe('2026-W48');
    const text = JSON.stringify(insights);
    expect(text).not.toContain('"rep"');
    expect(text).not.toContain('"peer"');
    expect(insights.figures.askedWhy).toMatchObject({ value: null, hidden: { reason: expect.any(String) } });
    await expect(rebound.teamInsights(as('outsider'), { teamId: 'tokyo' })).rejects.toMatchObject({
      code: 'not-found',
    });
  });

  it('shows the figures once enough people contribute', async () => {
    const { rebound } = await tokyoWorld({ privacy: { k: 3 } });
    const reps = ['rep', 'peer', 'r3', 'r4'];
    for (const id of ['r3', 'r4']) await rebound.registerPerson(as(id), { displayName: id });
    await rebound.admin.syncOrgChart(TENANT, {
      teams: [{ id: 'tokyo', name: 'Tokyo Sales', managers: ['mgr'], reps }],
    });
    for (const [i, id] of reps.entries()) await rebound.logRejection(as(id), { ...aRejection, askedWhy: i % 2 === 0 });
    const insights = await rebound.teamInsights(as('rep'), { teamId: 'tokyo' });
    expect(insights.figures.askedWhy).toMatchObject({ value: 0.5, hidden: null, contributors: 4 });
  });
});
