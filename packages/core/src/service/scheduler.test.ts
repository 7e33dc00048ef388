import { describe, expect, it } from 'vitest';
import { ReboundError } from '../errors';
import type { Delivery } from '../records/delivery';
import { createMemoryStore } from '../store/memory-store';
import type { Store } from '../store/port';
import { countingIds, steppingClock } from '../testing/clock';
import { failingStore } from '../testing/failure-injection';
import { aSchedule } from '../testing/fixtures';
import { createRebound } from './create-rebound';
import { notificationFromDelivery } from './notifications';
import { anonymityWorld, aRejection, as, TENANT, tokyoWorld } from './test-world';

const HOUR = 3_600_000;
const plus = (instant: string, hours: number) => new Date(Date.parse(instant) + hours * HOUR).toISOString();

/** One rep with check-ins on, in `timeZone`. */
async function repWorld(timeZone: string, schedule: Record<string, unknown>, k?: number) {
  const store = createMemoryStore();
  const rebound = createRebound({
    store,
    clock: steppingClock(),
    ids: countingIds(),
    ...(k ? { privacy: { k } } : {}),
  });
  await rebound.registerPerson(as('rep'), { displayName: 'Aoi', timeZone });
  await rebound.updateSettings(as('rep'), { schedule: { enabled: true, ...schedule } });
  return { store, rebound };
}

async function deliveriesOf(store: Store, kind: Delivery['kind']): Promise<Delivery[]> {
  return (await store.listDeliveries(TENANT, { kind })).sort((a, b) => (a.dueAt < b.dueAt ? -1 : 1));
}

/** Runs the scheduler every `stepHours` from `from` to `to`, like a timer would. */
async function tick(rebound: ReturnType<typeof createRebound>, from: string, to: string, stepHours = 1) {
  for (let t = from; t <= to; t = plus(t, stepHours)) await rebound.scheduler.plan({ now: t });
}

