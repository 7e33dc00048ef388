import { type Delivery, type DeliveryKind, type Rebound, SCHEDULED_KINDS } from '@rebound/core';
import type { Logger } from 'pino';
import type { ConversationSender } from './conversation-sender';
import type { DeliveryRenderer } from './render';
import { classifySendError, retryDelay } from './retry';

/** What became of one delivery after an attempt. */
export type DeliveryOutcome = 'sent' | 'skipped' | 'unreachable' | 'retrying' | 'failed';

/**
 * Every proactive send goes through a delivery queue. The queue works from the store's outbox: a pending
 * `Delivery` row written by a use case or by the scheduler's plan, in the same transaction as what caused it.
 * The in-process queue below is the embedded default; a queue shared by several instances (a PostgreSQL job
 * queue with leases) can take its place behind this interface.
 */
export interface DeliveryQueue {
  /** Attempts these pending deliveries now, in order (a turn's notifications); each is attempted once here. */
  sendNow(tenantId: string, deliveryIds: readonly string[]): Promise<DeliveryOutcome[]>;
  /** Attempts every delivery due now until none is due or in flight; later retries stay for later. */
  drain(): Promise<DrainResult>;
  /** Drains every `pollMs` until stopped. */
  start(): void;
  /** Stops polling and waits for the sends in flight. */
  stop(): Promise<void>;
}

export type DrainResult = Record<DeliveryOutcome, number>;

/** Points of one delivery's life a test can stop the process at (kill tests). */
export interface DeliveryHooks {
  beforeSend?(delivery: Delivery): void | Promise<void>;
  afterSend?(delivery: Delivery): void | Promise<void>;
  afterRecord?(delivery: Delivery): void | Promise<void>;
}

export interface InProcessQueueOptions {
  rebound: Rebound;
  render: DeliveryRenderer;
  sender: ConversationSender;
  logger: Logger;
  now?: () => Date;
  /**
   * Sends in flight at once (the rate limiter, not this, keeps within Teams' limits). Default 64: enough to keep
   * the tenant budget busy while some sends wait out a `Retry-After`.
   */
  concurrency?: number;
  /** How often `start()` looks for due deliveries. Default 5 s. */
  pollMs?: number;
  /** Attempts before a retryable failure becomes final. Default 8. */
  maxAttempts?: number;
  /** Forget a conversation cached by the bot once it is deactivated. */
  onConversationGone?(conversationId: string): void;
  hooks?: DeliveryHooks;
  random?: () => number;
}

/**
 * Notifications a turn created are sent by that turn (`sendNow`). The due scan leaves them alone for this long,
 * so that it only picks up those whose turn died before sending them, and never races a turn that is sending.
 */
export const TURN_NOTIFICATION_GRACE_MS = 60_000;
const SCHEDULED: ReadonlySet<DeliveryKind> = new Set(SCHEDULED_KINDS);
const SCAN_LIMIT = 500;

/**
 * The embedded queue: one process sends what is due in its store, at most `concurrency` at a time, one at a
 * time per conversation (so messages to one person keep their order). At least once: a row is marked sent
 * only after Teams accepted it, so a crash between the two sends it again on restart; nothing else repeats it.
 */
