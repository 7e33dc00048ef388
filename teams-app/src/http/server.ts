import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { createRebound, isReboundError, resolveLocale, type Store } from '@rebound/core';
import type { ServiceClientCredentialsFactory } from 'botframework-connector';
import type { Logger } from 'pino';
import restify from 'restify';
import { actorOf, tenantOf } from '../bot/actor';
import { createBotApp } from '../bot/app';
import { ConnectorClients } from '../bot/connector-clients';
import { ConversationCache } from '../bot/conversation-cache';
import { CORRELATION_KEY } from '../bot/reply';
import type { BotConfig } from '../config';
import type { LimitedHttpClient } from '../delivery/http-client';
import type { RateLimits } from '../delivery/rate-limiter';
import { createConnectorHttpClient, type DeliveryOptions, type DeliverySide, setUpDelivery } from '../delivery/setup';
import { botMessages } from '../messages';
import { checkActivity } from './activity-shape';
import { createAdapter } from './adapter';
import { shortErrorBodies } from './error-bodies';
import { createExportLinks, type ExportLinks } from './export-links';
import { type OrgCharts, orgChartSync, readOrgChart } from './org-chart';

export interface BotServerOptions {
  config: BotConfig;
  store: Store;
  logger: Logger;
  version: string;
  now?: () => Date;
  /** Tests inject one that signs outgoing calls without reaching Azure AD. */
  credentialsFactory?: ServiceClientCredentialsFactory;
  exportLinks?: ExportLinks;
  /** The org chart file as `readOrgChart` read it (the server reads `config.orgFile` itself when not given). */
  orgCharts?: OrgCharts | null;
  /** A new id per call (tests make them predictable). */
  ids?: () => string;
  /** Delivery tuning and test points; `limits` replaces Teams' rate limits (benchmarks scale them). */
  delivery?: DeliveryOptions & { limits?: Partial<RateLimits> };
}

export interface BotServer {
  /** `http://127.0.0.1:<port>` as bound (port 0 picks a free one). */
  url: string;
  /** The delivery queue, the scheduler (when this instance runs it) and the deliverer. */
  delivery: DeliverySide;
  /** Every HTTP attempt made to Teams, counted. */
  httpClient: LimitedHttpClient;
  close(): Promise<void>;
}

/** restify + teams-ai: `POST /api/messages`, `GET /healthz`, `GET /export/:token`. */
export async function startBotServer(options: BotServerOptions): Promise<BotServer> {
  const { config, store, logger } = options;
  // First: a bad org chart file stops the start before anything is opened.
  const orgCharts = options.orgCharts === undefined ? readOrgChart(config) : options.orgCharts;
  const now = options.now ?? (() => new Date());
  const exportLinks = options.exportLinks ?? createExportLinks({ secret: config.exportSecret });
  const { limits, ...deliveryOptions } = options.delivery ?? {};
  // One limiter for every HTTP attempt this process makes to Teams: turn replies and proactive sends alike.
  const httpClient = createConnectorHttpClient({ logger, limits, options: deliveryOptions });
  const adapter = createAdapter(config, { credentialsFactory: options.credentialsFactory, httpClient });
  const rebound = createRebound({
    store,
    clock: now,
    ids: options.ids ?? randomUUID,
    privacy: { k: config.privacyK },
    supportContacts: [...config.supportContacts],
  });
  const orgChart = orgChartSync(orgCharts, rebound.admin.syncOrgChart);
  const botAppId = config.credentials?.appId ?? '';
  let boundUrl = '';
  // Null when export links would travel over plain http beyond this machine: the bot then offers none.
  const publicUrl = () => (config.exportLinksUnavailable ? null : (config.publicUrl ?? boundUrl));
  const conversations = new ConversationCache();
  const botDeps = { config, rebound, store, logger, exportLinks, now, publicUrl, orgChart, conversations };
  const delivery = setUpDelivery({
    adapter,
    botAppId,
    rebound,
    store,
    logger,
    now,
    botDeps: () => botDeps,
    runScheduler: config.scheduler,
    options: deliveryOptions,
  });
  const app = createBotApp({ ...botDeps, adapter, deliver: delivery.deliver });
  const allowed = new Set(config.allowedTenants);
  const connectorClients = new ConnectorClients();
  adapter.shareUserTokenClients();

  const server = restify.createServer({ name: 'rebound-bot', handleUncaughtExceptions: false });
  server.use(restify.plugins.bodyParser({ maxBodySize: 256 * 1024, mapParams: false, mapFiles: false }));
  server.on('restifyError', shortErrorBodies(logger));

  server.post('/api/messages', async (req, res) => {
    const correlationId = randomUUID();
    const log = logger.child({ correlationId });
    res.header('x-correlation-id', correlationId);
    const checked = checkActivity(req.body);
    if (!checked.ok) {
      log.warn({ problems: checked.problems }, 'request refused: not a well-formed activity');
      res.send(400, { error: 'bad-request', correlationId });
      return;
    }
    const activity = checked.activity;
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
      const invokeResponse = await adapter.processAuthenticated(
        connectorClients.reuseFor(auth),
        activity,
        async (context) => {
          context.turnState.set(CORRELATION_KEY, correlationId);
          await app.run(context);
        },
      );
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

  // A wildcard, not `:token`: restify's router refuses parameters longer than 100 characters.
  server.get('/export/*', async (req, res) => {
    const locale = resolveLocale(null, req.header('accept-language') ?? null);
    const answer = (status: number, text: string) => {
      res.header('content-type', 'text/plain; charset=utf-8');
      res.sendRaw(status, text);
    };
    const link = exportLinks.verify(req.getPath().slice('/export/'.length));
    if (!link) return answer(404, botMessages.t(locale, 'export.link-invalid'));
    try {
      const { linkId, ...owner } = link;
      // Core records the link's use in the Store: once, on every instance and after restarts.
      const data = await rebound.exportMyData(owner, { linkId });
      const body = JSON.stringify(data, null, 2);
      res.header('content-type', 'application/json; charset=utf-8');
      res.header('content-disposition', 'attachment; filename="rebound-export.json"');
      res.header('cache-control', 'no-store');
      res.sendRaw(200, body);
    } catch (err) {
      // A genuine link to a person who is no longer there: they erased their data.
      if (isReboundError(err, 'not-found')) return answer(410, botMessages.t(locale, 'export.gone'));
      if (isReboundError(err, 'conflict')) return answer(404, botMessages.t(locale, 'export.link-invalid'));
      const correlationId = randomUUID();
      logger.error({ err, correlationId }, 'export failed');
      answer(500, botMessages.t(locale, 'turn.apology', { correlationId }));
    }
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  boundUrl = `http://${host}:${address.port}`;
  if (config.exportLinksUnavailable) logger.warn(`export links are off: ${config.exportLinksUnavailable}`);
  return {
    url: boundUrl,
    delivery,
    httpClient,
    async close() {
      await delivery.stop();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        (server.server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
      });
    },
  };
}
