import { describe, expect, it } from 'vitest';
import type { CheckIn } from '../records/check-in';
import type { RejectionLog } from '../records/rejection-log';
import { aRejection, as, tokyoWorld } from './test-world';

/**
 * Tokyo Sales where `rep` shared three items with the manager, two of which were then overwritten in the store
 * with records no schema accepts (legacy data, written before the rules existed): a log whose date is not a date,
 * and a check-in for the period 2026-99-99.
 */
async function worldWithBadRecords() {
  const world = await tokyoWorld();
  const { rebound, store } = world;
  const good = (await rebound.logRejection(as('rep'), { ...aRejection, visibility: 'manager' })).log;
  const badLog = (await rebound.logRejection(as('rep'), { ...aRejection, customerLabel: 'Old', visibility: 'manager' }))
    .log;
  const badCheckIn = (await rebound.submitCheckIn(as('rep'), { pressure: 3, energy: 3, visibility: 'manager' }))
    .checkIn;
  await store.putLog({ ...badLog, occurredAt: 'sometime last spring' } as RejectionLog);
  await store.putCheckIn({ ...badCheckIn, periodKey: '2026-99-99' } as CheckIn);
  return { ...world, good, badLog, badCheckIn };
}

describe('stored records that cannot be read', () => {
  it('are listed as unreadable in the rep’s items, and the rest are listed as usual', async () => {
    const { rebound, good, badLog, badCheckIn } = await worldWithBadRecords();
    const mine = await rebound.listMyItems(as('rep'));
    expect(mine.logs.map((l) => l.log.id)).toEqual([good.id]);
    expect(mine.checkIns).toEqual([]);
    expect(mine.unreadable).toEqual([
      { kind: 'log', id: badLog.id, at: null, visibility: 'manager' },
      { kind: 'check-in', id: badCheckIn.id, at: badCheckIn.submittedAt, visibility: 'manager' },
    ]);
  });

  it('are listed as unreadable in the manager’s inbox, with who shared them, and the rest wait as usual', async () => {
    const { rebound, good, badLog, badCheckIn } = await worldWithBadRecords();
    const inbox = await rebound.inbox(as('mgr'));
    expect(inbox.waiting.map((w) => w.view.item.id)).toEqual([good.id]);
    expect(inbox.unreadable.map((u) => [u.itemKind, u.itemId, u.owner?.displayName]).sort()).toEqual(
      [
        ['check-in', badCheckIn.id, '佐藤 花子'],
        ['log', badLog.id, '佐藤 花子'],
      ].sort(),
    );
  });

  it('answer a single view with a typed, localized "cannot be read", never a crash', async () => {
    const { rebound, badCheckIn } = await worldWithBadRecords();
    const ref = { itemKind: 'check-in', itemId: badCheckIn.id } as const;
    const error = await rebound.viewItem(as('mgr'), ref).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'conflict', messageKey: 'error.unreadable', params: { thing: 'check-in' } });
    expect((error as { localize(l: 'ja'): { message: string } }).localize('ja').message).toBe(
      'この振り返りは Rebound が読めない形で保存されているため、表示できません。',
    );
    await expect(rebound.replySuggestions(as('mgr'), { ...ref, locale: 'en' })).rejects.toMatchObject({
      messageKey: 'error.unreadable',
    });
    // Someone it was not shared with still learns nothing about it.
    await expect(rebound.viewItem(as('outsider'), ref)).rejects.toMatchObject({ code: 'not-found' });
  });

  it('are exported as stored, apart from the readable ones', async () => {
    const { rebound, good, badLog, badCheckIn } = await worldWithBadRecords();
    const exported = await rebound.exportMyData(as('rep'));
    expect(exported.rejectionLogs.map((l) => l.id)).toEqual([good.id]);
    expect(exported.checkIns).toEqual([]);
    expect(exported.unreadable).toEqual([
      { kind: 'log', record: expect.objectContaining({ id: badLog.id, occurredAt: 'sometime last spring' }) },
      { kind: 'check-in', record: expect.objectContaining({ id: badCheckIn.id, periodKey: '2026-99-99' }) },
    ]);
    expect(() => JSON.stringify(exported)).not.toThrow();
  });

  it('can still be withdrawn by their author, but not shared any further', async () => {
    const { rebound, badLog } = await worldWithBadRecords();
    const ref = { itemKind: 'log', itemId: badLog.id } as const;
    await expect(rebound.setVisibility(as('rep'), { ...ref, visibility: 'team' })).rejects.toMatchObject({
      code: 'conflict',
      messageKey: 'error.unreadable',
    });
    const withdrawn = await rebound.setVisibility(as('rep'), { ...ref, visibility: 'private' });
    expect(withdrawn.visibility).toBe('private');
    expect((await rebound.inbox(as('mgr'))).unreadable.map((u) => u.itemId)).not.toContain(badLog.id);
  });
});