describe('scheduler: check-ins', () => {
  it('plans each weekday check-in at 09:00 New York time across the November DST change, once each', async () => {
    const { rebound, store } = await repWorld('America/New_York', {
      checkInDays: [1, 2, 3, 4, 5],
      checkInTime: '09:00',
    });
    // Friday 30 October (EDT, UTC-4) to Monday 2 November (EST, UTC-5): hourly ticks over the weekend.
    await tick(rebound, '2026-10-30T10:00:00.000Z', '2026-11-02T16:00:00.000Z');
    const planned = await deliveriesOf(store, 'check-in');
    expect(planned.map((d) => [d.periodKey, d.dueAt])).toEqual([
      ['2026-10-30', '2026-10-30T13:00:00.000Z'],
      ['2026-11-02', '2026-11-02T14:00:00.000Z'],
    ]);
    expect(planned[1]).toMatchObject({
      key: 'check-in:tenant-a:rep:2026-11-02',
      recipientId: 'rep',
      ownerId: 'rep',
      status: 'pending',
      teamId: null,
      anonymous: false,
      subjectId: null,
    });
  });

  it('plans across the March DST change too (the 09:00 slot moves an hour earlier in UTC)', async () => {
    const { rebound, store } = await repWorld('America/New_York', { checkInDays: [5, 1], checkInTime: '09:00' });
    await tick(rebound, '2027-03-12T12:00:00.000Z', '2027-03-15T15:00:00.000Z', 2);
    expect((await deliveriesOf(store, 'check-in')).map((d) => d.dueAt)).toEqual([
      '2027-03-12T14:00:00.000Z',
      '2027-03-15T13:00:00.000Z',
    ]);
  });

  it('plans a weekly Tokyo check-in with the ISO week as its period', async () => {
    const { rebound, store } = await repWorld('Asia/Tokyo', {
      cadence: 'weekly',
      checkInDays: [1],
      checkInTime: '17:30',
    });
    // Monday 23 November 17:30 JST = 08:30 UTC.
    const result = await rebound.scheduler.plan({ now: '2026-11-23T09:00:00.000Z' });
    expect(result.planned).toEqual({ 'check-in': 1, 'check-in-reminder': 0, 'next-step-reminder': 0, digest: 0 });
    const [d] = await deliveriesOf(store, 'check-in');
    expect(d).toMatchObject({
      periodKey: '2026-W48',
      dueAt: '2026-11-23T08:30:00.000Z',
      key: 'check-in:tenant-a:rep:2026-W48',
    });
  });

  it('plans nothing new when run twice in a row', async () => {
    const { rebound, store } = await repWorld('Asia/Tokyo', { checkInTime: '09:00' });
    const now = '2026-11-24T01:00:00.000Z'; // Tuesday 10:00 JST
    const first = await rebound.scheduler.plan({ now });
    const second = await rebound.scheduler.plan({ now });
    expect(first.planned['check-in']).toBe(1);
    expect(first.alreadyPlanned).toBe(0);
    expect(second.planned['check-in']).toBe(0);
    expect(second.alreadyPlanned).toBe(1);
    expect(await deliveriesOf(store, 'check-in')).toHaveLength(1);
  });

  it('does not plan a check-in for a period the rep already answered', async () => {
    const { rebound, store } = await repWorld('Asia/Tokyo', { checkInTime: '17:30' });
    await rebound.submitCheckIn(as('rep'), { periodKey: '2026-11-24', pressure: 2, energy: 4 });
    const result = await rebound.scheduler.plan({ now: '2026-11-24T09:00:00.000Z' });
    expect(result.planned['check-in']).toBe(0);
    expect(result.answered).toBe(1);
    expect(await deliveriesOf(store, 'check-in')).toEqual([]);
  });

  it('does not replay slots missed longer ago than the lookback, unless asked to look further back', async () => {
    const { rebound, store } = await repWorld('Asia/Tokyo', { checkInTime: '09:00' });
    // Tuesday's slot (00:00 UTC) is five hours old.
    expect((await rebound.scheduler.plan({ now: '2026-11-24T05:00:00.000Z' })).planned['check-in']).toBe(0);
    expect(await deliveriesOf(store, 'check-in')).toEqual([]);
    const wider = await rebound.scheduler.plan({ now: '2026-11-24T05:00:00.000Z', lookbackHours: 6 });
    expect(wider.planned['check-in']).toBe(1);
  });

  it('loses nothing when a plan fails midway: the next plan writes the rest, and nothing twice', async () => {
    const { rebound, store } = await repWorld('Asia/Tokyo', { checkInTime: '09:00' });
    for (const id of ['peer', 'mgr']) {
      await rebound.registerPerson(as(id), { displayName: id, timeZone: 'Asia/Tokyo' });
      await rebound.updateSettings(as(id), { schedule: { enabled: true, checkInTime: '09:00' } });
    }
    const now = '2026-11-24T01:00:00.000Z';
    // The second delivery's write fails, as a crash or a lost connection would.
    const crashing = createRebound({ store: failingStore(store, 2), clock: steppingClock(), ids: countingIds('x') });
    await expect(crashing.scheduler.plan({ now })).rejects.toMatchObject({ code: 'unavailable' });
    expect(await deliveriesOf(store, 'check-in')).toHaveLength(1);
    const result = await rebound.scheduler.plan({ now });
    expect(result.planned['check-in']).toBe(2);
    expect(result.alreadyPlanned).toBe(1);
    expect((await deliveriesOf(store, 'check-in')).map((d) => d.recipientId).sort()).toEqual(['mgr', 'peer', 'rep']);
  });

  it('plans nothing for an erased rep or a schedule whose person does not exist', async () => {
    const { rebound, store } = await repWorld('Asia/Tokyo', { checkInTime: '09:00' });
    await store.putSchedule(aSchedule({ personId: 'ghost', enabled: true, checkInTime: '09:00' }));
    await rebound.eraseMe(as('rep'));
    const result = await rebound.scheduler.plan({ now: '2026-11-24T01:00:00.000Z' });
    expect(result.planned['check-in']).toBe(0);
    expect(await store.listDeliveries(TENANT, {})).toEqual([]);
  });
});

