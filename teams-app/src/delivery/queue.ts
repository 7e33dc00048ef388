import { type Delivery, type DeliveryKind, type Rebound, SCHEDULED_KINDS } from '@rebound/core';
import type { Logger } from 'pino';
import type { ConversationSender } from './conversation-sender';
import { QUEUED_CALL_TIMEOUT_MS, TURN_CALL_TIMEOUT_MS } from './deadline';
import type { DeliveryRenderer } from './render';
import { classifySendError, retryDelay, type SendErrorClass } from './retry';

/** What became of one delivery after an attempt. */
export type DeliveryOutcome = 'sent' | 'skipped' | 'unreachable' | 'retrying' | 'failed';
/** A turn's notification is `in-flight` when it was still being sent as the turn stopped waiting for it. */
export type TurnSendOutcome = DeliveryOutcome | 'in-flight';

/**
 * Every proactive send goes through a delivery queue. The queue works from the store's outbox: a pending
 * `Delivery` row written by a use case or by the scheduler's plan, in the same transaction as what caused it.
 * The in-process queue below is the embedded default; a queue shared by several instances (a PostgreSQL job
 * queue with leases) can take its place behind this interface.
 */
export interface DeliveryQueue {
  /**
   * Attempts these pending deliveries now (a turn's notifications), in order for each recipient; each is
   * attempted once here, with the turn's call deadline. Resolves with their outcomes, or once `waitMs` has
   * passed (default: no limit), with `in-flight` for those still being sent: they go on meanwhile, and what
   * fails is retried by the due scan. When this process has too many sends in flight, a delivery is not tried
   * here but handed to the due scan at once (`retrying`).
   */
  sendNow(tenantId: string, deliveryIds: readonly string[], options?: { waitMs?: number }): Promise<TurnSendOutcome[]>;
  /** Attempts every delivery due now until none is due or in flight; later retries stay for later. */
  drain(): Promise<DrainResult>;
  /** Drains every `pollMs` until stopped. */
  start(): void;
  /** Stops polling and waits for the sends in flight. */
  stop(): Promise<void>;
  /** Resolves once no send is in flight in this process (turns' included). */
  idle(): Promise<void>;
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
  /**
   * Sends in flight in this process, turns' and the due scan's together, past which a turn's notification is
   * left to the due scan rather than started (the log says so). Default 256.
   */
  maxInFlight?: number;
  /**
   * Sends of one tenant the due scan keeps in flight at most: the rest of the tenant's budget of requests in
   * flight stays for its people's turns, even when every send hangs. Default 25 (half of Teams' 50 per second).
   */
  maxInFlightPerTenant?: number;
  /** Deadline of each connector call for a notification a turn hands over. Default 4 s. */
  turnCallTimeoutMs?: number;
  /** Deadline of each connector call for a delivery the due scan sends. Default 15 s. */
  queuedCallTimeoutMs?: number;
  /** Forget a conversation cached by the bot once it is deactivated. */
  onConversationGone?(conversationId: string): void;
  hooks?: DeliveryHooks;
  random?: () => number;
}

