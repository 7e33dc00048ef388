import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testUser } from './support/bot-client';
import { KeyServer, TestCredentialsFactory } from './support/key-server';
import { type RunningBot, startTestBot } from './support/start-bot';

const APP_ID = '11111111-2222-3333-4444-555555555555';

describe('with credentials, every request needs a valid Bot Framework token', () => {
  let keys: KeyServer;
  let bot: RunningBot;
  let authorization: string | undefined;

  beforeAll(async () => {
    keys = await new KeyServer().start();
    bot = await startTestBot({
      env: {
        MicrosoftAppId: APP_ID,
        MicrosoftAppPassword: 'not-a-real-secret',
        MicrosoftAppType: 'MultiTenant',
        BotOpenIdMetadata: keys.metadataUrl,
      },
      credentialsFactory: new TestCredentialsFactory(APP_ID),
      authorization: () => authorization,
    });
  });
  afterAll(async () => {
    await bot.stop();
    await keys.stop();
  });

  function expectRefusedWithoutInternals(res: { status: number; text: string }) {
    expect(res.status).toBe(401);
    expect(JSON.parse(res.text)).toEqual({ error: 'unauthorized', correlationId: expect.any(String) });
    expect(bot.connector.calls).toEqual([]);
  }

  it('refuses a request without a token and runs no turn', async () => {
    bot.connector.clear();
    authorization = undefined;
    const user = testUser('Mio');
    expectRefusedWithoutInternals(await bot.client.message(user, 'help'));
    expect(await bot.store.findConversationRefs('tenant-test', { personId: user.aadObjectId })).toEqual([]);
  });

  it('refuses a garbage token', async () => {
    bot.connector.clear();
    authorization = 'Bearer not.a.token';
    expectRefusedWithoutInternals(await bot.client.message(testUser('Mio'), 'help'));
  });

  it('refuses a well-formed token signed by a key the Bot Framework never published', async () => {
    bot.connector.clear();
    authorization = `Bearer ${keys.forgedToken({ appId: APP_ID, serviceUrl: bot.connector.url })}`;
    expectRefusedWithoutInternals(await bot.client.message(testUser('Mio'), 'help'));
  });

  it('refuses a valid signature meant for another bot', async () => {
    bot.connector.clear();
    authorization = `Bearer ${keys.token({ appId: 'another-bot', serviceUrl: bot.connector.url })}`;
    expectRefusedWithoutInternals(await bot.client.message(testUser('Mio'), 'help'));
  });

  it('accepts a valid token and answers through the connector', async () => {
    bot.connector.clear();
    authorization = `Bearer ${keys.token({ appId: APP_ID, serviceUrl: bot.connector.url })}`;
    const user = testUser('Mio');
    const res = await bot.client.message(user, 'help');
    expect(res.status).toBe(200);
    const sent = bot.connector.messagesTo(bot.client.personalConversationId(user));
    // First contact: the welcome card, then the answer; both signed for the connector.
    expect(sent).toHaveLength(2);
    expect(sent.map((c) => c.authorization)).toEqual(['Bearer outgoing-test-token', 'Bearer outgoing-test-token']);
  });
});

describe('when the signing keys cannot be fetched', () => {
  let bot: RunningBot;
  beforeAll(async () => {
    const gone = await new KeyServer().start();
    const metadata = gone.metadataUrl;
    await gone.stop();
    bot = await startTestBot({
      env: { MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'x', BotOpenIdMetadata: metadata },
      credentialsFactory: new TestCredentialsFactory(APP_ID),
      authorization: () => `Bearer ${new KeyServerTokenless().token}`,
    });
  });
  afterAll(() => bot.stop());

  it('fails closed with 401 and shows no URL, host or error text', async () => {
    const res = await bot.client.message(testUser('Ren'), 'help');
    expect(res.status).toBe(401);
    expect(res.text).not.toMatch(/127\.0\.0\.1|http|fetch|ECONNREFUSED|openid/i);
    expect(bot.connector.calls).toEqual([]);
  });
});

/** A syntactically valid RS256 token whose key id nobody can resolve. */
class KeyServerTokenless {
  readonly token = [
    Buffer.from(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid: 'unknown' })).toString('base64url'),
    Buffer.from(JSON.stringify({ iss: 'https://api.botframework.com', aud: APP_ID })).toString('base64url'),
    Buffer.from('signature').toString('base64url'),
  ].join('.');
}

describe('REBOUND_ALLOWED_TENANTS', () => {
  let bot: RunningBot;
  beforeAll(async () => {
    bot = await startTestBot({ env: { REBOUND_ALLOWED_TENANTS: 'tenant-a, tenant-b' }, tenantId: 'tenant-other' });
  });
  afterAll(() => bot.stop());

  it('refuses activities from any other tenant and sends nothing', async () => {
    const user = testUser('Sora');
    const res = await bot.client.message(user, 'help');
    expect(res.status).toBe(403);
    expect(bot.connector.calls).toEqual([]);
    expect(await bot.store.findConversationRefs('tenant-other', { personId: user.aadObjectId })).toEqual([]);
  });

  it('serves an allowed tenant', async () => {
    const user = testUser('Sora');
    const activity = bot.client.base(user, { type: 'message', text: 'help' });
    activity.conversation.tenantId = 'tenant-b';
    activity.channelData = { tenant: { id: 'tenant-b' } };
    const res = await bot.client.post(activity);
    expect(res.status).toBe(200);
    // The welcome (first contact), then the help card.
    expect(bot.connector.messagesTo(bot.client.personalConversationId(user))).toHaveLength(2);
  });
});
