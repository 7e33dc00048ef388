import { describe, expect, it } from 'vitest';
import { isReboundError } from '../errors';
import { aRejection, as, TENANT, tokyoWorld } from './test-world';

describe('logging a rejection', () => {
  it('stores the log as the acting person, private by default, with the time it was logged', async () => {
    const { rebound, store } = await tokyoWorld();
    const { log, sharing } = await rebound.logRejection(as('rep'), aRejection);
    expect(log).toMatchObject({
      authorId: 'rep',
      tenantId: TENANT,
      visibility: 'private',
      askedWhy: true,
      reason: 'timing',
    });
    expect(sharing).toMatchObject({ audience: [], notifications: [] });
    expect(await store.getLog(TENANT, log.id)).toEqual(log);
  });

  it('uses the rep’s default visibility when the log does not say', async () => {
    const { rebound } = await tokyoWorld();
    await rebound.updateSettings(as('rep'), { privacy: { defaultVisibility: 'manager' } });
    const { log, sharing } = await rebound.logRejection(as('rep'), aRejection);
    expect(log.visibility).toBe('manager');
    expect(sharing.notifications).toEqual([
      expect.objectContaining({ kind: 'manager-notification', recipientId: 'mgr', itemId: log.id }),
    ]);
  });

  it('edits what the log says and records later outcomes on the rep’s local date', async () => {
    const { rebound } = await tokyoWorld();
    const { log } = await rebound.logRejection(as('rep'), aRejection);
    const { log: edited } = await rebound.editLog(as('rep'), {
      logId: log.id,
      changes: { learned: '次は決裁の時期を先に聞く', discovery: '' },
    });
    expect(edited.learned).toBe('次は決裁の時期を先に聞く');
    expect(edited.discovery).toBeUndefined();
    const { outcome } = await rebound.recordOutcome(as('rep'), { logId: log.id, kind: 'reopened' });
    // The test clock starts at 2026-11-24T00:00Z, already the 24th in Tokyo (09:00).
    expect(outcome).toMatchObject({ logId: log.id, kind: 'reopened', occurredOn: '2026-11-24' });
    const mine = await rebound.listMyItems(as('rep'));
    expect(mine.logs[0]?.outcomes.map((o) => o.kind)).toEqual(['reopened']);
    await expect(rebound.recordOutcome(as('peer'), { logId: log.id, kind: 'won-later' })).rejects.toMatchObject({
      code: 'not-found',
    });
  });

  it('needs the person to be registered first', async () => {
    const { rebound } = await tokyoWorld();
    await expect(rebound.logRejection(as('stranger'), aRejection)).rejects.toMatchObject({
      code: 'not-found',
      messageKey: 'error.not-found',
    });
  });
});

describe('check-ins', () => {
  it('keys a daily check-in by the rep’s local date and a weekly one by ISO week', async () => {
    const { rebound } = await tokyoWorld();
    const daily = await rebound.submitCheckIn(as('rep'), { pressure: 3, energy: 4 });
    const weekly = await rebound.submitCheckIn(as('rep'), { cadence: 'weekly', pressure: 3, energy: 4 });
    expect(daily.checkIn.periodKey).toBe('2026-11-24');
    expect(weekly.checkIn.periodKey).toBe('2026-W48');
  });

  it('refuses a second check-in for the same period as a conflict, and lets the first be edited', async () => {
    const { rebound } = await tokyoWorld();
    const { checkIn } = await rebound.submitCheckIn(as('rep'), { pressure: 3, energy: 4 });
    const second = await rebound.submitCheckIn(as('rep'), { pressure: 5, energy: 1 }).catch((e) => e);
    expect(isReboundError(second, 'conflict')).toBe(true);
    expect(second.localize('ja').message).toContain('2026-11-24');
    const { checkIn: edited } = await rebound.editCheckIn(as('rep'), {
      checkInId: checkIn.id,
      changes: { pressure: 5 },
    });
    expect(edited).toMatchObject({ id: checkIn.id, pressure: 5, energy: 4 });
    expect((await rebound.listMyItems(as('rep'))).checkIns).toHaveLength(1);
  });

  it('shows the support contacts at once and tells the managers when the rep would like to talk', async () => {
    const contacts = [
      { kind: 'hr', name: '人事部 相談窓口', contact: 'hr@example.com' },
      { kind: 'occupational-physician', name: '産業医 山本先生', contact: 'https://example.com/doctor' },
    ] as const;
    const { rebound } = await tokyoWorld({ supportContacts: [...contacts] });
    const quiet = await rebound.submitCheckIn(as('peer'), { pressure: 2, energy: 4 });
    expect(quiet.supportContacts).toEqual([]);
    const asked = await rebound.submitCheckIn(as('rep'), { pressure: 5, energy: 1, supportRequested: true });
    expect(asked.supportContacts).toEqual(contacts);
    expect(asked.supportNotifications).toEqual([
      expect.objectContaining({ kind: 'support-requested', recipientId: 'mgr', subjectId: 'rep' }),
    ]);
    // The check-in itself stays private: the manager learns that the rep would like to talk, not what they wrote.
    await expect(rebound.viewItem(as('mgr'), { itemKind: 'check-in', itemId: asked.checkIn.id })).rejects.toMatchObject(
      { code: 'not-found' },
    );
  });
});

