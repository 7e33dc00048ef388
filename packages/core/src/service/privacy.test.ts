import { describe, expect, it } from 'vitest';
import type { Visibility } from '../records/enums';
import { anonymityWorld, aRejection, as, TENANT, tokyoWorld } from './test-world';

type Seen = 'owner' | 'named' | 'anonymous' | 'none';
// Who sees a log of `rep` (Tokyo) at each visibility. Managers of other teams and their reps see nothing.
const matrix: Record<Visibility, Record<string, Seen>> = {
  private: { rep: 'owner', mgr: 'none', peer: 'none', otherMgr: 'none', outsider: 'none' },
  manager: { rep: 'owner', mgr: 'named', peer: 'none', otherMgr: 'none', outsider: 'none' },
  team: { rep: 'owner', mgr: 'named', peer: 'named', otherMgr: 'none', outsider: 'none' },
  'team-anonymous': { rep: 'owner', mgr: 'anonymous', peer: 'anonymous', otherMgr: 'none', outsider: 'none' },
};

describe('who sees what', () => {
  for (const [visibility, expected] of Object.entries(matrix) as [Visibility, Record<string, Seen>][]) {
    it(`a log shared as "${visibility}" is seen exactly by ${Object.entries(expected)
      .filter(([, s]) => s !== 'none')
      .map(([p]) => p)
      .join(', ')}`, async () => {
      const { rebound } = await anonymityWorld();
      const { log } = await rebound.logRejection(as('rep'), { ...aRejection, visibility });
      for (const [viewer, seen] of Object.entries(expected)) {
        const view = rebound.viewItem(as(viewer), { itemKind: 'log', itemId: log.id });
        if (seen === 'none') {
          await expect(view, viewer).rejects.toMatchObject({ code: 'not-found' });
          continue;
        }
        const v = await view;
        expect(v.access, viewer).toBe(seen);
        expect(v.item.authorId, viewer).toBe(seen === 'anonymous' ? null : 'rep');
        const listed = (await rebound.viewPerson(as(viewer), 'rep')).items.map((i) => i.view.item.id);
        expect(listed.includes(log.id), `${viewer} finds it under rep's name`).toBe(
          seen === 'owner' || seen === 'named',
        );
      }
      // Nobody in another tenant sees anything, even with the same ids.
      await expect(rebound.viewItem(as('mgr', 'tenant-b'), { itemKind: 'log', itemId: log.id })).rejects.toMatchObject({
        code: 'not-found',
      });
    });
  }

  it('an anonymous story hides the author and the customer from everyone else, in every view', async () => {
    const { rebound } = await anonymityWorld();
    const { log, sharing } = await rebound.logRejection(as('rep'), { ...aRejection, visibility: 'team-anonymous' });
    const view = await rebound.viewItem(as('peer'), { itemKind: 'log', itemId: log.id });
    expect(JSON.stringify(view)).not.toContain('"rep"');
    expect(JSON.stringify(view)).not.toContain('Bakery in Shibuya');
    expect(view.item).toMatchObject({ authorId: null, customerLabel: null, customerWords: aRejection.customerWords });
    expect((await rebound.inbox(as('mgr'))).waiting).toEqual([]);
    expect((await rebound.previewManagerView(as('rep'))).items).toEqual([]);
    expect(sharing.notifications.map((n) => [n.kind, n.teamId, n.anonymous, n.recipientId])).toEqual([
      ['team-story', 'tokyo', true, null],
    ]);
  });

  it('check-ins follow the same rules as logs', async () => {
    const { rebound } = await tokyoWorld();
    const { checkIn } = await rebound.submitCheckIn(as('rep'), { pressure: 4, energy: 2, visibility: 'manager' });
    expect((await rebound.viewItem(as('mgr'), { itemKind: 'check-in', itemId: checkIn.id })).access).toBe('named');
    await expect(rebound.viewItem(as('peer'), { itemKind: 'check-in', itemId: checkIn.id })).rejects.toMatchObject({
      code: 'not-found',
    });
  });
});

