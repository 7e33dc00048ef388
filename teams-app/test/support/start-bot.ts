import { randomBytes } from 'node:crypto';
import { createMemoryStore, type Store } from '@rebound/core';
import type { ServiceClientCredentialsFactory } from 'botframework-connector';
import pino from 'pino';
import { afterEach } from 'vitest';
import { type BotConfig, loadConfig } from '../../src/config';
import { type BotServer, type BotServerOptions, startBotServer } from '../../src/http/server';
import { BotClient } from './bot-client';
import { FakeConnector, type FakeConnectorOptions } from './fake-connector';
import { describeLeaks, SecretWatch, secretsOf, watchResponses } from './secret-watch';

export interface RunningBot {
  server: BotServer;
  connector: FakeConnector;
  client: BotClient;
  store: Store;
  /** Log lines the bot wrote (pino JSON). */
  logs: Record<string, unknown>[];
  /** Looks for the configured secrets in every answer of the bot and every request it sends to the connector. */
  secrets: SecretWatch;
  /** Stops the bot and the connector; fails when a secret was seen since the last check. */
  stop(): Promise<void>;
}

/**
 * Canaries for the secrets a test does not set: the export secret is used (links are signed with it); the
 * database URL is only configured (the test's store is passed in), so a leak of configuration shows too.
 */
function canaryEnv(): Record<string, string> {
  const tag = randomBytes(12).toString('hex');
  return {
    REBOUND_EXPORT_SECRET: `canary-export-secret-${tag}`,
    REBOUND_DATABASE_URL: `postgres://rebound:canary-db-password-${tag}@canary-db.invalid:5432/rebound`,
  };
}

const running = new Set<SecretWatch>();

// Each test of a file that starts a bot ends with the scan: a secret in an answer fails the test that caused it
// (and `stop()` catches what passed outside tests, in beforeAll or afterAll).
afterEach(() => {
  const leaks = [...running].flatMap((watch) => watch.take());
  if (leaks.length > 0) throw new Error(describeLeaks(leaks));
});

/** Starts the bot on 127.0.0.1 with a free port, a fake connector and the given environment. */
export async function startTestBot(
  options: {
    env?: Record<string, string>;
    store?: Store;
    credentialsFactory?: ServiceClientCredentialsFactory;
    authorization?: () => string | undefined;
    tenantId?: string;
    server?: Partial<BotServerOptions>;
    /** Limits, injected faults and gone conversations of the fake connector. */
    connector?: FakeConnectorOptions;
  } = {},
): Promise<RunningBot> {
  // The scheduler stays off unless a test asks for it: its minute ticks would otherwise race the test's steps.
  const loaded = loadConfig({
    HOST: '127.0.0.1',
    LOG_LEVEL: 'info',
    REBOUND_SCHEDULER: 'off',
    // An org chart file (REBOUND_ORG_FILE) belongs to the test tenant unless a test says otherwise.
    REBOUND_ORG_TENANT: options.tenantId ?? 'tenant-test',
    ...canaryEnv(),
    ...options.env,
  });
  if (!loaded.ok) throw new Error(loaded.problems.join('\n'));
  const config: BotConfig = { ...loaded.config, port: 0 };
  const logs: Record<string, unknown>[] = [];
  const logger = pino({ level: 'debug' }, { write: (line: string) => logs.push(JSON.parse(line)) });
  const store = options.store ?? createMemoryStore();
  const secrets = new SecretWatch(secretsOf(config));
  const connector = await new FakeConnector({ ...options.connector, watch: secrets }).start();
  const server = await startBotServer({
    config,
    store,
    logger,
    version: '0.0.0-test',
    credentialsFactory: options.credentialsFactory,
    ...options.server,
  });
  const unwatch = watchResponses(Number(new URL(server.url).port), secrets);
  running.add(secrets);
  const client = new BotClient(server.url, connector.url, options.tenantId ?? 'tenant-test', options.authorization);
  return {
    server,
    connector,
    client,
    store,
    logs,
    secrets,
    async stop() {
      await server.close();
      await connector.stop();
      unwatch();
      running.delete(secrets);
      const leaks = secrets.take();
      if (leaks.length > 0) throw new Error(describeLeaks(leaks));
    },
  };
}
