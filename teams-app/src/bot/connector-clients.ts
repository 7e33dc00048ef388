import { BoundedMap } from '@rebound/core';
import type {
  AuthenticateRequestResult,
  ClaimsIdentity,
  ConnectorClient,
  ConnectorFactory,
  UserTokenClient,
} from 'botframework-connector';

/**
 * botbuilder's CloudAdapter builds a new ConnectorClient (credentials, HTTP pipeline with a dozen policies) for
 * every incoming activity, even when the turn only answers through the invoke response. A client holds no
 * per-turn state, so this process keeps one per bot app id, service URL and audience, as botbuilder's older
 * BotFrameworkAdapter did. Bounded: a bot sees a handful of service URLs; past `limit` the oldest goes.
 */
export class ConnectorClients {
  private readonly clients: BoundedMap<string, Promise<ConnectorClient>>;

  constructor(limit = 100) {
    this.clients = new BoundedMap(limit);
  }

  /** The authenticated request, with a connector factory that hands out this process's shared clients. */
  reuseFor(auth: AuthenticateRequestResult): AuthenticateRequestResult {
    const factory = auth.connectorFactory;
    if (!factory) return auth;
    const appId = (factory as { appId?: unknown }).appId;
    const prefix = `${typeof appId === 'string' ? appId : ''}|`;
    const shared: ConnectorFactory = {
      create: (serviceUrl: string, audience?: string) =>
        this.get(`${prefix}${serviceUrl}|${audience ?? ''}`, factory, serviceUrl, audience),
    };
    return { ...auth, connectorFactory: shared };
  }

  get size(): number {
    return this.clients.size;
  }

  private get(key: string, factory: ConnectorFactory, serviceUrl: string, audience?: string): Promise<ConnectorClient> {
    let client = this.clients.get(key);
    if (!client) {
      client = factory.create(serviceUrl, audience);
      this.clients.set(key, client);
      // A failed creation (credentials could not be built) is not kept: the next turn tries again.
      client.catch(() => {
        if (this.clients.get(key) === client) this.clients.delete(key);
      });
    }
    return client;
  }
}

/** What builds a turn's user token client: botbuilder's BotFrameworkAuthentication. */
interface UserTokenClientMaker {
  createUserTokenClient(claimsIdentity: ClaimsIdentity): Promise<UserTokenClient>;
}

/**
 * botbuilder's CloudAdapter also builds a UserTokenClient (credentials and another HTTP pipeline) for every
 * incoming activity, used only by sign-in prompts, which Rebound has none of. Like a connector client it holds
 * no per-turn state: its credentials depend only on the bot's app id (the token's audience, or its `appid`
 * claim, as botbuilder reads it), so `auth` hands out one per app id. Failed creations are not kept; bounded.
 */
export function shareUserTokenClients(auth: UserTokenClientMaker, limit = 100): void {
  const create = auth.createUserTokenClient.bind(auth);
  const clients = new BoundedMap<string, Promise<UserTokenClient>>(limit);
  auth.createUserTokenClient = (identity: ClaimsIdentity) => {
    const key = identity.getClaimValue('aud') ?? identity.getClaimValue('appid') ?? '';
    let client = clients.get(key);
    if (!client) {
      client = create(identity);
      clients.set(key, client);
      client.catch(() => {
        if (clients.get(key) === client) clients.delete(key);
      });
    }
    return client;
  };
}
