import { describe, expect, it } from 'vitest';
import { isReboundError, type ReboundError } from '../errors';
import { anonymityWorld, aRejection, as, TENANT, tokyoWorld } from './test-world';

async function refusal(promise: Promise<unknown>): Promise<ReboundError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!isReboundError(error)) throw new Error(`expected a ReboundError, got ${String(error)}`);
  return error;
}

describe('anonymous stories need enough reps who could have written them', () => {
  it('refuses an anonymous log in a team of two reps under the default k, says why in both languages, stores nothing', async () => {
    const { rebound, store } = await tokyoWorld();
    const error = await refusal(rebound.logRejection(as('rep'), { ...aRejection, visibility: 'team-anonymous' }));
    expect(error).toMatchObject({ code: 'conflict', messageKey: 'error.anonymous.too-few-reps', params: { k: 5 } });
    expect(error.localize('en').message).toMatch(/^An anonymous story needs at least 5 reps in your team/);
    expect(error.localize('ja').message).toMatch(
      /^匿名で共有するには、書いた可能性のあるメンバーがチームに5人以上必要です。/,
    );
    // The refusal names nobody.
    expect(JSON.stringify(error.localize('ja'))).not.toContain('佐藤');
    expect(await store.listLogs(TENANT, { authorId: 'rep' })).toEqual([]);
    expect(await store.listDeliveries(TENANT, { ownerId: 'rep' })).toEqual([]);
  });

  it('refuses making a shared item anonymous and leaves it shared as it was; named or private still work', async () => {
    const { rebound, store } = await tokyoWorld();
    const { log } = await rebound.logRejection(as('rep'), { ...aRejection, visibility: 'manager' });
    const shares = await store.listShares(TENANT, { itemId: log.id });
    const error = await refusal(
      rebound.setVisibility(as('rep'), { itemKind: 'log', itemId: log.id, visibility: 'team-anonymous' }),
    );
    expect(error.messageKey).toBe('error.anonymous.too-few-reps');
    expect((await store.getLog(TENANT, log.id))?.visibility).toBe('manager');
    expect(await store.listShares(TENANT, { itemId: log.id })).toEqual(shares);
    expect(
      (await rebound.setVisibility(as('rep'), { itemKind: 'log', itemId: log.id, visibility: 'team' })).audience,
    ).toEqual(['mgr', 'peer']);
    expect(
      (await rebound.setVisibility(as('rep'), { itemKind: 'log', itemId: log.id, visibility: 'private' })).audience,
    ).toEqual([]);
  });

  it('applies to check-ins shared anonymously too', async () => {
    const { rebound } = await tokyoWorld();
    const error = await refusal(
      rebound.submitCheckIn(as('rep'), { pressure: 4, energy: 2, visibility: 'team-anonymous' }),
    );
    expect(error.messageKey).toBe('error.anonymous.too-few-reps');
  });

  it('counts reps who use Rebound, the author included: managers and people who never came do not count', async () => {
    const { rebound } = await tokyoWorld({ privacy: { k: 3 } });
    // The org chart names a third rep, who has never used Rebound: still two who could have written it.
    await rebound.admin.syncOrgChart(TENANT, {
      teams: [{ id: 'tokyo', name: 'Tokyo Sales', managers: ['mgr', 'otherMgr'], reps: ['rep', 'peer', 'ghost'] }],
    });
    const share = () => rebound.logRejection(as('rep'), { ...aRejection, visibility: 'team-anonymous' });
    expect((await refusal(share())).params).toEqual({ k: 3 });
    await rebound.registerPerson(as('ghost'), { displayName: 'Now here' });
    const { sharing } = await share();
    expect(sharing.notifications).toEqual([expect.objectContaining({ kind: 'team-story', anonymous: true })]);
  });

  it('needs every team the author belongs to to be large enough', async () => {
    const { rebound } = await anonymityWorld();
    await rebound.admin.syncOrgChart(TENANT, {
      teams: [
        { id: 'tokyo', name: 'Tokyo Sales', managers: ['mgr'], reps: ['rep', 'peer', 'kai'] },
        { id: 'osaka', name: 'Osaka Sales', managers: ['otherMgr'], reps: ['outsider', 'rep'] },
      ],
    });
    const error = await refusal(rebound.logRejection(as('rep'), { ...aRejection, visibility: 'team-anonymous' }));
    expect(error.params).toEqual({ k: 3 });
  });

  it('shares anonymously once k reps could have written it', async () => {
    const { rebound } = await anonymityWorld();
    const { log, sharing } = await rebound.logRejection(as('rep'), { ...aRejection, visibility: 'team-anonymous' });
    expect(log.visibility).toBe('team-anonymous');
    expect(sharing.notifications).toEqual([
      expect.objectContaining({ kind: 'team-story', teamId: 'tokyo', anonymous: true }),
    ]);
  });
});
