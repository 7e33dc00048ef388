import { Application, type TurnState } from '@microsoft/teams-ai';
import { MemoryStorage } from 'botbuilder';
import restify from 'restify';
import { loadConfig } from '../config';
import { createAdapter } from '../http/adapter';

/**
 * The benchmark's baseline: a teams-ai Application with default options and MemoryStorage whose
 * Action.Execute handler returns a one-TextBlock card, on the same adapter configuration and restify version
 * as the Rebound bot. Not part of the product.
 */
export async function startEchoBot(port: number): Promise<{ url: string; close(): Promise<void> }> {
  const loaded = loadConfig({ HOST: '127.0.0.1' });
  if (!loaded.ok) throw new Error(loaded.problems.join('\n'));
  const adapter = createAdapter({ ...loaded.config, port });
  const app = new Application<TurnState>({ adapter, botAppId: '', storage: new MemoryStorage() });
  app.adaptiveCards.actionExecute(/.*/, async () => ({
    type: 'AdaptiveCard',
    version: '1.5',
    body: [{ type: 'TextBlock', text: 'Thanks', wrap: true }],
  }));
  const server = restify.createServer({ name: 'echo-bot', handleUncaughtExceptions: false });
  server.use(restify.plugins.bodyParser({ maxBodySize: 256 * 1024, mapParams: false, mapFiles: false }));
  server.post('/api/messages', async (req, res) => {
    await adapter.process(req, res, (context) => app.run(context).then(() => undefined));
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', () => resolve()));
  return {
    url: `http://127.0.0.1:${(server.address() as { port: number }).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
