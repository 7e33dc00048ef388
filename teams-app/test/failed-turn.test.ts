import { createMemoryStore, type Store } from '@rebound/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testUser } from './support/bot-client';
import { type RunningBot, startTestBot } from './support/start-bot';

/** A store whose writes fail the way a broken database would. */
function brokenStore(): Store {
  const store = createMemoryStore();
  return new Proxy(store, {
    get(target, prop, receiver) {
      if (prop === 'putConversationRef')
        return async () => Promise.reject(new Error('SQLITE_IOERR: disk I/O error at /secret/path'));
      return Reflect.get(target, prop, receiver);
    },
  });
}

describe('a turn that fails', () => {
  let bot: RunningBot;
  beforeAll(async () => {
    bot = await startTestBot({ store: brokenStore() });
  });
  afterAll(() => bot.stop());

  it('answers with a short apology and a correlation id, in the person’s language, without internal text', async () => {
    const rep = testUser('Haru');
    const en = await bot.client.message(rep, 'help');
    const ja = await bot.client.message(rep, 'ヘルプ', { locale: 'ja-JP' });
    const [enText, jaText] = bot.connector.textsTo(bot.client.personalConversationId(rep));
    expect(enText).toMatch(/^Sorry, something went wrong on my side.*\(reference: [0-9a-f-]{36}\)$/);
    expect(jaText).toMatch(/^申し訳ありません。.*\(問い合わせ番号: [0-9a-f-]{36}\)$/);
    for (const text of [enText, jaText]) expect(text).not.toMatch(/SQLITE|secret|Error/);

    const enId = /reference: ([0-9a-f-]{36})/.exec(enText ?? '')?.[1];
    const logged = bot.logs.find((l) => l.msg === 'turn failed' && l.correlationId === enId);
    expect(logged).toBeDefined();
    expect(JSON.stringify(logged)).toContain('SQLITE_IOERR');
    expect([en.status, ja.status]).toEqual([200, 200]);
  });

  it('answers a failed card action with the apology as the invoke response', async () => {
    const rep = testUser('Iori');
    const res = await bot.client.action(rep, 'log.submit', { customerLabel: 'x' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ type: 'application/vnd.microsoft.activity.message' });
    expect(res.body.value).toMatch(/^Sorry, something went wrong on my side.*\(reference: [0-9a-f-]{36}\)$/);
  });
});
