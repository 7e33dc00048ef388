import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ConnectorClient, MicrosoftAppCredentials } from 'botframework-connector';
import { afterEach, describe, expect, it } from 'vitest';
import { withCallDeadline } from '../src/delivery/deadline';
import { testUser } from './support/bot-client';
import { KeyServer, TestCredentialsFactory } from './support/key-server';
import { type RunningBot, startTestBot } from './support/start-bot';

const APP_ID = '11111111-2222-3333-4444-555555555555';

/** A server that takes requests and never answers them (a token or key endpoint that hangs). */
class SilentServer {
  open = 0;
  private server: Server = createServer((req, res) => {
    this.open++;
    res.on('close', () => this.open--);
    req.resume();
  });
  url = '';
  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }
  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

/** Outgoing calls are signed with a token fetched from `tokenUrl`, as MSAL would (with no timeout of its own). */
class SlowTokenFactory extends TestCredentialsFactory {
  constructor(
    appId: string,
    private readonly tokenUrl: string,
  ) {
    super(appId);
  }
  override async createCredentials() {
    const tokenUrl = this.tokenUrl;
    return {
      // biome-ignore lint/suspicious/noExplicitAny: botbuilder's WebResource type is not exported from a public path
      async signRequest(webResource: any) {
        const res = await fetch(tokenUrl, { method: 'POST', body: 'grant_type=client_credentials' });
        webResource.headers.set('authorization', `Bearer ${await res.text()}`);
        return webResource;
      },
    };
  }
}

let bot: RunningBot | null = null;
const servers: { stop(): Promise<void> }[] = [];
afterEach(async () => {
  await bot?.stop();
  bot = null;
  for (const s of servers.splice(0)) await s.stop();
});

describe('outgoing calls other than sends', () => {
  it('answers the turn although the token endpoint never answers', async () => {
    const keys = await new KeyServer().start();
    const tokens = await new SilentServer().start();
    servers.push(keys, tokens);
    bot = await startTestBot({
      env: { MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'not-a-real-secret', BotOpenIdMetadata: keys.metadataUrl },
      credentialsFactory: new SlowTokenFactory(APP_ID, tokens.url),
      authorization: () => `Bearer ${keys.token({ appId: APP_ID, serviceUrl: bot?.connector.url ?? '' })}`,
      server: { delivery: { turnCallTimeoutMs: 500 } },
    });
    const res = await bot.client.message(testUser('Mio'), 'help');

    // The turn ended (its replies could not be signed in time) while the token request was still open.
    expect(res.status).toBe(200);
    expect(tokens.open).toBeGreaterThan(0);
    expect(bot.connector.calls).toEqual([]);
    const failed = bot.logs.find((l) => l.msg === 'turn failed');
    expect(JSON.stringify(failed)).toContain('no answer within 500 ms');
  });

  it('refuses a request whose signing keys cannot be fetched in time, while the key endpoint still hangs', async () => {
    const signer = await new KeyServer().start();
    const silent = await new SilentServer().start();
    servers.push(signer, silent);
    bot = await startTestBot({
      env: { MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'x', BotOpenIdMetadata: `${silent.url}/openid` },
      credentialsFactory: new TestCredentialsFactory(APP_ID),
      authorization: () => `Bearer ${signer.token({ appId: APP_ID, serviceUrl: bot?.connector.url ?? '' })}`,
      server: { delivery: { authTimeoutMs: 500 } },
    });
    const res = await bot.client.message(testUser('Ren'), 'help');

    expect(res.status).toBe(401);
    expect(JSON.parse(res.text)).toEqual({ error: 'unauthorized', correlationId: expect.any(String) });
    expect(silent.open).toBe(1);
    expect(bot.connector.calls).toEqual([]);
  });

  it('puts the deadline around the credentials and the retry policy of every connector client', () => {
    const client = withCallDeadline(
      new ConnectorClient(MicrosoftAppCredentials.Empty, { baseUri: 'http://127.0.0.1:1' }),
      1000,
    );
    const policies = () =>
      (client as unknown as { client: { pipeline: { getOrderedPolicies(): { name: string }[] } } }).client.pipeline
        .getOrderedPolicies()
        .map((p) => p.name);
    const order = policies();
    const at = (name: string) => order.indexOf(name);
    expect(at('reboundCallDeadline')).toBeGreaterThanOrEqual(0);
    expect(at('reboundCallDeadline')).toBeLessThan(at('ServiceClientContext_Credentials_SignRequest'));
    expect(at('reboundCallDeadline')).toBeLessThan(at('defaultRetryPolicy'));
    // Shared clients come back turn after turn: the policy is added once.
    withCallDeadline(client, 1000);
    expect(policies().filter((n) => n === 'reboundCallDeadline')).toHaveLength(1);
  });
});
