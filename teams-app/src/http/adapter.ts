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
import type { ConnectorHttpClient } from '../delivery/http-client';

/**
 * TeamsAdapter with authentication split from processing, so the HTTP layer can refuse an unauthenticated
 * request itself (401, no internal text) before any turn runs. botbuilder's own `process` answers some
 * failures with 500 and the raw error message, which can name hosts and URLs.
 */
export class ReboundAdapter extends TeamsAdapter {
  /** From now on, turns share one user token client per bot app id (see `shareUserTokenClients`). */
  shareUserTokenClients(): void {
    shareUserTokenClients(this.botFrameworkAuthentication);
  }

  /** Throws when the request does not carry a token botbuilder accepts (or when keys cannot be fetched). */
  authenticate(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    return this.botFrameworkAuthentication.authenticateRequest(activity, authHeader);
  }

  processAuthenticated(
    auth: AuthenticateRequestResult,
    activity: Activity,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<InvokeResponse | undefined> {
    return this.processActivity(auth, activity, logic);
  }

  /**
   * A connector client for proactive sends to `serviceUrl`, as the bot (`botAppId`). botbuilder's
   * `continueConversationAsync` builds a new client, token client and turn for every message; a fan-out sends
   * thousands, so the delivery queue keeps one client per service URL instead (its credentials cache and renew
   * their own tokens).
   */
  proactiveConnector(botAppId: string, serviceUrl: string): Promise<ConnectorClient> {
    const factory = this.botFrameworkAuthentication.createConnectorFactory(this.createClaimsIdentity(botAppId));
    return factory.create(serviceUrl);
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
  return new ReboundAdapter(authConfig, options.credentialsFactory, undefined, connectorOptions);
}
