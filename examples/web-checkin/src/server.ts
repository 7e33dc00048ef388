import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import {
  type AdaptiveCardJson,
  actionOf,
  type CheckInFormValues,
  checkInAckCard,
  checkInCard,
  checkInValuesFrom,
  type ErrorSummary,
  errorCardFor,
  errorSummary,
  formatPeriod,
  type LogFormValues,
  logAckCard,
  logFormCard,
  logFormValuesFrom,
  parseCheckInForm,
  parseLogForm,
  parseLogReflection,
  promptView,
  type Submitted,
  supportContactView,
} from '@rebound/cards';
import { hostConfigs } from '@rebound/cards/host-configs';
import {
  createMemoryStore,
  createRebound,
  isReboundError,
  type Locale,
  localDateOf,
  type Rebound,
  ReboundError,
  type RejectionLog,
  type Store,
  type SupportContact,
  selectPrompts,
} from '@rebound/core';
import { createSqlStore } from '@rebound/store-sql';
import { pageHtml } from './page';

export interface CheckinServerOptions {
  /** `sqlite:./file.db`, `postgres://...`, or omitted for an in-memory store. */
  storeUrl?: string;
  /** The signed-in person. A real HR tool takes this from its own session, never from the request body. */
  actor?: { tenantId: string; personId: string; displayName: string; timeZone: string };
  port?: number;
  clock?: () => Date;
  supportContacts?: SupportContact[];
}

export interface CheckinServer {
  url: string;
  store: Store;
  rebound: Rebound;
  actor: { tenantId: string; personId: string };
  close(): Promise<void>;
}

const require = createRequire(import.meta.url);

/** A form sent back with the person's values and what was wrong (answered 422). */
class FormError extends Error {
  constructor(readonly card: AdaptiveCardJson) {
    super('form sent back with errors');
  }
}
const MAX_BODY = 64 * 1024;

async function staticFiles(): Promise<Record<string, { type: string; body: string }>> {
  const acDist = join(dirname(require.resolve('adaptivecards')), '..', 'dist');
  const mdBrowser = join(dirname(require.resolve('markdown-it')), 'browser');
  return {
    '/static/adaptivecards.js': {
      type: 'text/javascript',
      body: await readFile(join(acDist, 'adaptivecards.min.js'), 'utf8'),
    },
    '/static/adaptivecards.css': { type: 'text/css', body: await readFile(join(acDist, 'adaptivecards.css'), 'utf8') },
    // Rebound's host configs (light, dark, high contrast) for `new AdaptiveCards.HostConfig(...)` in the page.
    '/static/host-configs.json': { type: 'application/json', body: JSON.stringify(hostConfigs) },
    '/static/markdown-it.js': {
      type: 'text/javascript',
      body: await readFile(join(mdBrowser, 'markdown-it.umd.min.js'), 'utf8'),
    },
  };
}

function send(res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { 'content-type': `${type}; charset=utf-8`, 'cache-control': 'no-store' });
  res.end(body);
}

function sendCard(res: ServerResponse, status: number, card: AdaptiveCardJson): void {
  send(res, status, 'application/json', JSON.stringify({ card }));
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new ReboundError('validation', 'error.validation');
    chunks.push(chunk as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new ReboundError('validation', 'error.validation');
  }
}

