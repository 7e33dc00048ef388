import { managerNotificationWithdrawnCard, teamStoryWithdrawnCard } from '@rebound/cards';
import {
  type Notification,
  type Rebound,
  resolveLocale,
  type SharingResult,
  type Store,
  type TakeBack,
} from '@rebound/core';
import type { Activity } from 'botbuilder';
import type { Logger } from 'pino';
import type { ConversationSender } from '../delivery/conversation-sender';
import type { DeliveryQueue } from '../delivery/queue';
import { sendWithRetry } from '../delivery/retry';
import { cardActivity } from './respond';

export interface Deliverer {
  /** Delivers a share's notifications and take-backs; says whether a team story found no channel to go to. */
  sharing(tenantId: string, result: SharingResult): Promise<{ teamWithoutChannel: boolean }>;
  notifications(tenantId: string, notifications: readonly Notification[]): Promise<void>;
  takeBacks(tenantId: string, takeBacks: readonly TakeBack[]): Promise<void>;
  /**
   * Sends a message to a person's chat with the bot that core keeps no record of (a thank-you, the answer to a
   * manager request). False when the person cannot be reached.
   */
  direct(tenantId: string, personId: string, activity: Partial<Activity>): Promise<boolean>;
}

/**
 * What a turn hands over for delivery. Core decided who gets what and wrote it to the outbox; the queue
 * renders and sends it (within Teams' limits, recorded on its Delivery); a failure never fails the turn of
 * the person who acted.
 */
export function createDeliverer(deps: {
  rebound: Rebound;
  store: Store;
  logger: Logger;
  queue: DeliveryQueue;
  sender: ConversationSender;
}): Deliverer {
  const { rebound, store, logger, queue, sender } = deps;

  async function notify(tenantId: string, notifications: readonly Notification[]) {
    try {
      return await queue.sendNow(
        tenantId,
        notifications.map((n) => n.deliveryId),
      );
    } catch (err) {
      // The rows stay pending: the queue's due scan sends them later.
      logger.warn({ err }, 'notifications left for the queue');
      return notifications.map(() => 'retrying' as const);
    }
  }

  async function takeBackOne(tenantId: string, t: TakeBack): Promise<void> {
    if (!t.messageId || !t.conversationRefId || !t.itemId) return;
    try {
      const ref = await rebound.host.conversationFor(
        tenantId,
        t.teamId ? { teamId: t.teamId } : { personId: t.recipientId ?? '' },
      );
      if (!ref || ref.id !== t.conversationRefId) return;
      const person = t.recipientId ? await store.getPerson(tenantId, t.recipientId) : null;
      const locale = resolveLocale(person?.language ?? null, person?.clientLocale ?? null);
      const card =
        t.kind === 'team-story'
          ? teamStoryWithdrawnCard({ locale, storyId: t.itemId })
          : managerNotificationWithdrawnCard({ locale, itemId: t.itemId });
      // Update to the withdrawn form rather than delete: it works everywhere (the Playground cannot delete).
      const messageId = t.messageId;
      await sendWithRetry(() => sender.update(ref, messageId, cardActivity(card)), { maxAttempts: 3 });
    } catch (err) {
      logger.warn({ err, deliveryId: t.deliveryId }, 'take-back failed');
    }
  }

  return {
    async sharing(tenantId, result) {
      for (const t of result.takeBacks) await takeBackOne(tenantId, t);
      const outcomes = await notify(tenantId, result.notifications);
      const teamWithoutChannel = result.notifications.some(
        (n, i) => n.kind === 'team-story' && outcomes[i] === 'unreachable',
      );
      return { teamWithoutChannel };
    },
    async notifications(tenantId, notifications) {
      await notify(tenantId, notifications);
    },
    async takeBacks(tenantId, takeBacks) {
      for (const t of takeBacks) await takeBackOne(tenantId, t);
    },
    async direct(tenantId, personId, activity) {
      const ref = await rebound.host.conversationFor(tenantId, { personId });
      if (!ref) return false;
      try {
        await sendWithRetry(() => sender.send(ref, activity), { maxAttempts: 3 });
        return true;
      } catch (err) {
        logger.warn({ err, personId }, 'direct message failed');
        return false;
      }
    },
  };
}