describe('scheduler: the one gentle check-in reminder', () => {
  async function sentCheckIn(schedule: Record<string, unknown>) {
    const world = await repWorld('Asia/Tokyo', { checkInTime: '09:00', ...schedule });
    await world.rebound.scheduler.plan({ now: '2026-11-24T00:30:00.000Z' });
    const [checkIn] = await deliveriesOf(world.store, 'check-in');
    await world.rebound.host.markSent(TENANT, checkIn!.id, { messageId: 'm-1', conversationRefId: null });
    return world;
  }

  it('reminds once, reminderAfterHours after the check-in, when the rep turned reminders on', async () => {
    const { rebound, store } = await sentCheckIn({ reminderAfterHours: 4 });
    // Sent just after 09:00 JST: nothing at 12:00, the reminder four hours after the send.
    const [sent] = await deliveriesOf(store, 'check-in');
    expect(sent!.updatedAt > sent!.dueAt).toBe(true);
    expect((await rebound.scheduler.plan({ now: '2026-11-24T03:00:00.000Z' })).planned['check-in-reminder']).toBe(0);
    await tick(rebound, '2026-11-24T04:00:00.000Z', '2026-11-24T12:00:00.000Z', 0.25);
    const reminders = await deliveriesOf(store, 'check-in-reminder');
    expect(reminders.map((d) => [d.key, d.dueAt, d.periodKey, d.recipientId])).toEqual([
      ['check-in-reminder:tenant-a:rep:2026-11-24', plus(sent!.updatedAt, 4), '2026-11-24', 'rep'],
    ]);
  });

  it('sends no reminder by default', async () => {
    const { rebound, store } = await sentCheckIn({});
    await tick(rebound, '2026-11-24T01:00:00.000Z', '2026-11-24T14:00:00.000Z');
    expect(await deliveriesOf(store, 'check-in-reminder')).toEqual([]);
  });

  it('sends no reminder once the rep answered', async () => {
    const { rebound, store } = await sentCheckIn({ reminderAfterHours: 2 });
    await rebound.submitCheckIn(as('rep'), { periodKey: '2026-11-24', pressure: 3, energy: 3 });
    await tick(rebound, '2026-11-24T01:00:00.000Z', '2026-11-24T14:00:00.000Z');
    expect(await deliveriesOf(store, 'check-in-reminder')).toEqual([]);
  });
});

describe('scheduler: next-step reminders', () => {
  it('reminds the author at 09:00 of the due date in their own zone, once, and never after that day', async () => {
    const { rebound, store } = await tokyoWorld();
    const { log } = await rebound.logRejection(as('rep'), {
      ...aRejection,
      nextStep: { kind: 'follow-up', dueDate: '2026-11-26' },
    });
    // 08:00 JST on the 26th: not yet.
    expect((await rebound.scheduler.plan({ now: '2026-11-25T23:00:00.000Z' })).planned['next-step-reminder']).toBe(0);
    const result = await rebound.scheduler.plan({ now: '2026-11-26T00:30:00.000Z' });
    expect(result.planned['next-step-reminder']).toBe(1);
    expect(await deliveriesOf(store, 'next-step-reminder')).toEqual([
      expect.objectContaining({
        key: `next-step-reminder:tenant-a:${log.id}`,
        recipientId: 'rep',
        ownerId: 'rep',
        itemKind: 'log',
        itemId: log.id,
        periodKey: '2026-11-26',
        dueAt: '2026-11-26T00:00:00.000Z',
      }),
    ]);
    expect((await rebound.scheduler.plan({ now: '2026-11-26T03:00:00.000Z' })).alreadyPlanned).toBe(1);
  });

  it('uses the rep’s zone: New York’s 09:00 on the due date, and nothing once that day is over', async () => {
    const { rebound, store } = await repWorld('America/New_York', {});
    await rebound.logRejection(as('rep'), { ...aRejection, nextStep: { kind: 'follow-up', dueDate: '2026-11-26' } });
    // 09:00 JST on the 26th is still the 25th in New York.
    expect((await rebound.scheduler.plan({ now: '2026-11-26T00:30:00.000Z' })).planned['next-step-reminder']).toBe(0);
    // The 27th 00:30 in New York: the due day is over.
    expect((await rebound.scheduler.plan({ now: '2026-11-27T05:30:00.000Z' })).planned['next-step-reminder']).toBe(0);
    await rebound.scheduler.plan({ now: '2026-11-26T14:10:00.000Z' });
    expect((await deliveriesOf(store, 'next-step-reminder')).map((d) => d.dueAt)).toEqual(['2026-11-26T14:00:00.000Z']);
  });
});

