import { createSign, generateKeyPairSync, type KeyObject, randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ServiceClientCredentialsFactory } from 'botframework-connector';

/**
 * A local OpenID key server standing in for the Bot Framework's, so a valid token (signed by a key it
 * publishes) and a forged one (signed by a key it does not) can both be tested offline. botbuilder is
 * pointed at it through its `BotOpenIdMetadata` setting.
 */
export class KeyServer {
  readonly kid = `test-key-${randomUUID()}`;
  private readonly keys = generateKeyPairSync('rsa', { modulusLength: 2048 });
  private server = createServer((req, res) => {
    res.setHeader('content-type', 'application/json');
    if (req.url === '/.well-known/openidconfiguration') {
      res.end(JSON.stringify({ issuer: 'https://api.botframework.com', jwks_uri: `${this.url}/keys` }));
      return;
    }
    if (req.url === '/keys') {
      const jwk = this.keys.publicKey.export({ format: 'jwk' });
      res.end(
        JSON.stringify({
          keys: [{ kty: 'RSA', use: 'sig', kid: this.kid, n: jwk.n, e: jwk.e, endorsements: ['msteams'] }],
        }),
      );
      return;
    }
    res.statusCode = 404;
    res.end('{}');
  });
  url = '';

  get metadataUrl(): string {
    return `${this.url}/.well-known/openidconfiguration`;
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** A Bot Framework channel token as Teams would send it, signed by the published key. */
  token(
    claims: { appId: string; serviceUrl: string },
    signWith: KeyObject = this.keys.privateKey,
    kid = this.kid,
  ): string {
    const now = Math.floor(Date.now() / 1000);
    return signRs256(
      {
        iss: 'https://api.botframework.com',
        aud: claims.appId,
        serviceurl: claims.serviceUrl,
        nbf: now - 10,
        exp: now + 600,
      },
      signWith,
      kid,
    );
  }

  /** Same claims and key id, signed by a key the server never published. */
  forgedToken(claims: { appId: string; serviceUrl: string }): string {
    const other = generateKeyPairSync('rsa', { modulusLength: 2048 });
    return this.token(claims, other.privateKey);
  }
}

function signRs256(payload: Record<string, unknown>, key: KeyObject, kid: string): string {
  const enc = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const data = `${enc({ alg: 'RS256', typ: 'JWT', kid })}.${enc(payload)}`;
  const signature = createSign('RSA-SHA256').update(data).sign(key).toString('base64url');
  return `${data}.${signature}`;
}

/** Outgoing calls are signed with a fixed test token instead of one fetched from Azure AD (offline here). */
export class TestCredentialsFactory extends ServiceClientCredentialsFactory {
  constructor(private readonly appId: string) {
    super();
  }
  override async isValidAppId(appId: string): Promise<boolean> {
    return appId === this.appId;
  }
  override async isAuthenticationDisabled(): Promise<boolean> {
    return false;
  }
  override async createCredentials() {
    return {
      // biome-ignore lint/suspicious/noExplicitAny: botbuilder's WebResource type is not exported from a public path
      async signRequest(webResource: any) {
        webResource.headers.set('authorization', 'Bearer outgoing-test-token');
        return webResource;
      },
    };
  }
}
