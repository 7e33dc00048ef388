import { ReboundError } from '../errors';
import { audienceFor, type Item, managersOf } from '../privacy/policy';
import type { Visibility } from '../records/enums';
import type { Share } from '../records/share';
import type { StoreOps } from '../store/port';
import type { ServiceContext } from './context';
import { type Notification, notify, type TakeBack, takeBackCopies } from './notifications';

export interface SharingResult {
  visibility: Visibility;
  /** The exact people who can see the item through this share (empty when private). */
  audience: string[];
  teamIds: string[];
  notifications: Notification[];
  takeBacks: TakeBack[];
}

/**
 * An anonymous item is anonymous only among enough people who could have written it: every team the owner
 * belongs to needs at least `k` reps who use Rebound (the owner counted). Otherwise the share is refused
 * (`conflict`, `error.anonymous.too-few-reps` with `k`) and nothing changes: in a team of one rep, "shared
 * anonymously" names its author.
 */
async function requireAnonymity(tx: StoreOps, tenantId: string, ownerId: string, k: number): Promise<void> {
  for (const own of await tx.listMemberships(tenantId, { personId: ownerId })) {
    const writers = new Set([ownerId]);
    for (const member of await tx.listMemberships(tenantId, { teamId: own.teamId })) {
      if (writers.size >= k) break;
      if (member.role === 'rep' && (await tx.getPerson(tenantId, member.personId))) writers.add(member.personId);
    }
    if (writers.size < k) throw new ReboundError('conflict', 'error.anonymous.too-few-reps', { params: { k } });
  }
}

/**
 * Puts an item at `visibility`. Sharing records the exact audience now. Choosing the same shared visibility
 * again shares it again: people who joined since (a new manager) get it, nobody gets it twice. Any other change
 * withdraws the earlier shares and takes back what was posted (a named story is taken back when the rep makes
 * it anonymous, and posted again without the name).
 */
export async function applyVisibility(
  tx: StoreOps,
  ctx: ServiceContext,
  item: Item,
  visibility: Visibility,
  /** True for an item created in this transaction: it cannot have shares or posted copies yet. */
  isNew = false,
): Promise<SharingResult> {
  const { tenantId, authorId: ownerId, id: itemId } = item.record;
  if (isNew && visibility === 'private')
    return { visibility, audience: [], teamIds: [], notifications: [], takeBacks: [] };
  if (visibility === 'team-anonymous') await requireAnonymity(tx, tenantId, ownerId, ctx.privacy.k);
  const now = ctx.now();
  const active = isNew ? [] : (await tx.listShares(tenantId, { itemId })).filter((s) => s.withdrawnAt === null);
  const shareAgain = visibility !== 'private' && visibility === item.record.visibility && active.length > 0;

  let takeBacks: TakeBack[] = [];
  if (!shareAgain && !isNew) {
    for (const share of active) await tx.putShare({ ...share, withdrawnAt: now });
    takeBacks = await takeBackCopies(tx, ctx, tenantId, itemId);
  }
  if (visibility !== item.record.visibility) {
    if (item.kind === 'log') await tx.putLog({ ...item.record, visibility, updatedAt: now });
    else await tx.putCheckIn({ ...item.record, visibility, updatedAt: now });
  }
  if (visibility === 'private') return { visibility, audience: [], teamIds: [], notifications: [], takeBacks };

  const { audience, teamIds } = await audienceFor(tx, tenantId, ownerId, visibility);
  const share: Share = {
    tenantId,
    id: ctx.newId(),
    itemKind: item.kind,
    itemId,
    ownerId,
    visibility,
    audience,
    teamIds,
    sharedAt: now,
    withdrawnAt: null,
  };
  await tx.putShare(share);

  const reached = new Set(shareAgain ? active.flatMap((s) => s.audience) : []);
  const posted = new Set(shareAgain ? active.flatMap((s) => s.teamIds) : []);
  const notifications: Notification[] = [];
  const base = { itemKind: item.kind, itemId, ownerId, cause: share.id };
  if (visibility === 'manager' || visibility === 'team') {
    const managers = visibility === 'manager' ? audience : await managersOf(tx, tenantId, ownerId);
    for (const managerId of managers) {
      if (reached.has(managerId) || !audience.includes(managerId)) continue;
      notifications.push(
        await notify(tx, ctx, tenantId, { ...base, kind: 'manager-notification', recipientId: managerId }),
      );
    }
  }
  if ((visibility === 'team' || visibility === 'team-anonymous') && item.kind === 'log') {
    for (const teamId of teamIds) {
      if (posted.has(teamId)) continue;
      notifications.push(
        await notify(tx, ctx, tenantId, {
          ...base,
          kind: 'team-story',
          teamId,
          anonymous: visibility === 'team-anonymous',
        }),
      );
    }
  }
  return { visibility, audience, teamIds, notifications, takeBacks };
}
