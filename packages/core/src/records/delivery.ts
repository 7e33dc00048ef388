import { z } from 'zod';
import { itemKindSchema } from './enums';
import { idSchema, instantSchema, tenantIdSchema } from './primitives';

/** Where the bot can reach a person (personal chat) or a team (channel). */
export const conversationRefSchema = z.strictObject({
  tenantId: tenantIdSchema,
  id: idSchema,
  kind: z.enum(['personal', 'channel']),
  personId: idSchema.nullable(),
  teamId: idSchema.nullable(),
  conversationId: z.string().min(1).max(1000),
  serviceUrl: z.string().url().max(500),
  /** The host's raw conversation reference (JSON), for proactive sends. Bounded. */
  reference: z.string().max(8000),
  /** False after uninstall, member removal, or a 403/404 from the channel. */
  active: z.boolean(),
  updatedAt: instantSchema,
});
export type ConversationRef = z.infer<typeof conversationRefSchema>;

export const DELIVERY_KINDS = [
  'check-in',
  'check-in-reminder',
  'next-step-reminder',
  'digest',
  'manager-notification',
  'team-story',
  'reply',
  'manager-request',
  'support-requested',
] as const;
export const deliveryKindSchema = z.enum(DELIVERY_KINDS);
export type DeliveryKind = z.infer<typeof deliveryKindSchema>;

export const DELIVERY_STATUSES = ['pending', 'sent', 'failed', 'withdrawn', 'skipped'] as const;

/**
 * What was (or is to be) sent. `key` is unique: (kind, subject, period) for scheduled sends, so a period is
 * never sent twice; (kind, item, recipient) for notifications.
 */
export const deliverySchema = z.strictObject({
  tenantId: tenantIdSchema,
  id: idSchema,
  key: z.string().min(1).max(500),
  kind: deliveryKindSchema,
  /** The person who receives it (personal chat), or null for a channel post. */
  recipientId: idSchema.nullable(),
  teamId: idSchema.nullable(),
  conversationRefId: idSchema.nullable(),
  /** The item it shows, and that item's owner, so withdraw and erase can take it back. */
  itemKind: itemKindSchema.nullable(),
  itemId: idSchema.nullable(),
  ownerId: idSchema.nullable(),
  /** The period a scheduled send is about (a local date or ISO week), or null. */
  periodKey: z.string().max(40).nullable(),
  /**
   * The record the message is about besides the item: the reply (`reply`), the manager request
   * (`manager-request`), the rep who asked for support (`support-requested`). Null otherwise.
   */
  subjectId: idSchema.nullable().default(null),
  /** Post without the author's name (team stories shared anonymously). */
  anonymous: z.boolean().default(false),
  messageId: z.string().max(500).nullable(),
  status: z.enum(DELIVERY_STATUSES),
  attempts: z.number().int().min(0),
  lastError: z.string().max(500).nullable(),
  dueAt: instantSchema,
  createdAt: instantSchema,
  updatedAt: instantSchema,
});
export type Delivery = z.infer<typeof deliverySchema>;
