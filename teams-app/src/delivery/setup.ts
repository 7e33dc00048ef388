import type { Rebound, Store } from '@rebound/core';
import type { Logger } from 'pino';
import { createDeliverer, type Deliverer } from '../bot/delivery';
import type { BotDeps } from '../bot/turn';
import type { ReboundAdapter } from '../http/adapter';
import { createConversationSender } from './conversation-sender';
import { createInProcessQueue, type DeliveryQueue, type InProcessQueueOptions } from './queue';
import { createDeliveryRenderer } from './render';
import { type Scheduler, startScheduler } from './scheduler';

/** Tuning and test points of the delivery side (tests and benchmarks set them; production keeps defaults). */
export type DeliveryOptions = Partial<
  Pick<InProcessQueueOptions, 'concurrency' | 'pollMs' | 'maxAttempts' | 'hooks' | 'random'>
> & {
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
  const sender = createConversationSender(deps.adapter, deps.botAppId);
  const queue = createInProcessQueue({
    rebound,
    render: createDeliveryRenderer(deps.botDeps),
    sender,
    logger,
    now: deps.now,
    onConversationGone: (conversationId) => deps.botDeps().conversations.forget(conversationId),
    ...options,
  });
  const deliver = createDeliverer({ rebound, store, logger, queue, sender });
  const scheduler = deps.runScheduler
    ? startScheduler({
        rebound,
        queue,
        logger,
        now: deps.now,
        ...(options.schedulePattern ? { pattern: options.schedulePattern } : {}),
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
