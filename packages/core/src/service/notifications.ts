import type { Delivery, DeliveryKind } from '../records/delivery';
import type { ItemKind } from '../records/enums';
import { deliveryTimeOf, holdsBack } from '../scheduling/delivery-time';
import type { StoreOps } from '../store/port';
import type { ServiceContext } from './context';

/**
 * Something a host must deliver after a use case: to a person's chat (`recipientId`) or a team channel
 * (`teamId`). It is backed by a pending `Delivery` written in the same transaction (an outbox), so a host that
 * crashes before sending can find it again; the host marks it sent with the message id it got back.
 */
export interface Notification {
  deliveryId: string;
  kind: DeliveryKind;
  recipientId: string | null;
  teamId: string | null;
  itemKind: ItemKind | null;
  itemId: string | null;
  /** For team stories: post without the author's name. */
  anonymous: boolean;
  /** The reply, for `reply`; the manager request, for `manager-request`. */
  subjectId: string | null;
}

/** A posted message to take back (update to its withdrawn form, or delete) because the item is no longer shared. */
export interface TakeBack {
  deliveryId: string;
  kind: DeliveryKind;
  recipientId: string | null;
  teamId: string | null;
  conversationRefId: string | null;
  /** Null when it was never sent: then there is nothing to edit, and it will not be sent. */
  messageId: string | null;
  itemKind: ItemKind | null;
  itemId: string | null;
}

interface NotifyArgs {
  kind: DeliveryKind;
  recipientId?: string | null;
  teamId?: string | null;
  itemKind?: ItemKind | null;
  itemId?: string | null;
  ownerId?: string | null;
  anonymous?: boolean;
  subjectId?: string | null;
  /** Makes the delivery key unique: the share, reply or request it comes from. */
  cause: string;
}

/** A new pending delivery: what `fields` say, nothing sent, nothing tried yet. */
export function newDelivery(
  ctx: ServiceContext,
  fields: Pick<Delivery, 'tenantId' | 'key' | 'kind' | 'dueAt'> & Partial<Delivery>,
): Delivery {
  const at = ctx.now();
  return {
    id: ctx.newId(),
    recipientId: null,
    teamId: null,
    conversationRefId: null,
    itemKind: null,
    itemId: null,
    ownerId: null,
    periodKey: null,
    subjectId: null,
    anonymous: false,
    messageId: null,
    status: 'pending',
    attempts: 0,
    lastError: null,
    createdAt: at,
    updatedAt: at,
    ...fields,
  };
}

export async function notify(
  tx: StoreOps,
  ctx: ServiceContext,
  tenantId: string,
  args: NotifyArgs,
): Promise<Notification> {
  const target = args.recipientId ?? `team:${args.teamId}`;
  const delivery = newDelivery(ctx, {
    tenantId,
    key: `${args.kind}:${args.cause}:${target}`,
    kind: args.kind,
    dueAt: await dueAtFor(tx, ctx, tenantId, args),
    recipientId: args.recipientId ?? null,
    teamId: args.teamId ?? null,
    itemKind: args.itemKind ?? null,
    itemId: args.itemId ?? null,
    ownerId: args.ownerId ?? null,
    subjectId: args.subjectId ?? null,
    anonymous: args.anonymous ?? false,
  });
  await tx.createDelivery(delivery);
  return notificationFromDelivery(delivery);
}

/**
 * When a notification may reach its recipient: now, unless that is inside their quiet hours or on one of
 * their skip dates or days away (their schedule); then when those end (`deliveryTime`). A channel post has
 * no recipient's hours. When the rep asked for support, it goes now: the request itself, and anything about
 * the check-in in which they asked (the manager's card, the manager's reply).
 */
async function dueAtFor(tx: StoreOps, ctx: ServiceContext, tenantId: string, args: NotifyArgs): Promise<string> {
  const now = ctx.now();
  if (!args.recipientId || args.kind === 'support-requested') return now;
  const schedule = await tx.getSchedule(tenantId, args.recipientId);
  if (!schedule || !holdsBack(schedule)) return now;
  const later = deliveryTimeOf(schedule, (await tx.getPerson(tenantId, args.recipientId))?.timeZone ?? 'UTC', now);
  if (later === now) return now;
  if (args.itemKind === 'check-in' && args.itemId) {
    if ((await tx.getCheckIn(tenantId, args.itemId))?.supportRequested) return now;
  }
  return later;
}

/**
 * What a host must send for a stored delivery: the same `Notification` the use case returned, rebuilt from
 * the outbox row alone, so a queue can send any pending delivery after a restart.
 */
export function notificationFromDelivery(d: Delivery): Notification {
  return {
    deliveryId: d.id,
    kind: d.kind,
    recipientId: d.recipientId,
    teamId: d.teamId,
    itemKind: d.itemKind,
    itemId: d.itemId,
    anonymous: d.anonymous ?? false,
    subjectId: d.subjectId ?? null,
  };
}

const ITEM_COPIES: readonly DeliveryKind[] = ['manager-notification', 'team-story'];

/** Marks every posted copy of an item withdrawn and says what the host must take back. */
export async function takeBackCopies(
  tx: StoreOps,
  ctx: ServiceContext,
  tenantId: string,
  itemId: string,
  keep: (delivery: Delivery) => boolean = () => false,
): Promise<TakeBack[]> {
  const out: TakeBack[] = [];
  for (const d of await tx.listDeliveries(tenantId, { itemId })) {
    if (!ITEM_COPIES.includes(d.kind) || d.status === 'withdrawn' || d.status === 'skipped' || keep(d)) continue;
    await tx.updateDelivery({ ...d, status: 'withdrawn', updatedAt: ctx.now() });
    out.push(toTakeBack(d));
  }
  return out;
}

export function toTakeBack(d: Delivery): TakeBack {
  return {
    deliveryId: d.id,
    kind: d.kind,
    recipientId: d.recipientId,
    teamId: d.teamId,
    conversationRefId: d.conversationRefId,
    messageId: d.status === 'sent' ? d.messageId : null,
    itemKind: d.itemKind,
    itemId: d.itemId,
  };
}
