import type { AuthenticateRequestResult, ConnectorClient, ConnectorFactory } from 'botframework-connector';

/**
 * botbuilder's CloudAdapter builds a new ConnectorClient (credentials, HTTP pipeline with a dozen policies) for
 * every incoming activity, even when the turn only answers through the invoke response. A client holds no
 * per-turn state, so this process keeps one per bot app id, service URL and audience, as botbuilder's older
 * BotFrameworkAdapter did. Bounded: a bot sees a handful of service URLs; the map starts over past `limit`.
 */
export class ConnectorClients {
  private readonly clients = new Map<string, Promise<ConnectorClient>>();

  constructor(private readonly limit = 100) {}

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
      if (this.clients.size >= this.limit) this.clients.clear();
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
