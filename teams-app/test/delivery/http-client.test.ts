import type { Activity } from 'botbuilder';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config';
import {
  type ConnectorHttpClient,
  type ConnectorRequest,
  type ConnectorResponse,
  conversationIdOf,
  createLimitedHttpClient,
} from '../../src/delivery/http-client';
import { createTeamsRateLimiter, type RateLimiter } from '../../src/delivery/rate-limiter';
import { classifySendError } from '../../src/delivery/retry';
import { withSendContext } from '../../src/delivery/send-context';
import { createAdapter } from '../../src/http/adapter';
import { FakeConnector } from '../support/fake-connector';

/** Records who asked for slots, and how many are still held. */
function recordingLimiter(): RateLimiter & { asked: [string, string | null][]; held: number } {
  const state = {
    asked: [] as [string, string | null][],
    held: 0,
    async acquire(tenantId: string, conversationId: string | null) {
      state.asked.push([tenantId, conversationId]);
      state.held++;
      let released = false;
      return () => {
        if (!released) state.held--;
        released = true;
      };
    },
    size: () => ({ tenants: 0, conversations: 0 }),
    waiting: () => 0,
  };
  return state;
}

/** A stand-in for the wire that answers with the given statuses in turn (or throws what it is given). */
function wire(answers: (number | Error)[]): ConnectorHttpClient {
  return {
    async sendRequest(request) {
      const next = answers.shift() ?? 200;
      if (next instanceof Error) throw next;
      return { request, status: next, headers: request.headers } as ConnectorResponse;
    },
  };
}

function request(url: string, body?: unknown): ConnectorRequest {
  return { url, method: 'POST', body: body === undefined ? undefined : JSON.stringify(body) } as ConnectorRequest;
}

let connector: FakeConnector | null = null;
afterEach(async () => {
  await connector?.stop();
  connector = null;
});

describe('limited HTTP client', () => {
  it('takes the conversation from the URL path, decoded, under any service path prefix', () => {
    expect(conversationIdOf('https://smba.example/amer/v3/conversations/a%3A1%2Fx%3Bmessageid%3D9/activities/5')).toBe(
      'a:1/x;messageid=9',
    );
    expect(conversationIdOf('http://127.0.0.1:1/v3/conversations/19%3Aabc%40thread.skype/members')).toBe(
      '19:abc@thread.skype',
    );
    expect(conversationIdOf('http://127.0.0.1:1/v3/conversations')).toBeNull();
    expect(conversationIdOf('not a url')).toBeNull();
  });

  it("counts each attempt for the send context's tenant, else the body's, else a shared bucket", async () => {
    const limiter = recordingLimiter();
    const http = createLimitedHttpClient({ limiter, inner: wire([200, 200, 200]) });
    const url = 'http://127.0.0.1:1/v3/conversations/c%201/activities';
    await withSendContext({ tenantId: 'from-context' }, () =>
      http.sendRequest(request(url, { conversation: { tenantId: 'from-body' } })),
    );
    await http.sendRequest(request(url, { type: 'message', conversation: { id: 'c 1', tenantId: 'from-body' } }));
    await http.sendRequest(request('http://127.0.0.1:1/v3/conversations', { isGroup: false }));
    expect(limiter.asked).toEqual([
      ['from-context', 'c 1'],
      ['from-body', 'c 1'],
      ['unknown', null],
    ]);
    expect(limiter.held).toBe(0);
  });

  it('counts answers by status and failures without one, and gives every slot back', async () => {
    const limiter = recordingLimiter();
    const refused = Object.assign(new Error('refused'), { code: 'ECONNREFUSED' });
    const http = createLimitedHttpClient({ limiter, inner: wire([429, 200, refused]) });
    const url = 'http://127.0.0.1:1/v3/conversations/c/activities';
    await http.sendRequest(request(url));
    await http.sendRequest(request(url));
    await expect(http.sendRequest(request(url))).rejects.toBe(refused);
    expect(http.stats()).toEqual({ attempts: 3, byStatus: { 200: 1, 429: 1, error: 1 } });
    expect(limiter.held).toBe(0);
    http.resetStats();
    expect(http.stats()).toEqual({ attempts: 0, byStatus: {} });
  });

  it('sends once more, through the limiter, when a reused keep-alive connection turns out closed', async () => {
    const limiter = recordingLimiter();
    const stale = Object.assign(new Error('reset'), { code: 'ECONNRESET', reusedSocket: true });
    const fresh = Object.assign(new Error('reset'), { code: 'ECONNRESET', reusedSocket: false });
    const http = createLimitedHttpClient({ limiter, inner: wire([stale, 200, fresh]) });
    const url = 'http://127.0.0.1:1/v3/conversations/c/activities';
    expect((await http.sendRequest(request(url))).status).toBe(200);
    await expect(http.sendRequest(request(url))).rejects.toBe(fresh);
    expect(limiter.asked).toHaveLength(3);
    expect(http.stats()).toEqual({ attempts: 3, byStatus: { 200: 1, error: 2 } });
    expect(limiter.held).toBe(0);
  });

  it('turns a connection failure into an error the retry policy retries', async () => {
    const http = createLimitedHttpClient({ limiter: createTeamsRateLimiter() });
    // A port nothing listens on: start a fake connector and stop it at once.
    const gone = await new FakeConnector().start();
    await gone.stop();
    const error = await withSendContext({ tenantId: 't' }, () =>
      http.sendRequest({ ...request(`${gone.url}/v3/conversations/c/activities`), headers: emptyHeaders() }),
    ).then(
      () => null,
      (err: unknown) => err,
    );
    expect(classifySendError(error)).toBe('retry');
    expect(http.stats().byStatus).toEqual({ error: 1 });
  });

  it("carries the bot's turn replies too, once installed through createAdapter", async () => {
    connector = await new FakeConnector().start();
    const loaded = loadConfig({ HOST: '127.0.0.1' });
    if (!loaded.ok) throw new Error(loaded.problems.join('\n'));
    const limiter = recordingLimiter();
    const http = createLimitedHttpClient({ limiter });
    const adapter = createAdapter({ ...loaded.config, port: 0 }, { httpClient: http });
    const incoming = {
      type: 'message',
      id: 'in-1',
      text: 'ping',
      channelId: 'msteams',
      serviceUrl: connector.url,
      from: { id: 'user-1', name: 'rep' },
      recipient: { id: 'bot', name: 'Rebound' },
      conversation: { id: 'a:turn', tenantId: 'tenant-turn', conversationType: 'personal', isGroup: false, name: '' },
    } as Activity;
    const auth = await adapter.authenticate(incoming, '');
    await adapter.processAuthenticated(auth, incoming, async (ctx) => {
      await ctx.sendActivity('pong');
    });
    expect(connector.textsTo('a:turn')).toEqual(['pong']);
    expect(limiter.asked).toEqual([['tenant-turn', 'a:turn']]);
    expect(http.stats()).toEqual({ attempts: 1, byStatus: { 200: 1 } });
  });
});

function emptyHeaders(): ConnectorRequest['headers'] {
  return { headersArray: () => [] } as unknown as ConnectorRequest['headers'];
}
