import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { BotConfig } from '../../src/config';

/** A configured secret found in something the bot answered or sent. */
export interface Leak {
  /** Which secret (`REBOUND_EXPORT_SECRET`, ...), never its value. */
  secret: string;
  /** What carried it: a response of the bot or a request to the connector. */
  where: string;
}

/**
 * Looks for configured secrets in every text it is shown, and keeps what it found. Values shorter than 8
 * characters are not looked for: they would turn up by chance (a test may set `MicrosoftAppPassword: 'x'`).
 */
export class SecretWatch {
  private readonly found: Leak[] = [];
  private readonly secrets: [name: string, value: string][];

  constructor(secrets: Iterable<[name: string, value: string | undefined]>) {
    this.secrets = [...secrets].filter((s): s is [string, string] => typeof s[1] === 'string' && s[1].length >= 8);
  }

  /** The names of the secrets looked for. */
  get names(): string[] {
    return this.secrets.map(([name]) => name);
  }

  check(where: string, text: string): void {
    for (const [secret, value] of this.secrets) if (text.includes(value)) this.found.push({ secret, where });
  }

  /** Everything found since the last call. */
  take(): Leak[] {
    return this.found.splice(0, this.found.length);
  }
}

/** Every secret in the bot's configuration, by the variable that sets it. */
export function secretsOf(config: BotConfig): [string, string | undefined][] {
  const out: [string, string | undefined][] = [
    ['REBOUND_EXPORT_SECRET', config.exportSecret],
    ['REBOUND_DATABASE_URL', config.databaseUrl],
    ['MicrosoftAppPassword', config.credentials?.appPassword],
  ];
  if (/^postgres(ql)?:\/\//.test(config.databaseUrl)) {
    // The password alone, in case only that part escapes.
    const password = URL.parse(config.databaseUrl)?.password;
    if (password) out.push(['REBOUND_DATABASE_URL password', decodeURIComponent(password)]);
  }
  return out;
}

export function describeLeaks(leaks: readonly Leak[]): string {
  return `configuration secrets left the bot:\n${leaks.map((l) => `  ${l.secret} in ${l.where}`).join('\n')}`;
}

// Every HTTP response of a watched server is read as it is written, whoever asked (BotClient, a bare fetch,
// a browser): node's `http.server.request.start` channel hands over each request with its response.
const watchedPorts = new Map<number, SecretWatch>();
const CHANNEL = 'http.server.request.start';

function onRequest(message: unknown): void {
  const { request, response } = message as { request: IncomingMessage; response: ServerResponse };
  const port = request.socket.localPort;
  const watch = port === undefined ? undefined : watchedPorts.get(port);
  if (!watch) return;
  const chunks: string[] = [];
  const keep = (chunk: unknown) => {
    if (typeof chunk === 'string') chunks.push(chunk);
    else if (chunk instanceof Uint8Array) chunks.push(Buffer.from(chunk).toString('utf8'));
  };
  const write = response.write;
  const end = response.end;
  response.write = function (this: ServerResponse, chunk: unknown, ...rest: unknown[]) {
    keep(chunk);
    return (write as (...args: unknown[]) => boolean).call(this, chunk, ...rest);
  } as ServerResponse['write'];
  response.end = function (this: ServerResponse, chunk?: unknown, ...rest: unknown[]) {
    if (typeof chunk !== 'function') keep(chunk);
    return (end as (...args: unknown[]) => ServerResponse).call(this, chunk, ...rest);
  } as ServerResponse['end'];
  response.once('finish', () => {
    const headers = JSON.stringify(response.getHeaders());
    watch.check(`the answer to ${request.method} ${request.url} (${response.statusCode})`, headers + chunks.join(''));
  });
}

/** Checks every response the server on `port` (this process) writes, headers and body, until the returned stop. */
export function watchResponses(port: number, watch: SecretWatch): () => void {
  if (watchedPorts.size === 0) subscribe(CHANNEL, onRequest);
  watchedPorts.set(port, watch);
  return () => {
    if (watchedPorts.get(port) !== watch) return;
    watchedPorts.delete(port);
    if (watchedPorts.size === 0) unsubscribe(CHANNEL, onRequest);
  };
}
