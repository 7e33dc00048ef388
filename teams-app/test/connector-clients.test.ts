import { type AuthenticateRequestResult, ClaimsIdentity, type ConnectorClient } from 'botframework-connector';
import { describe, expect, it } from 'vitest';
import { ConnectorClients, shareUserTokenClients } from '../src/bot/connector-clients';

/** A connector factory as botbuilder builds one per request, counting the clients it makes. */
function authFor(appId: string, made: string[], fail = false): AuthenticateRequestResult {
  const connectorFactory = {
    appId,
    async create(serviceUrl: string, audience?: string) {
      made.push(`${appId} ${serviceUrl} ${audience ?? ''}`);
      if (fail) throw new Error('no credentials');
      return { serviceUrl, audience } as unknown as ConnectorClient;
    },
  };
  return { audience: 'https://api.botframework.com', callerId: '', claimsIdentity: {}, connectorFactory } as never;
}

describe('connector clients shared across turns', () => {
  it('builds one client per app id, service URL and audience, however many turns ask', async () => {
    const clients = new ConnectorClients();
    const made: string[] = [];
    const first = await clients.reuseFor(authFor('app', made)).connectorFactory?.create('https://smba/a', 'aud');
    const again = await clients.reuseFor(authFor('app', made)).connectorFactory?.create('https://smba/a', 'aud');
    expect(again).toBe(first);
    await clients.reuseFor(authFor('app', made)).connectorFactory?.create('https://smba/b', 'aud');
    await clients.reuseFor(authFor('other-app', made)).connectorFactory?.create('https://smba/a', 'aud');
    await clients.reuseFor(authFor('app', made)).connectorFactory?.create('https://smba/a', 'other-aud');
    expect(made).toEqual([
      'app https://smba/a aud',
      'app https://smba/b aud',
      'other-app https://smba/a aud',
      'app https://smba/a other-aud',
    ]);
  });

  it('keeps nothing from a failed creation: the next turn tries again', async () => {
    const clients = new ConnectorClients();
    const made: string[] = [];
    await expect(
      clients.reuseFor(authFor('app', made, true)).connectorFactory?.create('https://smba/a'),
    ).rejects.toThrow('no credentials');
    await clients.reuseFor(authFor('app', made)).connectorFactory?.create('https://smba/a');
    expect(made).toHaveLength(2);
    expect(clients.size).toBe(1);
  });

  it('stays bounded when activities name many service URLs', async () => {
    const clients = new ConnectorClients(3);
    const made: string[] = [];
    for (let i = 0; i < 10; i++)
      await clients.reuseFor(authFor('app', made)).connectorFactory?.create(`https://smba/${i}`);
    expect(made).toHaveLength(10);
    expect(clients.size).toBeLessThanOrEqual(3);
  });

  it('leaves a request without a connector factory as it is', () => {
    const auth = { ...authFor('app', []), connectorFactory: undefined };
    expect(new ConnectorClients().reuseFor(auth)).toBe(auth);
  });
});

describe('user token clients shared across turns', () => {
  const identity = (claims: Record<string, string>) =>
    new ClaimsIdentity(Object.entries(claims).map(([type, value]) => ({ type, value })));

  /** botbuilder's authentication as far as user token clients go, counting the clients it makes. */
  function authCounting(made: string[], failFirst = false) {
    return {
      async createUserTokenClient(claims: ClaimsIdentity) {
        const appId = claims.getClaimValue('aud') ?? claims.getClaimValue('appid') ?? '';
        made.push(appId);
        if (failFirst && made.length === 1) throw new Error('no credentials');
        return { appId } as never;
      },
    };
  }

  it('builds one per bot app id (audience claim, else appid claim), however many turns ask', async () => {
    const made: string[] = [];
    const auth = authCounting(made);
    shareUserTokenClients(auth);
    const first = await auth.createUserTokenClient(identity({ aud: 'bot-a' }));
    expect(await auth.createUserTokenClient(identity({ aud: 'bot-a', appid: 'x' }))).toBe(first);
    await auth.createUserTokenClient(identity({ aud: 'bot-b' }));
    await auth.createUserTokenClient(identity({ appid: 'emulated' }));
    await auth.createUserTokenClient(identity({}));
    await auth.createUserTokenClient(identity({}));
    expect(made).toEqual(['bot-a', 'bot-b', 'emulated', '']);
  });

  it('keeps nothing from a failed creation, and stays bounded', async () => {
    const made: string[] = [];
    const auth = authCounting(made, true);
    shareUserTokenClients(auth, 3);
    await expect(auth.createUserTokenClient(identity({ aud: 'bot' }))).rejects.toThrow('no credentials');
    await auth.createUserTokenClient(identity({ aud: 'bot' }));
    await auth.createUserTokenClient(identity({ aud: 'bot' }));
    expect(made).toEqual(['bot', 'bot']);
    for (let i = 0; i < 10; i++) await auth.createUserTokenClient(identity({ aud: `bot-${i}` }));
    await auth.createUserTokenClient(identity({ aud: 'bot' }));
    expect(made).toHaveLength(13);
  });
});
