import type { Rebound } from '@rebound/core';
import { Cron } from 'croner';
import type { Logger } from 'pino';
import type { DeliveryQueue } from './queue';

export interface Scheduler {
  /** One tick now: plan what fell due, then send what is due. */
  tick(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The scheduler: every minute (croner, in UTC: each person's and team's own time zone is applied by core's
 * scheduling rules, not here) it asks core to plan what fell due, one delivery per (kind, person or team,
 * period) with a unique key, then lets the queue send. Planning twice, from two processes, or again after a
 * crash creates nothing twice.
 */
export function startScheduler(options: {
  rebound: Rebound;
  queue: DeliveryQueue;
  logger: Logger;
  /** Cron pattern with seconds; default every minute at second 5. */
  pattern?: string;
  now?: () => Date;
}): Scheduler {
  const { rebound, queue, logger } = options;
  const now = options.now ?? (() => new Date());
  let running: Promise<void> | null = null;

  async function tickOnce(): Promise<void> {
    try {
      const plan = await rebound.scheduler.plan({ now: now().toISOString() });
      const planned = Object.values(plan.planned).reduce((a, b) => a + b, 0);
      if (planned > 0) logger.info({ planned: plan.planned }, 'scheduled deliveries planned');
      const sent = await queue.drain();
      if (sent.sent + sent.failed + sent.unreachable > 0) logger.info({ deliveries: sent }, 'deliveries sent');
    } catch (err) {
      logger.error({ err }, 'scheduler tick failed');
    }
  }

  const tick = () => {
    running ??= tickOnce().finally(() => {
      running = null;
    });
    return running;
  };
  // `protect`: a slow tick (a large fan-out) is never overlapped by the next one.
  const job = new Cron(options.pattern ?? '5 * * * * *', { timezone: 'UTC', protect: true }, () => tick());
  return {
    tick,
    async stop() {
      job.stop();
      await running;
    },
  };
}
