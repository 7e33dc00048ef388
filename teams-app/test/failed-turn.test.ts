import { createMemoryStore, type Store, type StoreOps } from '@rebound/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testUser } from './support/bot-client';
import { type RunningBot, startTestBot } from './support/start-bot';

/** A store whose writes of people fail the way a broken database would, inside transactions too. */
function brokenStore(): Store {
  const store = createMemoryStore();
  const failing = <T extends object>(target: T): T =>
    new Proxy(target, {
      get(t, prop, receiver) {
        if (prop === 'putPerson')
          return async () => Promise.reject(new Error('SQLITE_IOERR: disk I/O error at /secret/path'));
        if (prop === 'transaction') {
          return <R>(work: (tx: StoreOps) => Promise<R>) => store.transaction((tx) => work(failing(tx)));
        }
        return Reflect.get(t, prop, receiver);
      },
    });
  return failing(store);
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
    expect(jaText).toMatch(/^すみません、.*\(問い合わせ番号: [0-9a-f-]{36}\)$/);
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
