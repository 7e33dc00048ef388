import { describe, expect, it } from 'vitest';
import { isReboundError } from '../errors';
import { as, TENANT, tokyoWorld } from './test-world';

describe('naming a manager', () => {
  it('refuses an id that is no person of the tenant, naming the field, and stores nothing', async () => {
    const { rebound, store } = await tokyoWorld();
    for (const managerId of ['nobody-here', 'mgr-of-another-tenant']) {
      const error = await rebound.requestManager(as('outsider'), { managerId }).catch((e: unknown) => e);
      expect(isReboundError(error, 'validation')).toBe(true);
      const { fields } = error as { fields: { path: string; messageKey: string }[] };
      expect(fields).toEqual([{ path: 'managerId', messageKey: 'validation.not-a-person', params: {} }]);
      expect(
        (error as { localize(l: 'en'): { fields: { message: string }[] } }).localize('en').fields[0]?.message,
      ).toBe('Manager is not someone in your organisation who uses Rebound.');
    }
    expect(await store.listAssignments(TENANT, { repId: 'outsider' })).toEqual([]);
    expect(await store.listDeliveries(TENANT, { recipientId: 'nobody-here' })).toEqual([]);
  });

  it('refuses someone registered in another tenant only', async () => {
    const { rebound, store } = await tokyoWorld();
    await rebound.registerPerson(as('elsewhere', 'tenant-b'), { displayName: 'Elsewhere' });
    await expect(rebound.requestManager(as('outsider'), { managerId: 'elsewhere' })).rejects.toMatchObject({
      code: 'validation',
      fields: [{ path: 'managerId' }],
    });
    expect(await store.listAssignments(TENANT, { repId: 'outsider' })).toEqual([]);
  });
});
