import { type RunningBot, startTestBot } from './start-bot';

export interface ScheduledBot {
  bot: RunningBot;
  /** Moves the bot's clock (core's, the scheduler's and the queue's) to `instant`. */
  at(instant: string): void;
  /** One scheduler tick at the current clock: plan what fell due, then send what is due. */
  tick(): Promise<void>;
}

/**
 * The bot with the scheduler on, its clock in the test's hands and its own timers out of the way: a test
 * moves the clock and runs one scheduler tick at a time, as the minute-by-minute cron would.
 */
export async function startScheduledBot(start: string, env: Record<string, string> = {}): Promise<ScheduledBot> {
  let now = new Date(start);
  const bot = await startTestBot({
    env: { REBOUND_SCHEDULER: 'on', ...env },
    server: {
      now: () => now,
      delivery: { schedulePattern: '0 0 0 1 1 *', pollMs: 3_600_000 },
    },
  });
  const scheduler = bot.server.delivery.scheduler;
  if (!scheduler) throw new Error('the scheduler should run with REBOUND_SCHEDULER=on');
  return {
    bot,
    at(instant: string) {
      now = new Date(instant);
    },
    tick: () => scheduler.tick(),
  };
}
