import type { Rebound, Store } from '@rebound/core';
import type { Logger } from 'pino';
import { createDeliverer, type Deliverer, type DelivererOptions } from '../bot/delivery';
import type { BotDeps } from '../bot/turn';
import type { CallDeadlines, ReboundAdapter } from '../http/adapter';
import { createConversationSender } from './conversation-sender';
import { createLimitedHttpClient, type LimitedHttpClient } from './http-client';
import { createInProcessQueue, type DeliveryQueue, type InProcessQueueOptions } from './queue';
import { createTeamsRateLimiter, type RateLimiterOptions, type RateLimits, realClock } from './rate-limiter';
import { createDeliveryRenderer } from './render';
import { type Scheduler, startScheduler } from './scheduler';

/** Tuning and test points of the delivery side (tests and benchmarks set them; production keeps defaults). */
export type DeliveryOptions = Partial<
  Pick<
    InProcessQueueOptions,
    'concurrency' | 'pollMs' | 'maxAttempts' | 'maxInFlight' | 'maxInFlightPerTenant' | 'hooks' | 'random'
  >
> &
  Pick<DelivererOptions, 'turnWaitMs' | 'maxBackground'> &
  CallDeadlines &
  Pick<RateLimiterOptions, 'maxWaitersPerConversation' | 'maxWaitersPerTenant' | 'maxWaiters'> & {
    /** Cron pattern (with seconds) of the scheduler's tick. */
    schedulePattern?: string;
  };

export interface DeliverySide {
  deliver: Deliverer;
  queue: DeliveryQueue;
  /** Null when this instance does not run the scheduler (`REBOUND_SCHEDULER=off`). */
  scheduler: Scheduler | null;
  stop(): Promise<void>;
}

/**
 * The HTTP client of every connector call this process makes, turn replies and proactive sends alike: one rate
 * limiter (Teams' limits, or `limits`), its waiting lines bounded, and a log line when one is full.
 */
export function createConnectorHttpClient(deps: {
  logger: Logger;
  limits?: Partial<RateLimits>;
  options?: DeliveryOptions;
}): LimitedHttpClient {
  const { logger, options = {} } = deps;
  const limiter = createTeamsRateLimiter(deps.limits, realClock, {
    maxWaitersPerConversation: options.maxWaitersPerConversation,
    maxWaitersPerTenant: options.maxWaitersPerTenant,
    maxWaiters: options.maxWaiters,
    onFull: (info) => logger.warn(info, 'rate limiter queue full: requests refused until it drains'),
  });
  return createLimitedHttpClient({ limiter, attemptTimeoutMs: options.queuedCallTimeoutMs });
}

/** The queue every proactive send goes through, the turn-facing deliverer on it, and the scheduler. */
export function setUpDelivery(deps: {
  adapter: ReboundAdapter;
  botAppId: string;
  rebound: Rebound;
  store: Store;
  logger: Logger;
  now: () => Date;
  botDeps: () => BotDeps;
  runScheduler: boolean;
  options?: DeliveryOptions;
}): DeliverySide {
  const { rebound, store, logger, options = {} } = deps;
  const {
    turnWaitMs,
    maxBackground,
    schedulePattern,
    authTimeoutMs,
    maxWaitersPerConversation,
    maxWaitersPerTenant,
    maxWaiters,
    ...queueOptions
  } = options;
  const { turnCallTimeoutMs, queuedCallTimeoutMs } = options;
  deps.adapter.setDeadlines({ turnCallTimeoutMs, queuedCallTimeoutMs, authTimeoutMs });
  const sender = createConversationSender(deps.adapter, deps.botAppId);
  const queue = createInProcessQueue({
    rebound,
    render: createDeliveryRenderer(deps.botDeps),
    sender,
    logger,
    now: deps.now,
    onConversationGone: (conversationId) => deps.botDeps().conversations.forget(conversationId),
    ...queueOptions,
  });
  const deliver = createDeliverer({
    rebound,
    store,
    logger,
    queue,
    sender,
    turnWaitMs,
    maxBackground,
    callTimeoutMs: turnCallTimeoutMs,
  });
  const scheduler = deps.runScheduler
    ? startScheduler({
        rebound,
        queue,
        logger,
        now: deps.now,
        ...(schedulePattern ? { pattern: schedulePattern } : {}),
      })
    : null;
  // The same instance also retries failed sends and picks up what a crashed turn left in the outbox.
  if (deps.runScheduler) queue.start();
  return {
    deliver,
    queue,
    scheduler,
    async stop() {
      await scheduler?.stop();
      await queue.stop();
    },
  };
}