describe('sharing is recorded as the exact people at that moment', () => {
  it('a manager who joins later does not see earlier items until the rep shares them again', async () => {
    const { rebound } = await tokyoWorld();
    const { log } = await rebound.logRejection(as('rep'), { ...aRejection, visibility: 'manager' });
    await rebound.registerPerson(as('newMgr'), { displayName: 'New Manager' });
    await rebound.admin.syncOrgChart(TENANT, {
      teams: [{ id: 'tokyo', name: 'Tokyo Sales', managers: ['mgr', 'newMgr'], reps: ['rep', 'peer'] }],
    });

    await expect(rebound.viewItem(as('newMgr'), { itemKind: 'log', itemId: log.id })).rejects.toMatchObject({
      code: 'not-found',
    });
    expect((await rebound.inbox(as('newMgr'))).waiting).toEqual([]);

    const again = await rebound.setVisibility(as('rep'), { itemKind: 'log', itemId: log.id, visibility: 'manager' });
    expect(again.audience).toEqual(['mgr', 'newMgr']);
    // Only the newcomer is told; the first manager already has it.
    expect(again.notifications.map((n) => n.recipientId)).toEqual(['newMgr']);
    expect(again.takeBacks).toEqual([]);
    expect((await rebound.viewItem(as('newMgr'), { itemKind: 'log', itemId: log.id })).access).toBe('named');
  });

  it('a manager the rep names and who accepts sees what the rep shares from then on', async () => {
    const { rebound } = await tokyoWorld();
    const { assignment, notification } = await rebound.requestManager(as('outsider'), { managerId: 'mgr' });
    expect(notification).toMatchObject({ kind: 'manager-request', recipientId: 'mgr', subjectId: assignment.id });
    await expect(
      rebound.answerManagerRequest(as('outsider'), { assignmentId: assignment.id, accept: true }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await expect(
      rebound.answerManagerRequest(as('peer'), { assignmentId: assignment.id, accept: true }),
    ).rejects.toMatchObject({ code: 'not-found' });
    await rebound.answerManagerRequest(as('mgr'), { assignmentId: assignment.id, accept: true });
    const { sharing } = await rebound.logRejection(as('outsider'), { ...aRejection, visibility: 'manager' });
    expect(sharing.audience).toEqual(['mgr', 'otherMgr']);
    await expect(rebound.requestManager(as('outsider'), { managerId: 'mgr' })).rejects.toMatchObject({
      code: 'conflict',
    });
    await expect(rebound.requestManager(as('outsider'), { managerId: 'outsider' })).rejects.toMatchObject({
      code: 'conflict',
    });
  });
});

describe('withdrawing', () => {
  it('removes access at once and returns the posted copies to take back', async () => {
    const { rebound } = await tokyoWorld();
    const { log, sharing } = await rebound.logRejection(as('rep'), { ...aRejection, visibility: 'team' });
    expect(sharing.notifications.map((n) => n.kind).sort()).toEqual(['manager-notification', 'team-story']);
    const [managerCard, story] = [...sharing.notifications].sort((a, b) => a.kind.localeCompare(b.kind));
    await rebound.host.markSent(TENANT, managerCard!.deliveryId, { messageId: 'msg-mgr', conversationRefId: null });
    // The story was never sent: it must not be sent now, and there is no message to edit.

    const withdrawn = await rebound.setVisibility(as('rep'), {
      itemKind: 'log',
      itemId: log.id,
      visibility: 'private',
    });

    expect(withdrawn.notifications).toEqual([]);
    expect(withdrawn.takeBacks.map((t) => [t.kind, t.messageId]).sort()).toEqual([
      ['manager-notification', 'msg-mgr'],
      ['team-story', null],
    ]);
    expect((await rebound.host.getDelivery(TENANT, story!.deliveryId))?.status).toBe('withdrawn');
    for (const viewer of ['mgr', 'peer']) {
      await expect(rebound.viewItem(as(viewer), { itemKind: 'log', itemId: log.id })).rejects.toMatchObject({
        code: 'not-found',
      });
    }
    expect((await rebound.inbox(as('mgr'))).waiting).toEqual([]);
  });

  it('making a named story anonymous takes the named one back and posts it again without the name', async () => {
    const { rebound } = await anonymityWorld();
    const { log, sharing } = await rebound.logRejection(as('rep'), { ...aRejection, visibility: 'team' });
    const story = sharing.notifications.find((n) => n.kind === 'team-story')!;
    await rebound.host.markSent(TENANT, story.deliveryId, { messageId: 'story-1', conversationRefId: null });
    const changed = await rebound.setVisibility(as('rep'), {
      itemKind: 'log',
      itemId: log.id,
      visibility: 'team-anonymous',
    });
    expect(changed.takeBacks.map((t) => t.messageId)).toContain('story-1');
    expect(changed.notifications).toEqual([
      expect.objectContaining({ kind: 'team-story', anonymous: true, teamId: 'tokyo' }),
    ]);
    expect((await rebound.viewItem(as('mgr'), { itemKind: 'log', itemId: log.id })).access).toBe('anonymous');
  });

  it('only the author can change who sees an item, and others learn nothing about it', async () => {
    const { rebound } = await tokyoWorld();
    const { log } = await rebound.logRejection(as('rep'), { ...aRejection, visibility: 'manager' });
    await expect(
      rebound.setVisibility(as('mgr'), { itemKind: 'log', itemId: log.id, visibility: 'team' }),
    ).rejects.toMatchObject({ code: 'not-found' });
    await expect(rebound.editLog(as('mgr'), { logId: log.id, changes: { learned: 'x' } })).rejects.toMatchObject({
      code: 'not-found',
    });
    expect((await rebound.viewItem(as('peer'), { itemKind: 'log', itemId: log.id }).catch((e) => e)).code).toBe(
      'not-found',
    );
  });
});