describe('scheduler: next-step reminders respect the rep’s hours and days away', () => {
  it('plans the 09:00 reminder on its day, due when the rep’s quiet hours end', async () => {
    const { rebound, store } = await tokyoWorld();
    await rebound.updateSettings(as('rep'), { schedule: { quietHours: { start: '22:00', end: '10:00' } } });
    await rebound.logRejection(as('rep'), { ...aRejection, nextStep: { kind: 'follow-up', dueDate: '2026-11-26' } });
    await rebound.scheduler.plan({ now: '2026-11-26T00:05:00.000Z' }); // 09:05 in Tokyo
    const [reminder] = await deliveriesOf(store, 'next-step-reminder');
    expect(reminder?.dueAt).toBe('2026-11-26T01:00:00.000Z'); // 10:00 in Tokyo
    expect(await rebound.host.dueDeliveries({ now: '2026-11-26T00:59:00.000Z' })).toEqual([]);
    expect((await rebound.host.dueDeliveries({ now: '2026-11-26T01:00:00.000Z' })).map((d) => d.id)).toEqual([
      reminder?.id,
    ]);
  });

  it('holds a reminder due on a day away until the first day back, and on a skip date too', async () => {
    const { rebound, store } = await tokyoWorld();
    await rebound.updateSettings(as('rep'), {
      schedule: { outOfOffice: [{ from: '2026-11-26', to: '2026-11-27' }], skipDates: ['2026-11-28'] },
    });
    await rebound.logRejection(as('rep'), { ...aRejection, nextStep: { kind: 'follow-up', dueDate: '2026-11-26' } });
    expect((await rebound.scheduler.plan({ now: '2026-11-26T00:05:00.000Z' })).planned['next-step-reminder']).toBe(1);
    expect((await deliveriesOf(store, 'next-step-reminder')).map((d) => [d.periodKey, d.dueAt])).toEqual([
      ['2026-11-26', '2026-11-29T00:00:00.000Z'], // Sunday 29th, 09:00 in Tokyo
    ]);
  });
});

