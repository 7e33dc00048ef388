import { TIME_ZONES_REMEMBERED, timeZoneCacheSize } from '@rebound/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testUser } from './support/bot-client';
import { type RunningBot, startTestBot } from './support/start-bot';

const TENANT = 'tenant-test';

describe('hostile localTimezone values on messages', () => {
  let bot: RunningBot;
  beforeAll(async () => {
    bot = await startTestBot();
  });
  afterAll(() => bot.stop());

  // A card action (without the message it came from) answers in its invoke response only: nothing goes out, so
  // Teams' per-chat limits do not slow the many turns down.
  const actionWithZone = (user: ReturnType<typeof testUser>, localTimezone: string) =>
    bot.client.post(
      bot.client.base(user, {
        type: 'invoke',
        name: 'adaptiveCard/action',
        localTimezone,
        value: { action: { type: 'Action.Execute', verb: 'no.such.button', data: {} }, trigger: 'manual' },
      }),
    );

  it('never grow the time zone cache past its bound, and over-long ones never reach it', async () => {
    const mallory = testUser('Mallory');
    await bot.client.message(mallory, 'help');
    const before = timeZoneCacheSize();
    // Longer than any time zone name (64 characters), though short enough for a well-formed activity.
    for (let i = 0; i < 5; i++) {
      const res = await actionWithZone(mallory, `Asia/${String(i).repeat(90)}`);
      expect(res.status).toBe(200);
    }
    expect(timeZoneCacheSize()).toBe(before);

    // More distinct names (each short enough to be looked at) than the cache holds.
    for (let i = 0; i < TIME_ZONES_REMEMBERED + 10; i++) {
      const res = await actionWithZone(mallory, `Hostile/Zone-${i}`);
      expect(res.status).toBe(200);
    }
    expect(timeZoneCacheSize()).toBe(TIME_ZONES_REMEMBERED);
    // None of them became anyone's zone.
    const person = await bot.store.getPerson(TENANT, mallory.aadObjectId);
    expect(person?.timeZone).toBe('Asia/Tokyo');
  }, 120_000);
});