/** The small web server another HR tool would write around Rebound: cards out, submissions in. */
export async function startCheckinServer(options: CheckinServerOptions = {}): Promise<CheckinServer> {
  const person = options.actor ?? {
    tenantId: 'acme-hr',
    personId: 'demo-rep',
    displayName: 'Demo Rep',
    timeZone: 'Asia/Tokyo',
  };
  const actor = { tenantId: person.tenantId, personId: person.personId };
  const clock = options.clock ?? (() => new Date());
  const store = options.storeUrl ? await createSqlStore({ url: options.storeUrl }) : createMemoryStore();
  const rebound = createRebound({
    store,
    clock,
    ids: () => randomUUID(),
    supportContacts: options.supportContacts ?? [
      { kind: 'hr', name: 'HR wellbeing desk / 人事 相談窓口', contact: 'https://hr.example.com/talk' },
    ],
  });
  await rebound.registerPerson(actor, { displayName: person.displayName, timeZone: person.timeZone });
  const files = await staticFiles();

  async function prompts(locale: Locale, trigger: { kind: 'check-in' } | { kind: 'log'; log: RejectionLog }) {
    const mine = await rebound.listMyItems(actor, { limit: 50 });
    const selection = selectPrompts({
      now: clock().toISOString(),
      timeZone: person.timeZone,
      personId: actor.personId,
      recentLogs: mine.logs.map((l) => l.log),
      recentCheckIns: mine.checkIns.map((c) => c.checkIn),
      trigger,
    });
    return selection.prompts.map((p) => promptView(p, locale));
  }

  async function formCard(
    kind: string,
    locale: Locale,
    back: { values?: LogFormValues & CheckInFormValues; errors?: ErrorSummary } = {},
  ): Promise<AdaptiveCardJson | null> {
    const me = await rebound.getSettings(actor);
    const today = localDateOf(clock(), person.timeZone);
    const defaultVisibility = me.person.privacy.defaultVisibility;
    if (kind === 'log') return logFormCard({ locale, today, defaultVisibility, ...back });
    if (kind === 'check-in') {
      return checkInCard({
        locale,
        cadence: 'daily',
        periodKey: today,
        periodLabel: formatPeriod(today, locale),
        prompts: await prompts(locale, { kind: 'check-in' }),
        defaultVisibility,
        answerPreference: me.person.answerPreference,
        ...back,
      });
    }
    return null;
  }

  async function submit(data: Submitted, locale: Locale): Promise<AdaptiveCardJson> {
    switch (actionOf(data)) {
      case 'log.submit': {
        const parsed = parseLogForm(data, { timeZone: person.timeZone, now: clock() });
        if (!parsed.ok) {
          // The form comes back with what was typed and what was wrong, so nothing has to be typed twice.
          const card = await formCard('log', locale, {
            values: logFormValuesFrom(data),
            errors: errorSummary(parsed.error, locale),
          });
          throw new FormError(card!);
        }
        const { log } = await rebound.logRejection(actor, parsed.value.input);
        const [prompt] = await prompts(locale, { kind: 'log', log });
        return logAckCard({ locale, logId: log.id, prompt: prompt ?? null, visibility: log.visibility });
      }
      case 'log.reflect': {
        const parsed = parseLogReflection(data);
        if (!parsed.ok) throw parsed.error;
        const { logId, visibility } = parsed.value;
        const sharing = await rebound.setVisibility(actor, { itemKind: 'log', itemId: logId, visibility });
        return logAckCard({ locale, logId, prompt: null, visibility: sharing.visibility });
      }
      case 'checkIn.submit': {
        const parsed = parseCheckInForm(data);
        if (!parsed.ok) {
          const shown = Array.isArray(data.prompts) ? data.prompts.map((p) => String((p as { id?: unknown }).id)) : [];
          const card = await formCard('check-in', locale, {
            values: checkInValuesFrom(data, shown),
            errors: errorSummary(parsed.error, locale),
          });
          throw new FormError(card!);
        }
        const result = await rebound.submitCheckIn(actor, parsed.value);
        return checkInAckCard({
          locale,
          checkInId: result.checkIn.id,
          visibility: result.checkIn.visibility,
          permissionToNotSell: result.checkIn.permissionToNotSell,
          supportRequested: result.checkIn.supportRequested,
          contacts: result.supportContacts.map(supportContactView),
        });
      }
      default:
        throw new ReboundError('validation', 'error.validation');
    }
  }

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const locale: Locale = url.searchParams.get('lang') === 'ja' ? 'ja' : 'en';
    try {
      if (req.method === 'GET' && url.pathname === '/') return send(res, 200, 'text/html', pageHtml());
      const file = files[url.pathname];
      if (req.method === 'GET' && file) return send(res, 200, file.type, file.body);
      if (req.method === 'GET' && url.pathname.startsWith('/api/cards/')) {
        const card = await formCard(url.pathname.slice('/api/cards/'.length), locale);
        return card
          ? send(res, 200, 'application/json', JSON.stringify(card))
          : send(res, 404, 'text/plain', 'Not found');
      }
      if (req.method === 'POST' && url.pathname === '/api/submit') {
        const body = (await readJson(req)) as { data?: unknown };
        const data = body && typeof body.data === 'object' && body.data !== null ? (body.data as Submitted) : {};
        return sendCard(res, 200, await submit(data, locale));
      }
      send(res, 404, 'text/plain', 'Not found');
    } catch (error) {
      if (error instanceof FormError) return sendCard(res, 422, error.card);
      // Bad input gets the error card saying what was wrong; anything else a general card, never internals.
      const status = isReboundError(error, 'validation') ? 422 : isReboundError(error) ? 409 : 500;
      if (status === 500) console.error(error);
      sendCard(res, status, errorCardFor(error, locale));
    }
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    store,
    rebound,
    actor,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await store.close();
    },
  };
}