describe('notifications wait for the recipient’s quiet hours and days away', () => {
  // The test clock starts at 09:00 on Tuesday 24 November in Tokyo (00:00 UTC) and moves a minute a read.
  const MGR_QUIET = { start: '08:00', end: '12:00' };

  it('holds a shared item’s card for the manager until their quiet hours end; the rep’s own hours do not matter', async () => {
    const { rebound, store } = await tokyoWorld();
    await rebound.updateSettings(as('mgr'), { schedule: { quietHours: MGR_QUIET } });
    await rebound.updateSettings(as('rep'), { schedule: { quietHours: { start: '00:00', end: '23:00' } } });
    const { sharing } = await rebound.logRejection(as('rep'), { ...aRejection, visibility: 'manager' });
    const [card] = await store.listDeliveries(TENANT, { kind: 'manager-notification' });
    expect(sharing.notifications.map((n) => n.deliveryId)).toEqual([card?.id]);
    expect(card?.dueAt).toBe('2026-11-24T03:00:00.000Z'); // 12:00 in Tokyo
  });

  it('holds the manager’s reply for the rep until the rep is back from days away', async () => {
    const { rebound, store } = await tokyoWorld();
    await rebound.updateSettings(as('rep'), { schedule: { outOfOffice: [{ from: '2026-11-24', to: '2026-11-25' }] } });
    const { log } = await rebound.logRejection(as('rep'), { ...aRejection, visibility: 'manager' });
    const sent = await rebound.replyToItem(as('mgr'), {
      itemKind: 'log',
      itemId: log.id,
      text: '理由を聞いてくれてありがとう。',
      locale: 'ja',
    });
    expect(sent.sent).toBe(true);
    const [reply] = await store.listDeliveries(TENANT, { kind: 'reply' });
    expect(reply?.dueAt).toBe('2026-11-26T00:00:00.000Z'); // Thursday 26th, 09:00 in Tokyo
  });

  it('sends at once when the rep asked for support: the request, and the check-in it came with', async () => {
    const { rebound, store } = await tokyoWorld();
    await rebound.updateSettings(as('mgr'), { schedule: { quietHours: MGR_QUIET } });
    const { checkIn } = await rebound.submitCheckIn(as('rep'), {
      pressure: 5,
      energy: 1,
      supportRequested: true,
      visibility: 'manager',
    });
    const toManager = await store.listDeliveries(TENANT, { recipientId: 'mgr' });
    expect(toManager.map((d) => d.kind).sort()).toEqual(['manager-notification', 'support-requested']);
    for (const d of toManager) expect(d.dueAt <= d.createdAt).toBe(true);
    // Without the request, the same manager's card waits.
    await rebound.submitCheckIn(as('peer'), { pressure: 3, energy: 3, visibility: 'manager' });
    const [peerCard] = (await store.listDeliveries(TENANT, { recipientId: 'mgr' })).filter(
      (d) => d.itemId !== checkIn.id && d.kind === 'manager-notification',
    );
    expect(peerCard?.dueAt).toBe('2026-11-24T03:00:00.000Z');
  });

  it('posts team stories at once: a channel has no one’s quiet hours', async () => {
    const { rebound, store } = await tokyoWorld();
    await rebound.updateSettings(as('rep'), { schedule: { quietHours: { start: '00:00', end: '23:00' } } });
    await rebound.logRejection(as('rep'), { ...aRejection, visibility: 'team' });
    const stories = await store.listDeliveries(TENANT, { kind: 'team-story' });
    expect(stories.length).toBeGreaterThan(0);
    for (const d of stories) expect(d.dueAt <= d.createdAt).toBe(true);
  });
});

