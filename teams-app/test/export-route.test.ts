import { createMemoryStore } from '@rebound/core';
import { afterEach, describe, expect, it } from 'vitest';
import { testUser } from './support/bot-client';
import { cardOf, submission, textOf } from './support/cards';
import { type RunningBot, startTestBot } from './support/start-bot';

const SECRET = 'x'.repeat(40);
const running: RunningBot[] = [];
async function bot(options: Parameters<typeof startTestBot>[0] = {}) {
  const started = await startTestBot(options);
  running.push(started);
  return started;
}
afterEach(async () => {
  for (const b of running.splice(0)) await b.stop();
});

async function exportUrl(b: RunningBot, user: ReturnType<typeof testUser>): Promise<string> {
  await b.client.message(user, 'export');
  const card = cardOf(b.connector.messagesTo(b.client.personalConversationId(user)).at(-1));
  const url = /https?:\/\/[^\s")\]]+\/export\/[A-Za-z0-9._-]+/.exec(JSON.stringify(card))?.[0];
  if (!url) throw new Error(`no export link in ${JSON.stringify(card)}`);
  return url;
}

describe('GET /export/<token>', () => {
  it('says the data is gone (410, in the reader’s language) when the person erased it after the link was made', async () => {
    const b = await bot();
    const rep = testUser('Erased');
    const url = await exportUrl(b, rep);
    await b.client.message(rep, 'erase');
    const confirm = cardOf(b.connector.messagesTo(b.client.personalConversationId(rep)).at(-1));
    await b.client.action(rep, 'erase.confirm', submission(confirm, 'erase.confirm'));
    const en = await fetch(url);
    expect(en.status).toBe(410);
    expect(await en.text()).toBe(
      'Your data was erased, so there is nothing left to download. This link no longer works.',
    );
    const ja = await fetch(url, { headers: { 'accept-language': 'ja' } });
    expect(ja.status).toBe(410);
    expect(await ja.text()).toContain('削除済み');
  });

  it('keeps a spent link spent after a restart and on another instance, with REBOUND_EXPORT_SECRET set', async () => {
    const store = createMemoryStore();
    const env = { REBOUND_EXPORT_SECRET: SECRET };
    const first = await bot({ store, env });
    const rep = testUser('Once');
    const url = await exportUrl(first, rep);
    const other = await bot({ store, env });
    const path = new URL(url).pathname;
    const unused = await exportUrl(first, rep);
    // The other instance honours a link the first one made, once.
    expect((await fetch(`${other.server.url}${new URL(unused).pathname}`)).status).toBe(200);
    expect((await fetch(unused)).status).toBe(404);

    expect((await fetch(url)).status).toBe(200);
    await first.stop();
    running.splice(running.indexOf(first), 1);
    const restarted = await bot({ store, env });
    const again = await fetch(`${restarted.server.url}${path}`);
    expect(again.status).toBe(404);
    expect(await again.text()).toContain('expired or was already used');
    expect((await fetch(`${other.server.url}${path}`)).status).toBe(404);
  });
});

describe('where export links would travel over plain http', () => {
  it('says so at start, and the export command tells the person instead of handing out an http link', async () => {
    const b = await bot({ env: { REBOUND_PUBLIC_URL: 'http://rebound.example.com' } });
    expect(b.logs.some((l) => l.level === 40 && /export links are off: REBOUND_PUBLIC_URL/.test(String(l.msg)))).toBe(
      true,
    );
    const rep = testUser('No link');
    await b.client.message(rep, 'export');
    const card = cardOf(b.connector.messagesTo(b.client.personalConversationId(rep)).at(-1));
    expect(JSON.stringify(card)).not.toContain('/export/');
    expect(textOf(card)).toContain('not reached over a secure (https) address');
    await b.client.message(rep, 'エクスポート', { locale: 'ja-JP' });
    const ja = cardOf(b.connector.messagesTo(b.client.personalConversationId(rep)).at(-1));
    expect(JSON.stringify(ja)).not.toContain('/export/');
    expect(textOf(ja)).toContain('ダウンロード用のリンクをお渡しできません');
  });

  it('hands out links with an https public address', async () => {
    const b = await bot({ env: { REBOUND_PUBLIC_URL: 'https://rebound.example.com/' } });
    expect(b.logs.some((l) => /export links are off/.test(String(l.msg)))).toBe(false);
    const url = await exportUrl(b, testUser('Link'));
    expect(url.startsWith('https://rebound.example.com/export/')).toBe(true);
  });
});
