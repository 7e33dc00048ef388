import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeConnector } from './support/fake-connector';
import { SecretWatch, watchResponses } from './support/secret-watch';
import { startTestBot } from './support/start-bot';

// The scan that every test starting a bot ends with (start-bot's afterEach and `stop()`): it must see what it
// claims to see, or a leak would pass unnoticed.
describe('the secret scan of the HTTP tests', () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it('configures canaries for the secrets a test does not set, and the app password a test sets', async () => {
    const plain = await startTestBot();
    cleanups.push(() => plain.stop());
    expect(plain.secrets.names).toEqual(
      expect.arrayContaining(['REBOUND_EXPORT_SECRET', 'REBOUND_DATABASE_URL', 'REBOUND_DATABASE_URL password']),
    );
    const withCredentials = await startTestBot({
      env: { MicrosoftAppId: 'app-id', MicrosoftAppPassword: 'app-password-canary' },
    });
    cleanups.push(() => withCredentials.stop());
    expect(withCredentials.secrets.names).toContain('MicrosoftAppPassword');
  });

  it('reads every response of a watched server, whoever asks', async () => {
    const secret = 'response-canary-0123456789';
    const server = createServer((req, res) => {
      if (req.url === '/header') res.setHeader('x-debug', secret);
      res.write('{"part":"');
      res.end(req.url === '/body' ? `${secret}"}` : 'nothing"}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
    const port = (server.address() as AddressInfo).port;
    const watch = new SecretWatch([['TEST_SECRET', secret]]);
    cleanups.push(watchResponses(port, watch));

    for (const path of ['/clean', '/body', '/header']) await (await fetch(`http://127.0.0.1:${port}${path}`)).text();
    expect(watch.take()).toEqual([
      { secret: 'TEST_SECRET', where: 'the answer to GET /body (200)' },
      { secret: 'TEST_SECRET', where: 'the answer to GET /header (200)' },
    ]);
    expect(watch.take()).toEqual([]);
  });

  it('reads every request the bot sends to the fake connector, recorded or not', async () => {
    const secret = 'request-canary-0123456789';
    const watch = new SecretWatch([
      ['TEST_SECRET', secret],
      ['SHORT', 'x'],
    ]);
    const connector = await new FakeConnector({ watch, recordCalls: false }).start();
    cleanups.push(() => connector.stop());
    await fetch(`${connector.url}/v3/conversations/a%3A1/activities`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'message', text: `leaked ${secret}` }),
    });
    expect(watch.take()).toEqual([
      { secret: 'TEST_SECRET', where: "the bot's POST /v3/conversations/a%3A1/activities to the connector" },
    ]);
    expect(watch.names).toEqual(['TEST_SECRET']);
  });
});