describe('scheduler: weekly digests', () => {
  async function digestWorld(k?: number, clock?: () => Date) {
    const world = await tokyoWorld({ ...(k ? { privacy: { k } } : {}), ...(clock ? { clock } : {}) });
    await world.rebound.host.saveConversation(TENANT, {
      kind: 'channel',
      teamId: 'tokyo',
      conversationId: '19:tokyo-general',
      serviceUrl: 'https://smba.example.test/',
      reference: '{}',
    });
    return world;
  }

  it('plans one digest per ISO week for teams with a channel only, at the team’s day and time', async () => {
    const { rebound, store } = await digestWorld();
    // Friday 27 November 16:00 JST = 07:00 UTC (the default digest day and time).
    expect((await rebound.scheduler.plan({ now: '2026-11-27T06:59:00.000Z' })).planned.digest).toBe(0);
    await tick(rebound, '2026-11-27T07:00:00.000Z', '2026-11-27T12:00:00.000Z');
    await tick(rebound, '2026-12-04T06:00:00.000Z', '2026-12-04T09:00:00.000Z');
    const digests = await store.listDeliveries(TENANT, { kind: 'digest' });
    expect(digests.map((d) => [d.key, d.teamId, d.recipientId, d.periodKey, d.dueAt])).toEqual([
      ['digest:tenant-a:tokyo:2026-W48', 'tokyo', null, '2026-W48', '2026-11-27T07:00:00.000Z'],
      ['digest:tenant-a:tokyo:2026-W49', 'tokyo', null, '2026-W49', '2026-12-04T07:00:00.000Z'],
    ]);
  });

  it('gives the week’s insights with the team name when k people contributed, and null below k', async () => {
    // The end of that week: its logs are not in the future.
    const { rebound } = await digestWorld(3, steppingClock('2026-11-29T12:00:00.000Z'));
    await rebound.admin.syncOrgChart(TENANT, {
      teams: [{ id: 'tokyo', name: 'Tokyo Sales', managers: ['mgr'], reps: ['rep', 'peer', 'outsider'] }],
    });
    for (const rep of ['rep', 'peer']) {
      await rebound.logRejection(as(rep), { ...aRejection, occurredAt: '2026-11-24T03:00:00.000Z' });
    }
    expect(await rebound.host.digestFor(TENANT, 'tokyo', '2026-W48')).toBeNull();
    await rebound.logRejection(as('outsider'), { ...aRejection, occurredAt: '2026-11-25T03:00:00.000Z' });
    // A log of the week before counts for that week, not this one.
    await rebound.logRejection(as('rep'), { ...aRejection, occurredAt: '2026-11-20T03:00:00.000Z' });
    const digest = await rebound.host.digestFor(TENANT, 'tokyo', '2026-W48');
    expect(digest).toMatchObject({ teamId: 'tokyo', teamName: 'Tokyo Sales', k: 3, kind: 'week' });
    expect(digest?.period).toMatchObject({ key: '2026-W48', startDate: '2026-11-23', endDate: '2026-11-30' });
    expect(digest?.figures.logs.value).toBe(3);
    expect(digest?.figures.askedWhy.value).toBe(1);
    expect(await rebound.host.digestFor(TENANT, 'osaka', '2026-W48')).toBeNull();
    expect(await rebound.host.digestFor(TENANT, 'no-such-team', '2026-W48')).toBeNull();
    await expect(rebound.host.digestFor(TENANT, 'tokyo', '2026-W54')).rejects.toMatchObject({ code: 'validation' });
    await expect(rebound.host.digestFor(TENANT, 'tokyo', '2026-11-24')).rejects.toMatchObject({ code: 'validation' });
  });

  it('carries the weeks before for the trend, oldest first, each week’s figures hidden below k on their own', async () => {
    const { rebound } = await digestWorld(3, steppingClock('2026-12-01T00:00:00.000Z'));
    await rebound.admin.syncOrgChart(TENANT, {
      teams: [{ id: 'tokyo', name: 'Tokyo Sales', managers: ['mgr'], reps: ['rep', 'peer', 'outsider'] }],
    });
    const log = (rep: string, occurredAt: string, askedWhy: boolean) =>
      rebound.logRejection(as(rep), { ...aRejection, askedWhy, occurredAt });
    // This week (W48) and two weeks before (W46): all three; the week between (W47): only two people.
    for (const rep of ['rep', 'peer', 'outsider']) {
      await log(rep, '2026-11-24T03:00:00.000Z', rep !== 'outsider');
      await log(rep, '2026-11-10T03:00:00.000Z', rep === 'rep');
    }
    await log('rep', '2026-11-17T03:00:00.000Z', true);
    await log('peer', '2026-11-18T03:00:00.000Z', false);
    // And one log in W44, then nothing in W45.
    await log('rep', '2026-10-27T03:00:00.000Z', true);

    const digest = await rebound.host.digestFor(TENANT, 'tokyo', '2026-W48');
    // Seven weeks back at most, starting with the first week anybody logged (W41-W43 had none).
    expect(digest?.trend.map((p) => p.period.key)).toEqual(['2026-W44', '2026-W45', '2026-W46', '2026-W47']);
    const byWeek = new Map(digest?.trend.map((p) => [p.period.key, p.figures.askedWhy]));
    expect(byWeek.get('2026-W46')).toMatchObject({ value: 0.3333, hidden: null, contributors: 3 });
    // Two people in W47: not shown, and said why; neither its value nor its count.
    expect(byWeek.get('2026-W47')).toMatchObject({
      value: null,
      count: null,
      hidden: { reason: 'too-few-contributors' },
    });
    expect(byWeek.get('2026-W47')?.hidden?.explanation.en).toContain('3');
    expect(byWeek.get('2026-W44')).toMatchObject({ value: null, hidden: { reason: 'too-few-contributors' } });
    expect(byWeek.get('2026-W45')).toMatchObject({ value: null, hidden: { reason: 'too-few-contributors' } });
    // The digest's own week is the figures' week, not part of the trend.
    expect(digest?.figures.askedWhy.value).toBe(0.6667);
  });
});

