import { describe, expect, it } from 'vitest';
import { as, TENANT, tokyoWorld } from './test-world';

describe('an export through a single-use link', () => {
  it('is given once per link: the use is kept in the store, so a second use is refused', async () => {
    const { rebound, store } = await tokyoWorld();
    const data = await rebound.exportMyData(as('rep'), { linkId: 'link-1' });
    expect(data.person?.id).toBe('rep');
    await expect(rebound.exportMyData(as('rep'), { linkId: 'link-1' })).rejects.toMatchObject({
      code: 'conflict',
      messageKey: 'error.conflict.link-used',
    });
    // Another service on the same store (another instance, or after a restart) knows it too.
    const { rebound: other } = await tokyoWorld({ store });
    await expect(other.exportMyData(as('rep'), { linkId: 'link-1' })).rejects.toMatchObject({ code: 'conflict' });
    expect((await other.exportMyData(as('rep'), { linkId: 'link-2' })).person?.id).toBe('rep');
  });

  it('says not-found once the person erased their data, and the erase takes the spent links with it', async () => {
    const { rebound, store } = await tokyoWorld();
    await rebound.exportMyData(as('rep'), { linkId: 'link-1' });
    await rebound.eraseMe(as('rep'));
    await expect(rebound.exportMyData(as('rep'), { linkId: 'link-2' })).rejects.toMatchObject({
      code: 'not-found',
      params: { thing: 'person' },
    });
    expect(await store.getIdempotencyRecord(TENANT, 'rep', 'exportMyData', 'link-1')).toBeNull();
  });

  it('refuses a link id that is no id, and a link used by someone else is theirs alone', async () => {
    const { rebound } = await tokyoWorld();
    await expect(rebound.exportMyData(as('rep'), { linkId: 'a b' })).rejects.toMatchObject({
      code: 'validation',
      fields: [{ path: 'linkId' }],
    });
    await rebound.exportMyData(as('rep'), { linkId: 'link-1' });
    expect((await rebound.exportMyData(as('peer'), { linkId: 'link-1' })).person?.id).toBe('peer');
  });
});
