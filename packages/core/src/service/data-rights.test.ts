import { describe, expect, it } from 'vitest';
import { aRejection, as, TENANT, tokyoWorld } from './test-world';

describe('export', () => {
  it('contains all of the person’s own data and nothing of anyone else', async () => {
    const { rebound } = await tokyoWorld();
    const { log } = await rebound.logRejection(as('rep'), { ...aRejection, visibility: 'team' });
    await rebound.recordOutcome(as('rep'), { logId: log.id, kind: 'referral' });
    await rebound.submitCheckIn(as('rep'), { pressure: 2, energy: 4 });
    await rebound.logRejection(as('peer'), { ...aRejection, customerLabel: 'Peer customer', visibility: 'team' });

    const data = await rebound.exportMyData(as('rep'));
    expect(data.format).toBe('rebound-export/1');
    expect(data.person?.id).toBe('rep');
    expect(data.rejectionLogs.map((l) => l.id)).toEqual([log.id]);
    expect(data.outcomes.map((o) => o.kind)).toEqual(['referral']);
    expect(data.checkIns).toHaveLength(1);
    expect(data.shares).toEqual([expect.objectContaining({ itemId: log.id, visibility: 'team', audienceSize: 2 })]);
    const text = JSON.stringify(data);
    expect(text).not.toContain('Peer customer');
    expect(text).not.toContain('Ken Ito');
  });
});

describe('erase', () => {
  it('removes everything about the person in one go, takes back posted copies, and stops counting them', async () => {
    const { rebound, store } = await tokyoWorld();
    const { log, sharing } = await rebound.logRejection(as('rep'), { ...aRejection, visibility: 'team' });
    for (const n of sharing.notifications) {
      await rebound.host.markSent(TENANT, n.deliveryId, { messageId: `msg-${n.kind}`, conversationRefId: null });
    }
    await rebound.host.saveConversation(TENANT, {
      kind: 'personal',
      personId: 'rep',
      conversationId: 'a:rep-chat',
      serviceUrl: 'http://127.0.0.1:9/',
      reference: '{}',
    });
    const range = {
      tenantId: TENANT,
      teamIds: ['tokyo'],
      from: '2026-01-01T00:00:00.000Z',
      to: '2027-01-01T00:00:00.000Z',
    };
    expect((await store.insightCounts(range)).find((r) => r.personId === 'rep')?.logs).toBe(1);

    const { takeBacks } = await rebound.eraseMe(as('rep'));

    expect(takeBacks.map((t) => t.messageId).sort()).toEqual(['msg-manager-notification', 'msg-team-story']);
    expect(await store.getPerson(TENANT, 'rep')).toBeNull();
    expect(await store.getLog(TENANT, log.id)).toBeNull();
    expect(await store.findConversationRefs(TENANT, { personId: 'rep' })).toEqual([]);
    expect(await store.listDeliveries(TENANT, { ownerId: 'rep' })).toEqual([]);
    expect((await store.insightCounts(range)).map((r) => r.personId)).toEqual(['peer']);
    await expect(rebound.viewItem(as('mgr'), { itemKind: 'log', itemId: log.id })).rejects.toMatchObject({
      code: 'not-found',
    });
    await expect(rebound.exportMyData(as('rep'))).rejects.toMatchObject({ code: 'not-found' });
  });
});
