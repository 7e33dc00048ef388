import { createMemoryStore, type Store } from '@rebound/core';
import type { ServiceClientCredentialsFactory } from 'botframework-connector';
import pino from 'pino';
import { type BotConfig, loadConfig } from '../../src/config';
import { type BotServer, type BotServerOptions, startBotServer } from '../../src/http/server';
import { BotClient } from './bot-client';
import { FakeConnector, type FakeConnectorOptions } from './fake-connector';

export interface RunningBot {
  server: BotServer;
  connector: FakeConnector;
  client: BotClient;
  store: Store;
  /** Log lines the bot wrote (pino JSON). */
  logs: Record<string, unknown>[];
  stop(): Promise<void>;
}

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
  const loaded = loadConfig({ HOST: '127.0.0.1', LOG_LEVEL: 'info', REBOUND_SCHEDULER: 'off', ...options.env });
  if (!loaded.ok) throw new Error(loaded.problems.join('\n'));
  const config: BotConfig = { ...loaded.config, port: 0 };
  const logs: Record<string, unknown>[] = [];
  const logger = pino({ level: 'debug' }, { write: (line: string) => logs.push(JSON.parse(line)) });
  const store = options.store ?? createMemoryStore();
  const connector = await new FakeConnector(options.connector).start();
  const server = await startBotServer({
    config,
    store,
    logger,
    version: '0.0.0-test',
    credentialsFactory: options.credentialsFactory,
    ...options.server,
  });
  const client = new BotClient(server.url, connector.url, options.tenantId ?? 'tenant-test', options.authorization);
  return {
    server,
    connector,
    client,
    store,
    logs,
    async stop() {
      await server.close();
      await connector.stop();
    },
  };
}