describe('host operations for the delivery queue', () => {
  it('lists due pending deliveries, retries a failure later, and skips what is not to be sent', async () => {
    const { rebound } = await repWorld('Asia/Tokyo', { checkInTime: '09:00' });
    await rebound.scheduler.plan({ now: '2026-11-24T00:30:00.000Z' });
    expect(await rebound.host.dueDeliveries({ now: '2026-11-23T23:59:00.000Z' })).toEqual([]);
    const [due] = await rebound.host.dueDeliveries({ now: '2026-11-24T00:30:00.000Z', limit: 10 });
    expect(due).toMatchObject({ kind: 'check-in', status: 'pending', periodKey: '2026-11-24' });

    const retryAt = '2026-11-24T00:35:00.000Z';
    const failed = await rebound.host.markFailed(TENANT, due!.id, { error: '429', final: false, retryAt });
    expect(failed).toMatchObject({ status: 'pending', dueAt: retryAt, attempts: 1, lastError: '429' });
    expect(await rebound.host.dueDeliveries({ now: '2026-11-24T00:31:00.000Z' })).toEqual([]);
    expect((await rebound.host.dueDeliveries({ now: retryAt })).map((d) => d.id)).toEqual([due!.id]);

    expect(await rebound.host.checkInStillWanted(TENANT, due!.id)).toEqual({
      cadence: 'daily',
      periodKey: '2026-11-24',
    });
    await rebound.submitCheckIn(as('rep'), { periodKey: '2026-11-24', pressure: 3, energy: 3 });
    expect(await rebound.host.checkInStillWanted(TENANT, due!.id)).toBeNull();

    const skipped = await rebound.host.markSkipped(TENANT, due!.id, { reason: 'answered already' });
    expect(skipped).toMatchObject({ status: 'skipped', lastError: 'answered already' });
    expect(await rebound.host.dueDeliveries({ now: '2026-11-25T00:00:00.000Z' })).toEqual([]);
    // Skipping is for pending deliveries: a second call changes nothing.
    expect(await rebound.host.markSkipped(TENANT, due!.id, 'again')).toEqual(skipped);
  });

  it('rebuilds the notification a use case returned from its stored delivery (anonymous stories included)', async () => {
    const { rebound, store } = await anonymityWorld();
    const { sharing } = await rebound.logRejection(as('rep'), { ...aRejection, visibility: 'team-anonymous' });
    expect(sharing.notifications.length).toBeGreaterThan(0);
    for (const n of sharing.notifications) {
      const stored = (await store.getDelivery(TENANT, n.deliveryId))!;
      expect(notificationFromDelivery(stored)).toEqual(n);
      expect(rebound.host.notificationOf(stored)).toEqual(n);
      expect(stored.periodKey).toBeNull();
    }
    expect(sharing.notifications.some((n) => n.kind === 'team-story' && n.anonymous)).toBe(true);
  });

  it('answers bad input with a validation error', async () => {
    const { rebound } = await repWorld('Asia/Tokyo', {});
    for (const bad of [{ now: 'yesterday' }, { lookbackHours: 0 }, { lookbackHours: 1000 }, { extra: 1 }, 'x']) {
      const error = await rebound.scheduler.plan(bad).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ReboundError);
      expect((error as ReboundError).code).toBe('validation');
    }
    await expect(rebound.host.dueDeliveries({ limit: 0 })).rejects.toMatchObject({ code: 'validation' });
    await expect(
      rebound.host.markFailed(TENANT, 'd', { error: 'x', final: false, retryAt: 'soon' }),
    ).rejects.toMatchObject({ code: 'validation' });
  });
});