export function createInProcessQueue(options: InProcessQueueOptions): DeliveryQueue {
  const { rebound, render, sender, logger, hooks = {} } = options;
  const now = options.now ?? (() => new Date());
  const concurrency = options.concurrency ?? 64;
  const maxAttempts = options.maxAttempts ?? 8;
  const random = options.random ?? Math.random;
  /** Delivery id → its attempt in flight, so one process never sends one row twice at once. */
  const inFlight = new Map<string, Promise<DeliveryOutcome>>();
  /** Conversation targets (person or team) with a send in flight. */
  const busyTargets = new Set<string>();
  let timer: NodeJS.Timeout | null = null;
  let draining: Promise<DrainResult> | null = null;
  let stopped = false;

  const targetOf = (d: Delivery) => `${d.tenantId}|${d.teamId ? `team:${d.teamId}` : `person:${d.recipientId}`}`;

  async function attempt(d: Delivery): Promise<DeliveryOutcome> {
    const { host } = rebound;
    const current = await host.getDelivery(d.tenantId, d.id);
    if (current?.status !== 'pending') return current?.status === 'sent' ? 'sent' : 'skipped';
    await hooks.beforeSend?.(current);
    let conversationId: string | null = null;
    try {
      const activity = await render(current);
      if (!activity) {
        await host.markSkipped(d.tenantId, d.id, { reason: 'nothing to send any more' });
        return 'skipped';
      }
      const ref = await host.conversationFor(
        d.tenantId,
        current.teamId ? { teamId: current.teamId } : { personId: current.recipientId ?? '' },
      );
      if (!ref) {
        await host.markFailed(d.tenantId, d.id, { error: 'no conversation to reach', final: true });
        return 'unreachable';
      }
      conversationId = ref.conversationId;
      const messageId = await sender.send(ref, activity);
      await hooks.afterSend?.(current);
      await host.markSent(d.tenantId, d.id, { messageId, conversationRefId: ref.id });
      await hooks.afterRecord?.(current);
      return 'sent';
    } catch (err) {
      return failed(current, err, conversationId);
    }
  }

  async function failed(d: Delivery, err: unknown, conversationId: string | null): Promise<DeliveryOutcome> {
    const { host } = rebound;
    const kind = classifySendError(err);
    const status = (err as { statusCode?: unknown })?.statusCode;
    logger.warn({ err, deliveryId: d.id, kind: d.kind, status, attempt: d.attempts + 1 }, 'delivery failed');
    try {
      if (kind === 'gone') {
        // Uninstalled, blocked, or the chat is gone: stop sending there, now and in later fan-outs.
        if (conversationId) {
          await host.deactivateConversation(d.tenantId, conversationId);
          options.onConversationGone?.(conversationId);
        }
        await host.markFailed(d.tenantId, d.id, { error: `conversation unreachable (${status})`, final: true });
        return 'unreachable';
      }
      const error = `send failed (${String(status ?? 'network')})`;
      if (kind === 'retry' && d.attempts + 1 < maxAttempts) {
        const retryAt = new Date(now().getTime() + retryDelay(d.attempts + 1, err, random)).toISOString();
        await host.markFailed(d.tenantId, d.id, { error, final: false, retryAt });
        return 'retrying';
      }
      await host.markFailed(d.tenantId, d.id, { error, final: true });
      return 'failed';
    } catch (recordErr) {
      // The row stays pending and due: the next scan tries it again.
      logger.error({ err: recordErr, deliveryId: d.id }, 'could not record a failed delivery');
      return 'retrying';
    }
  }

  function run(d: Delivery): Promise<DeliveryOutcome> {
    const running = inFlight.get(d.id);
    if (running) return running;
    const target = targetOf(d);
    busyTargets.add(target);
    const p = attempt(d)
      .catch((err: unknown) => {
        logger.error({ err, deliveryId: d.id }, 'delivery attempt crashed');
        return 'retrying' as const;
      })
      .finally(() => {
        inFlight.delete(d.id);
        busyTargets.delete(target);
      });
    inFlight.set(d.id, p);
    return p;
  }

  function isTurnsToSend(d: Delivery, at: number): boolean {
    return !SCHEDULED.has(d.kind) && d.attempts === 0 && Date.parse(d.createdAt) > at - TURN_NOTIFICATION_GRACE_MS;
  }

  async function drainOnce(): Promise<DrainResult> {
    const result: DrainResult = { sent: 0, skipped: 0, unreachable: 0, retrying: 0, failed: 0 };
    const running = new Set<Promise<void>>();
    const launch = (d: Delivery) => {
      const p: Promise<void> = run(d).then((outcome) => {
        result[outcome]++;
        running.delete(p);
      });
      running.add(p);
    };
    for (;;) {
      if (stopped) break;
      const at = now();
      const due = await rebound.host.dueDeliveries({ now: at.toISOString(), limit: SCAN_LIMIT });
      const ready = due.filter(
        (d) => !inFlight.has(d.id) && !busyTargets.has(targetOf(d)) && !isTurnsToSend(d, at.getTime()),
      );
      if (ready.length === 0) {
        if (running.size === 0) break;
        await Promise.race(running);
        continue;
      }
      for (const d of ready) {
        if (stopped) break;
        // Another row for the same person may have started since the scan: keep their order.
        if (busyTargets.has(targetOf(d)) || inFlight.has(d.id)) continue;
        while (running.size >= concurrency) await Promise.race(running);
        launch(d);
      }
      // Let the sends started last fill the pool before scanning again, rather than rescanning at once.
      if (running.size >= concurrency / 2) await Promise.race(running);
    }
    await Promise.all(running);
    return result;
  }

  const queue: DeliveryQueue = {
    async sendNow(tenantId, deliveryIds) {
      const outcomes: DeliveryOutcome[] = [];
      for (const id of deliveryIds) {
        const d = await rebound.host.getDelivery(tenantId, id);
        outcomes.push(d ? await run(d) : 'skipped');
      }
      return outcomes;
    },
    drain() {
      draining ??= drainOnce().finally(() => {
        draining = null;
      });
      return draining;
    },
    start() {
      stopped = false;
      const pollMs = options.pollMs ?? 5000;
      const tick = () => {
        queue
          .drain()
          .catch((err: unknown) => logger.error({ err }, 'delivery drain failed'))
          .finally(() => {
            if (!stopped) timer = setTimeout(tick, pollMs);
          });
      };
      timer = setTimeout(tick, 0);
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await draining;
      await Promise.all(inFlight.values());
    },
  };
  return queue;
}