/**
 * Notifications a turn created are sent by that turn (`sendNow`). The due scan leaves them alone for this long,
 * so that it only picks up those whose turn died before sending them, and never races a turn that is sending:
 * a turn's attempt ends well within it (every call has the turn's deadline, a few seconds), and one it could
 * not try (too many sends in flight) or that failed is handed to the scan at once (`dueAt`, `attempts` > 0).
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
  const maxInFlight = options.maxInFlight ?? 256;
  const maxPerTenant = options.maxInFlightPerTenant ?? 25;
  const turnCallTimeoutMs = options.turnCallTimeoutMs ?? TURN_CALL_TIMEOUT_MS;
  // A turn's attempt must end well within the grace, whatever deadline its calls are given.
  const turnGraceMs = Math.max(TURN_NOTIFICATION_GRACE_MS, 4 * turnCallTimeoutMs);
  const queuedCallTimeoutMs = options.queuedCallTimeoutMs ?? QUEUED_CALL_TIMEOUT_MS;
  const random = options.random ?? Math.random;
  /** Delivery id → its attempt in flight, so one process never sends one row twice at once. */
  const inFlight = new Map<string, Promise<DeliveryOutcome>>();
  /** Conversation targets (person or team) with a send in flight. */
  const busyTargets = new Set<string>();
  /** Sends in flight per tenant. */
  const tenantLoad = new Map<string, number>();
  const tenantFull = (tenantId: string) => (tenantLoad.get(tenantId) ?? 0) >= maxPerTenant;
  let timer: NodeJS.Timeout | null = null;
  let draining: Promise<DrainResult> | null = null;
  let stopped = false;
  /** Whether the log already said that turns' notifications are left to the scan (said again after a recovery). */
  let saidFull = false;

  const targetOf = (d: Delivery) => `${d.tenantId}|${d.teamId ? `team:${d.teamId}` : `person:${d.recipientId}`}`;

  async function attempt(d: Delivery, timeoutMs: number): Promise<DeliveryOutcome> {
    const { host } = rebound;
    const current = await host.getDelivery(d.tenantId, d.id);
    if (current?.status !== 'pending') return current?.status === 'sent' ? 'sent' : 'skipped';
    await hooks.beforeSend?.(current);
    let activity: Awaited<ReturnType<DeliveryRenderer>>;
    let ref: Awaited<ReturnType<typeof host.conversationFor>> = null;
    try {
      activity = await render(current);
      if (activity) {
        ref = await host.conversationFor(
          d.tenantId,
          current.teamId ? { teamId: current.teamId } : { personId: current.recipientId ?? '' },
        );
      }
    } catch (err) {
      // The store or the renderer failed (a database outage): nothing was sent, so try again later.
      return failed(current, err, null, 'retry', 'delivery not prepared');
    }
    if (!activity) {
      await host.markSkipped(d.tenantId, d.id, { reason: 'nothing to send any more' });
      return 'skipped';
    }
    if (!ref) {
      await host.markFailed(d.tenantId, d.id, { error: 'no conversation to reach', final: true });
      return 'unreachable';
    }
    let messageId: string | null;
    try {
      messageId = await sender.send(ref, activity, { timeoutMs });
    } catch (err) {
      return failed(current, err, ref.conversationId, classifySendError(err), 'delivery failed');
    }
    await hooks.afterSend?.(current);
    // Should this fail, the row stays pending and is sent again: the one window for a duplicate.
    await host.markSent(d.tenantId, d.id, { messageId, conversationRefId: ref.id });
    await hooks.afterRecord?.(current);
    return 'sent';
  }

  async function failed(
    d: Delivery,
    err: unknown,
    conversationId: string | null,
    kind: SendErrorClass,
    message: string,
  ): Promise<DeliveryOutcome> {
    const { host } = rebound;
    const status = (err as { statusCode?: unknown })?.statusCode;
    const code = (err as { code?: unknown })?.code;
    logger.warn({ err, deliveryId: d.id, kind: d.kind, status, attempt: d.attempts + 1 }, message);
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
      const cause = status ?? (typeof code === 'string' ? code : 'network');
      const error = conversationId ? `send failed (${String(cause)})` : 'could not prepare the message';
      if (kind === 'retry' && d.attempts + 1 < maxAttempts) {
        let delay = retryDelay(d.attempts + 1, err, random);
        // No answer at all: the chat likely hangs still, so not sooner than a queued call would wait in vain.
        if (code === 'ETIMEDOUT') delay = Math.max(delay, queuedCallTimeoutMs);
        const retryAt = new Date(now().getTime() + delay).toISOString();
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

  /** A turn's notification this process has no room for now: the due scan sends it (any instance's, soon). */
  async function handToScan(d: Delivery): Promise<DeliveryOutcome> {
    if (!saidFull) {
      saidFull = true;
      logger.warn(
        { inFlight: inFlight.size, limit: maxInFlight },
        'delivery queue full: notifications left to the due scan',
      );
    }
    try {
      await rebound.host.markFailed(d.tenantId, d.id, {
        error: 'not tried yet: delivery queue full',
        final: false,
        retryAt: now().toISOString(),
      });
    } catch (err) {
      logger.error({ err, deliveryId: d.id }, 'could not hand a notification to the due scan');
    }
    return 'retrying';
  }

  function run(d: Delivery, timeoutMs: number): Promise<DeliveryOutcome> {
    const running = inFlight.get(d.id);
    if (running) return running;
    const target = targetOf(d);
    busyTargets.add(target);
    tenantLoad.set(d.tenantId, (tenantLoad.get(d.tenantId) ?? 0) + 1);
    const p = attempt(d, timeoutMs)
      .catch((err: unknown) => {
        logger.error({ err, deliveryId: d.id }, 'delivery attempt crashed');
        return 'retrying' as const;
      })
      .finally(() => {
        inFlight.delete(d.id);
        busyTargets.delete(target);
        const load = (tenantLoad.get(d.tenantId) ?? 1) - 1;
        if (load > 0) tenantLoad.set(d.tenantId, load);
        else tenantLoad.delete(d.tenantId);
        if (saidFull && inFlight.size <= maxInFlight / 2) saidFull = false;
      });
    inFlight.set(d.id, p);
    return p;
  }

  function isTurnsToSend(d: Delivery, at: number): boolean {
    return !SCHEDULED.has(d.kind) && d.attempts === 0 && Date.parse(d.createdAt) > at - turnGraceMs;
  }

  async function drainOnce(): Promise<DrainResult> {
    const result: DrainResult = { sent: 0, skipped: 0, unreachable: 0, retrying: 0, failed: 0 };
    const running = new Set<Promise<void>>();
    const launch = (d: Delivery) => {
      const p: Promise<void> = run(d, queuedCallTimeoutMs).then((outcome) => {
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
        (d) =>
          !inFlight.has(d.id) &&
          !busyTargets.has(targetOf(d)) &&
          !tenantFull(d.tenantId) &&
          !isTurnsToSend(d, at.getTime()),
      );
      if (ready.length === 0) {
        if (running.size === 0) break;
        await Promise.race(running);
        continue;
      }
      for (const d of ready) {
        if (stopped) break;
        // Another row for the same person may have started since the scan: keep their order.
        if (busyTargets.has(targetOf(d)) || inFlight.has(d.id) || tenantFull(d.tenantId)) continue;
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
    async sendNow(tenantId, deliveryIds, sendOptions = {}) {
      const rows = await Promise.all(deliveryIds.map((id) => rebound.host.getDelivery(tenantId, id)));
      // One after the other for each recipient (their messages keep their order), recipients side by side.
      const lastOfTarget = new Map<string, Promise<unknown>>();
      const outcomes = rows.map((d): Promise<DeliveryOutcome> => {
        if (!d) return Promise.resolve('skipped');
        // Held by core for the recipient's quiet hours or days away: the due scan sends it once it is due.
        if (Date.parse(d.dueAt) > now().getTime()) return Promise.resolve('retrying');
        const target = targetOf(d);
        const start = (): Promise<DeliveryOutcome> =>
          inFlight.has(d.id) || inFlight.size < maxInFlight ? run(d, turnCallTimeoutMs) : handToScan(d);
        const previous = lastOfTarget.get(target);
        const outcome = previous ? previous.then(start) : start();
        lastOfTarget.set(target, outcome);
        return outcome;
      });
      return within(outcomes, sendOptions.waitMs);
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
      await queue.idle();
    },
    async idle() {
      while (inFlight.size > 0) await Promise.all(inFlight.values());
    },
  };
  return queue;
}

/** The outcomes that are in after at most `waitMs` (all of them when unset); `in-flight` for the others. */
async function within(outcomes: Promise<DeliveryOutcome>[], waitMs: number | undefined): Promise<TurnSendOutcome[]> {
  if (waitMs === undefined) return Promise.all(outcomes);
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'in-flight'>((resolve) => {
    timer = setTimeout(() => resolve('in-flight'), Math.max(0, waitMs));
  });
  try {
    return await Promise.all(outcomes.map((o) => Promise.race([o, late])));
  } finally {
    clearTimeout(timer);
  }
}
