import { z } from 'zod';
import { parseInput } from '../errors';
import type { CheckIn } from '../records/check-in';
import type { ItemKind, Visibility } from '../records/enums';
import type { RejectionLog } from '../records/rejection-log';
import type { Share } from '../records/share';
import type { StoreOps } from '../store/port';

/** `k`: the fewest distinct people a team figure may be built from. Default 5; never below 3. */
export const privacyConfigSchema = z
  .strictObject({ k: z.number().int().min(3).max(1000).default(5) })
  .default({ k: 5 });
export type PrivacyConfig = z.output<typeof privacyConfigSchema>;

export function privacyConfig(input: unknown): PrivacyConfig {
  return parseInput(privacyConfigSchema, input);
}

export type Item = { kind: 'log'; record: RejectionLog } | { kind: 'check-in'; record: CheckIn };

/** The people who manage `repId` now: managers of the teams the rep belongs to, and accepted assignments. */
export async function managersOf(store: StoreOps, tenantId: string, repId: string): Promise<string[]> {
  const managers = new Set<string>();
  for (const m of await store.listMemberships(tenantId, { personId: repId })) {
    if (m.role !== 'rep') continue;
    for (const member of await store.listMemberships(tenantId, { teamId: m.teamId })) {
      if (member.role === 'manager') managers.add(member.personId);
    }
  }
  for (const a of await store.listAssignments(tenantId, { repId, status: 'accepted' })) managers.add(a.managerId);
  managers.delete(repId);
  return [...managers].sort();
}

/** The teams `ownerId` belongs to and every other member of them now. */
export async function teamAudienceOf(
  store: StoreOps,
  tenantId: string,
  ownerId: string,
): Promise<{ teamIds: string[]; audience: string[] }> {
  const teamIds = (await store.listMemberships(tenantId, { personId: ownerId })).map((m) => m.teamId).sort();
  const audience = new Set<string>();
  for (const teamId of teamIds) {
    for (const member of await store.listMemberships(tenantId, { teamId })) audience.add(member.personId);
  }
  audience.delete(ownerId);
  return { teamIds, audience: [...audience].sort() };
}

/** Who may see an item shared at `visibility`, decided now and recorded as the exact people. */
export async function audienceFor(
  store: StoreOps,
  tenantId: string,
  ownerId: string,
  visibility: Exclude<Visibility, 'private'>,
): Promise<{ teamIds: string[]; audience: string[] }> {
  if (visibility === 'manager') return { teamIds: [], audience: await managersOf(store, tenantId, ownerId) };
  return teamAudienceOf(store, tenantId, ownerId);
}

/** How a viewer sees an item: as its author, through a named share, through an anonymous share, or not. */
export type Access = 'owner' | 'named' | 'anonymous' | 'none';

export function accessTo(viewerId: string, ownerId: string, shares: readonly Share[]): Access {
  if (viewerId === ownerId) return 'owner';
  let access: Access = 'none';
  for (const share of shares) {
    if (share.withdrawnAt !== null || !share.audience.includes(viewerId)) continue;
    if (share.visibility !== 'team-anonymous') return 'named';
    access = 'anonymous';
  }
  return access;
}

/** A log as someone other than its author may see it. Anonymous views drop who wrote it and whom it was about. */
export interface LogView extends Omit<RejectionLog, 'authorId' | 'customerLabel' | 'tenantId'> {
  authorId: string | null;
  customerLabel: string | null;
}
export interface CheckInView extends Omit<CheckIn, 'authorId' | 'tenantId'> {
  authorId: string | null;
}
export type ItemView =
  | { kind: 'log'; item: LogView; access: Access }
  | { kind: 'check-in'; item: CheckInView; access: Access };

export function viewOf(item: Item, access: Exclude<Access, 'none'>): ItemView {
  const anonymous = access === 'anonymous';
  if (item.kind === 'log') {
    const { tenantId: _t, ...rest } = item.record;
    return {
      kind: 'log',
      access,
      item: {
        ...rest,
        authorId: anonymous ? null : rest.authorId,
        customerLabel: anonymous ? null : rest.customerLabel,
      },
    };
  }
  const { tenantId: _t, ...rest } = item.record;
  return { kind: 'check-in', access, item: { ...rest, authorId: anonymous ? null : rest.authorId } };
}

export function itemKindOf(item: Item): ItemKind {
  return item.kind;
}
