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
import { TURN_CALL_TIMEOUT_MS } from '../delivery/deadline';
import type { DeliveryQueue, TurnSendOutcome } from '../delivery/queue';
import { sendWithRetry } from '../delivery/retry';
import { currentTurnScope } from '../delivery/send-context';
import { cardActivity } from './respond';

export interface Deliverer {
  /** Delivers a share's notifications and take-backs; says whether a team story found no channel to go to. */
  sharing(tenantId: string, result: SharingResult): Promise<{ teamWithoutChannel: boolean }>;
  notifications(tenantId: string, notifications: readonly Notification[]): Promise<void>;
  takeBacks(tenantId: string, takeBacks: readonly TakeBack[]): Promise<void>;
  /**
   * Sends a message to a person's chat with the bot that core keeps no record of (a thank-you, the answer to a
   * manager request). False when the person cannot be reached; true when it went out, or is still on its way
   * as the turn stops waiting.
   */
  direct(tenantId: string, personId: string, activity: Partial<Activity>): Promise<boolean>;
}

export interface DelivererOptions {
  /**
   * How long one turn waits, in all, for messages to other people to go out before it answers; they go on
   * after that (what fails is retried by the queue). Default 1 s: a person is answered promptly whatever the
   * other person's conversation does (throttled, failing, or not answering at all).
   */
  turnWaitMs?: number;
  /** Deadline of each connector call of a take-back or direct message. Default 4 s. */
  callTimeoutMs?: number;
  /** Take-backs and direct messages still going on after their turn, at most; past it a turn waits for its own. Default 128. */
  maxBackground?: number;
}

/**
 * What a turn hands over for delivery. Core decided who gets what and wrote it to the outbox; the queue
 * renders and sends it (within Teams' limits, recorded on its Delivery); a failure never fails the turn of
 * the person who acted, and a slow recipient never holds it up for more than the turn's wait budget.
 */
export function createDeliverer(
  deps: {
    rebound: Rebound;
    store: Store;
    logger: Logger;
    queue: DeliveryQueue;
    sender: ConversationSender;
  } & DelivererOptions,
): Deliverer {
  const { rebound, store, logger, queue, sender } = deps;
  const turnWaitMs = deps.turnWaitMs ?? 1000;
  const callTimeoutMs = deps.callTimeoutMs ?? TURN_CALL_TIMEOUT_MS;
  const maxBackground = deps.maxBackground ?? 128;
  /** Take-backs and direct messages started by turns that did not wait for them to end. */
  const background = new Set<Promise<unknown>>();
  let saidFull = false;

  /** Runs `work` with what is left of the current turn's wait budget, and counts what it waited. */
  async function withinTurnBudget<T>(work: (waitMs: number) => Promise<T>): Promise<T> {
    const scope = currentTurnScope();
    const started = performance.now();
    try {
      return await work(Math.max(0, turnWaitMs - (scope?.waitedMs ?? 0)));
    } finally {
      if (scope) scope.waitedMs += performance.now() - started;
    }
  }

  /**
   * Waits for `task` at most `waitMs`, then leaves it running (tracked, bounded). With too many already left
   * running, waits for it to the end instead, so that memory stays bounded and nothing is dropped.
   */
  async function awaitWithin<T>(task: Promise<T>, waitMs: number, late: T): Promise<T> {
    if (background.size >= maxBackground) {
      if (!saidFull) {
        saidFull = true;
        logger.warn(
          { limit: maxBackground },
          'delivery background work full: turns wait for their own take-backs and messages',
        );
      }
      return task;
    }
    background.add(task);
    void task.finally(() => {
      background.delete(task);
      if (background.size <= maxBackground / 2) saidFull = false;
    });
    let timer: NodeJS.Timeout | undefined;
    const timeUp = new Promise<T>((resolve) => {
      timer = setTimeout(() => resolve(late), waitMs);
    });
    try {
      return await Promise.race([task, timeUp]);
    } finally {
      clearTimeout(timer);
    }
  }

  async function notify(
    tenantId: string,
    notifications: readonly Notification[],
    waitMs: number,
  ): Promise<TurnSendOutcome[]> {
    if (notifications.length === 0) return [];
    try {
      return await queue.sendNow(
        tenantId,
        notifications.map((n) => n.deliveryId),
        { waitMs },
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
      await sendWithRetry(() => sender.update(ref, messageId, cardActivity(card), { timeoutMs: callTimeoutMs }), {
        maxAttempts: 3,
        maxRetryAfterMs: 30_000,
      });
    } catch (err) {
      logger.warn({ err, deliveryId: t.deliveryId }, 'take-back failed');
    }
  }

  async function takeBackAll(tenantId: string, takeBacks: readonly TakeBack[], waitMs: number): Promise<void> {
    if (takeBacks.length === 0) return;
    await awaitWithin(
      Promise.all(takeBacks.map((t) => takeBackOne(tenantId, t))).then(() => undefined),
      waitMs,
      undefined,
    );
  }

  return {
    sharing(tenantId, result) {
      return withinTurnBudget(async (waitMs) => {
        const [, outcomes] = await Promise.all([
          takeBackAll(tenantId, result.takeBacks, waitMs),
          notify(tenantId, result.notifications, waitMs),
        ]);
        const teamWithoutChannel = result.notifications.some(
          (n, i) => n.kind === 'team-story' && outcomes[i] === 'unreachable',
        );
        return { teamWithoutChannel };
      });
    },
    async notifications(tenantId, notifications) {
      await withinTurnBudget((waitMs) => notify(tenantId, notifications, waitMs));
    },
    async takeBacks(tenantId, takeBacks) {
      await withinTurnBudget((waitMs) => takeBackAll(tenantId, takeBacks, waitMs));
    },
    async direct(tenantId, personId, activity) {
      const ref = await rebound.host.conversationFor(tenantId, { personId });
      if (!ref) return false;
      const sending = sendWithRetry(() => sender.send(ref, activity, { timeoutMs: callTimeoutMs }), {
        maxAttempts: 3,
        maxRetryAfterMs: 30_000,
      }).then(
        () => true,
        (err: unknown) => {
          logger.warn({ err, personId }, 'direct message failed');
          return false;
        },
      );
      return withinTurnBudget((waitMs) => awaitWithin(sending, waitMs, true));
    },
  };
}
