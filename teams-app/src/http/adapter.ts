import { TeamsAdapter } from '@microsoft/teams-ai';
import type { Activity, InvokeResponse, TurnContext } from 'botbuilder';
import type {
  AuthenticateRequestResult,
  ConnectorClient,
  ConnectorClientOptions,
  ServiceClientCredentialsFactory,
} from 'botframework-connector';
import { shareUserTokenClients } from '../bot/connector-clients';
import type { BotConfig } from '../config';
import { QUEUED_CALL_TIMEOUT_MS, TURN_CALL_TIMEOUT_MS, withCallDeadline, withinDeadline } from '../delivery/deadline';
import type { ConnectorHttpClient } from '../delivery/http-client';
import { withTurnScope } from '../delivery/send-context';

/** Deadlines of the adapter's outgoing calls, in ms. */
export interface CallDeadlines {
  /** Each connector call a turn makes (its replies). Default 4 s. */
  turnCallTimeoutMs?: number;
  /** Each connector call of a proactive send, unless the send names its own. Default 15 s. */
  queuedCallTimeoutMs?: number;
  /**
   * Checking an incoming request's token, signing keys fetch included (botbuilder fetches them with no
   * timeout and no way to pass one: past this the request is refused, the fetch is left behind). Default 5 s.
   */
  authTimeoutMs?: number;
}

/**
 * TeamsAdapter with authentication split from processing, so the HTTP layer can refuse an unauthenticated
 * request itself (401, no internal text) before any turn runs. botbuilder's own `process` answers some
 * failures with 500 and the raw error message, which can name hosts and URLs.
 */
export class ReboundAdapter extends TeamsAdapter {
  private deadlines: Required<CallDeadlines> = {
    turnCallTimeoutMs: TURN_CALL_TIMEOUT_MS,
    queuedCallTimeoutMs: QUEUED_CALL_TIMEOUT_MS,
    authTimeoutMs: 5000,
  };

  setDeadlines(deadlines: CallDeadlines): void {
    for (const [key, value] of Object.entries(deadlines) as [keyof CallDeadlines, number | undefined][]) {
      if (value === undefined) continue;
      if (!(Number.isFinite(value) && value > 0)) throw new RangeError(`${key} must be a positive number of ms`);
      this.deadlines[key] = value;
    }
  }

  /** From now on, turns share one user token client per bot app id (see `shareUserTokenClients`). */
  shareUserTokenClients(): void {
    shareUserTokenClients(this.botFrameworkAuthentication);
  }

  /** Throws when the request does not carry a token botbuilder accepts (or when keys cannot be fetched). */
  authenticate(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    return withinDeadline(
      this.botFrameworkAuthentication.authenticateRequest(activity, authHeader),
      this.deadlines.authTimeoutMs,
      'authentication',
    );
  }

  /**
   * Runs the turn: every connector call it makes has the turn's call deadline, and it runs in a turn scope of
   * its own, where the deliverer keeps count of how long the turn waited for other people's messages.
   */
  processAuthenticated(
    auth: AuthenticateRequestResult,
    activity: Activity,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<InvokeResponse | undefined> {
    const factory = auth.connectorFactory;
    const ms = this.deadlines.turnCallTimeoutMs;
    const withDeadlines: AuthenticateRequestResult = factory
      ? {
          ...auth,
          connectorFactory: {
            create: async (serviceUrl: string, audience?: string) =>
              withCallDeadline(await factory.create(serviceUrl, audience), ms),
          },
        }
      : auth;
    return withTurnScope(() => this.processActivity(withDeadlines, activity, logic));
  }

  /**
   * A connector client for proactive sends to `serviceUrl`, as the bot (`botAppId`). botbuilder's
   * `continueConversationAsync` builds a new client, token client and turn for every message; a fan-out sends
   * thousands, so the delivery queue keeps one client per service URL instead (its credentials cache and renew
   * their own tokens).
   */
  async proactiveConnector(botAppId: string, serviceUrl: string): Promise<ConnectorClient> {
    const factory = this.botFrameworkAuthentication.createConnectorFactory(this.createClaimsIdentity(botAppId));
    return withCallDeadline(await factory.create(serviceUrl), this.deadlines.queuedCallTimeoutMs);
  }
}

export function createAdapter(
  config: BotConfig,
  options: {
    credentialsFactory?: ServiceClientCredentialsFactory;
    connectorOptions?: ConnectorClientOptions;
    /**
     * The HTTP client of every connector the adapter creates, for turn replies and proactive sends alike
     * (delivery/http-client.ts: rate-limited and counted).
     */
    httpClient?: ConnectorHttpClient;
    deadlines?: CallDeadlines;
  } = {},
): ReboundAdapter {
  const c = config.credentials;
  const authConfig: Record<string, string | undefined> = {
    MicrosoftAppId: c?.appId ?? '',
    MicrosoftAppPassword: c?.appPassword ?? '',
    MicrosoftAppTenantId: c?.appTenantId ?? '',
    MicrosoftAppType: c?.appType ?? 'MultiTenant',
  };
  if (config.openIdMetadata) {
    // Naming one endpoint switches botbuilder to "fully parameterized" mode, where every other endpoint
    // must be given too; these are the public cloud's values.
    Object.assign(authConfig, {
      BotOpenIdMetadata: config.openIdMetadata,
      ToBotFromChannelTokenIssuer: 'https://api.botframework.com',
      ToChannelFromBotLoginUrl: 'https://login.microsoftonline.com/botframework.com',
      ToChannelFromBotOAuthScope: 'https://api.botframework.com',
      OAuthApiEndpoint: 'https://api.botframework.com',
      ToBotFromEmulatorOpenIdMetadataUrl:
        'https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration',
      CallerId: 'urn:botframework:azure',
    });
  }
  const connectorOptions = options.httpClient
    ? { ...options.connectorOptions, httpClient: options.httpClient }
    : options.connectorOptions;
  const adapter = new ReboundAdapter(authConfig, options.credentialsFactory, undefined, connectorOptions);
  if (options.deadlines) adapter.setDeadlines(options.deadlines);
  return adapter;
}
