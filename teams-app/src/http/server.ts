import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { resolveLocale, type Store } from '@rebound/core';
import type { Activity } from 'botbuilder';
import type { ServiceClientCredentialsFactory } from 'botframework-connector';
import type { Logger } from 'pino';
import restify from 'restify';
import { actorOf, tenantOf } from '../bot/actor';
import { createBotApp } from '../bot/app';
import { CORRELATION_KEY } from '../bot/reply';
import type { BotConfig } from '../config';
import { botMessages } from '../messages';
import { createAdapter } from './adapter';
import { createExportLinks, type ExportLinks } from './export-links';

export interface BotServerOptions {
  config: BotConfig;
  store: Store;
  logger: Logger;
  version: string;
  now?: () => Date;
  /** Tests inject one that signs outgoing calls without reaching Azure AD. */
  credentialsFactory?: ServiceClientCredentialsFactory;
  exportLinks?: ExportLinks;
  /** Builds the JSON for `/export/:token`; comes from the core service. Null while none is wired. */
  exportPersonData?: ((tenantId: string, personId: string) => Promise<unknown>) | null;
}

export interface BotServer {
  /** `http://127.0.0.1:<port>` as bound (port 0 picks a free one). */
  url: string;
  close(): Promise<void>;
}

/** restify + teams-ai: `POST /api/messages`, `GET /healthz`, `GET /export/:token`. */
export async function startBotServer(options: BotServerOptions): Promise<BotServer> {
  const { config, store, logger } = options;
  const now = options.now ?? (() => new Date());
  const exportLinks = options.exportLinks ?? createExportLinks({ secret: config.exportSecret });
  const adapter = createAdapter(config, { credentialsFactory: options.credentialsFactory });
  const app = createBotApp({ config, adapter, store, logger, exportLinks, now });
  const allowed = new Set(config.allowedTenants);

  const server = restify.createServer({ name: 'rebound-bot', handleUncaughtExceptions: false });
  server.use(restify.plugins.bodyParser({ maxBodySize: 256 * 1024, mapParams: false, mapFiles: false }));

  server.post('/api/messages', async (req, res) => {
    const correlationId = randomUUID();
    const log = logger.child({ correlationId });
    res.header('x-correlation-id', correlationId);
    const activity = req.body as Activity | undefined;
    if (!activity || typeof activity !== 'object' || typeof activity.type !== 'string') {
      res.send(400, { error: 'bad-request', correlationId });
      return;
    }
    let auth: Awaited<ReturnType<typeof adapter.authenticate>>;
    try {
      auth = await adapter.authenticate(activity, req.header('authorization') ?? '');
    } catch (err) {
      // Includes failures to fetch signing keys: fail closed, and keep botbuilder's text out of the answer.
      log.warn({ reason: (err as Error)?.message }, 'request refused: not authenticated');
      res.send(401, { error: 'unauthorized', correlationId });
      return;
    }
    const tenantId = tenantOf(activity);
    if (allowed.size > 0 && (!tenantId || !allowed.has(tenantId))) {
      log.warn({ tenantId }, 'request refused: tenant not allowed');
      res.send(403, { error: 'tenant-not-allowed', correlationId });
      return;
    }
    const actor = actorOf(activity);
    log.debug({ type: activity.type, name: activity.name, personId: actor?.personId }, 'activity');
    try {
      const invokeResponse = await adapter.processAuthenticated(auth, activity, async (context) => {
        context.turnState.set(CORRELATION_KEY, correlationId);
        await app.run(context);
      });
      res.send(invokeResponse?.status ?? 200, invokeResponse?.body);
    } catch (err) {
      log.error({ err }, 'turn failed outside the turn error handler');
      res.send(500, { error: 'internal', correlationId });
    }
  });

  server.get('/healthz', async (_req, res) => {
    try {
      await store.getPerson('healthz', 'healthz');
      res.send(200, { status: 'ok', store: 'reachable', version: options.version });
    } catch (err) {
      logger.error({ err }, 'health check: store unreachable');
      res.send(503, { status: 'unavailable', store: 'unreachable', version: options.version });
    }
  });

  server.get('/export/:token', async (req, res) => {
    const locale = resolveLocale(null, req.header('accept-language') ?? null);
    const claim = exportLinks.redeem(String(req.params?.token ?? ''));
    if (!claim || !options.exportPersonData) {
      res.header('content-type', 'text/plain; charset=utf-8');
      res.sendRaw(404, botMessages.t(locale, 'export.link-invalid'));
      return;
    }
    try {
      const data = await options.exportPersonData(claim.tenantId, claim.personId);
      const body = JSON.stringify(data, null, 2);
      res.header('content-type', 'application/json; charset=utf-8');
      res.header('content-disposition', 'attachment; filename="rebound-export.json"');
      res.header('cache-control', 'no-store');
      res.sendRaw(200, body);
    } catch (err) {
      const correlationId = randomUUID();
      logger.error({ err, correlationId }, 'export failed');
      res.header('content-type', 'text/plain; charset=utf-8');
      res.sendRaw(500, botMessages.t(locale, 'turn.apology', { correlationId }));
    }
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${host}:${address.port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        (server.server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
      }),
  };
}