describe('a manager’s inbox', () => {
  it('lists items shared with the manager until answered, and never peers’ team items to a rep', async () => {
    const { rebound } = await tokyoWorld();
    const { log } = await rebound.logRejection(as('rep'), { ...aRejection, visibility: 'team' });
    const waiting = (await rebound.inbox(as('mgr'))).waiting;
    expect(waiting.map((w) => [w.view.item.id, w.owner?.displayName])).toEqual([[log.id, '佐藤 花子']]);
    expect((await rebound.inbox(as('peer'))).waiting).toEqual([]);
    expect((await rebound.inbox(as('otherMgr'))).waiting).toEqual([]);
  });

  it('previews for the rep exactly what their managers can see', async () => {
    const { rebound } = await tokyoWorld();
    await rebound.logRejection(as('rep'), { ...aRejection, customerLabel: 'private one' });
    const { log } = await rebound.logRejection(as('rep'), {
      ...aRejection,
      customerLabel: 'shared one',
      visibility: 'manager',
    });
    const preview = await rebound.previewManagerView(as('rep'));
    expect(preview.managers).toEqual([{ id: 'mgr', displayName: '田中 部長' }]);
    expect(preview.items.map((i) => i.view.item.id)).toEqual([log.id]);
    expect(preview.signalsShared).toBe(false);
  });
});

describe('settings', () => {
  it('changes only the given settings and keeps the schedule off until the rep opts in', async () => {
    const { rebound } = await tokyoWorld();
    const before = await rebound.getSettings(as('rep'));
    expect(before.schedule.enabled).toBe(false);
    expect(before.person.privacy).toEqual({
      defaultVisibility: 'private',
      shareSignalsWithManagers: false,
      countInTeamStats: true,
    });
    const after = await rebound.updateSettings(as('rep'), {
      language: 'ja',
      privacy: { countInTeamStats: false },
      schedule: { enabled: true, checkInTime: '18:00', checkInDays: [1, 3, 5] },
    });
    expect(after.person).toMatchObject({
      language: 'ja',
      privacy: { defaultVisibility: 'private', countInTeamStats: false },
    });
    expect(after.schedule).toMatchObject({
      enabled: true,
      checkInTime: '18:00',
      checkInDays: [1, 3, 5],
      cadence: 'daily',
    });
  });
});

describe('pausing check-ins', () => {
  it('pauses for the given days from now and resumes with zero, changing nothing else', async () => {
    const { rebound } = await tokyoWorld();
    await rebound.updateSettings(as('rep'), { schedule: { enabled: true, checkInTime: '18:00' } });
    const paused = await rebound.pauseCheckIns(as('rep'), { days: 3 });
    expect(paused.schedule).toMatchObject({ enabled: true, checkInTime: '18:00' });
    expect(Date.parse(paused.schedule.snoozeUntil!) - Date.parse('2026-11-24T00:00:00Z')).toBeGreaterThanOrEqual(
      3 * 86_400_000,
    );
    expect((await rebound.pauseCheckIns(as('rep'), { days: 0 })).schedule.snoozeUntil).toBeNull();
    await expect(rebound.pauseCheckIns(as('rep'), { days: 365 })).rejects.toMatchObject({ code: 'validation' });
  });
});

describe('my trends', () => {
  it('sum up only the rep’s own last 30 days: pressure and energy over time, asked-why and discovery rates', async () => {
    const { rebound } = await tokyoWorld();
    await rebound.logRejection(as('rep'), { ...aRejection, askedWhy: true });
    await rebound.logRejection(as('rep'), { ...aRejection, askedWhy: false, discovery: '' });
    await rebound.logRejection(as('rep'), { ...aRejection, occurredAt: '2026-09-01T00:00:00Z' });
    await rebound.logRejection(as('peer'), { ...aRejection });
    await rebound.submitCheckIn(as('rep'), { pressure: 4, energy: 2 });
    const trends = await rebound.myTrends(as('rep'));
    expect(trends).toMatchObject({ logs: 2, askedWhyRate: 0.5, discoveryRate: 0.5, checkIns: 1 });
    expect(trends.points.map((p) => [p.pressure, p.energy])).toEqual([[4, 2]]);
    expect((await rebound.myTrends(as('mgr'))).logs).toBe(0);
  });
});

describe('naming a manager', () => {
  it('offers the registered people of the tenant’s teams, minus the rep and anyone already asked', async () => {
    const { rebound } = await tokyoWorld();
    const names = async () => (await rebound.managerCandidates(as('outsider'))).map((p) => p.id).sort();
    expect(await names()).toEqual(['mgr', 'otherMgr', 'peer', 'rep']);
    await rebound.requestManager(as('outsider'), { managerId: 'mgr' });
    expect(await names()).toEqual(['otherMgr', 'peer', 'rep']);
    expect(await rebound.managerCandidates(as('outsider'), { limit: 1 })).toHaveLength(1);
  });
});
