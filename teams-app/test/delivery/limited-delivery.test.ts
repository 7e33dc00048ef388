import type { ConversationReference } from 'botbuilder';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config';
import { createLimitedHttpClient, type LimitedHttpClient } from '../../src/delivery/http-client';
import { createTeamsRateLimiter, type RateLimits } from '../../src/delivery/rate-limiter';
import { classifySendError, sendWithRetry } from '../../src/delivery/retry';
import { withSendContext } from '../../src/delivery/send-context';
import { createAdapter, type ReboundAdapter } from '../../src/http/adapter';
import { FakeConnector, type FakeConnectorOptions } from '../support/fake-connector';

const TENANT = 'tenant-limits';
let connector: FakeConnector | null = null;

afterEach(async () => {
  await connector?.stop();
  connector = null;
});

async function setUp(
  limits: RateLimits,
  fake: Omit<FakeConnectorOptions, 'limits'> = {},
): Promise<{ adapter: ReboundAdapter; http: LimitedHttpClient; fake: FakeConnector }> {
  connector = await new FakeConnector({ ...fake, limits }).start();
  const loaded = loadConfig({ HOST: '127.0.0.1' });
  if (!loaded.ok) throw new Error(loaded.problems.join('\n'));
  const http = createLimitedHttpClient({ limiter: createTeamsRateLimiter(limits) });
  return { adapter: createAdapter({ ...loaded.config, port: 0 }, { httpClient: http }), http, fake: connector };
}

function reference(serviceUrl: string, conversationId: string): Partial<ConversationReference> {
  return {
    serviceUrl,
    channelId: 'msteams',
    bot: { id: 'bot', name: 'Rebound' },
    user: { id: `user-${conversationId}`, name: 'rep' },
    conversation: { id: conversationId, tenantId: TENANT, conversationType: 'personal', isGroup: false, name: '' },
  };
}

/** One proactive message, as the deliverer sends it: errors of the send come back to the caller. */
async function sendOne(adapter: ReboundAdapter, ref: Partial<ConversationReference>, text: string): Promise<void> {
  let failure: unknown = null;
  await withSendContext({ tenantId: TENANT, conversationId: ref.conversation?.id ?? null }, () =>
    adapter.continueConversationAsync('', ref, async (ctx) => {
      try {
        await ctx.sendActivity(text);
      } catch (err) {
        failure = err;
      }
    }),
  );
  if (failure) throw failure;
}

function plan(conversations: number, perConversation: number): { conversationId: string; text: string }[] {
  const out: { conversationId: string; text: string }[] = [];
  for (let i = 0; i < perConversation; i++) {
    for (let c = 0; c < conversations; c++) out.push({ conversationId: `a:chat/${c};x=1`, text: `m${i} to ${c}` });
  }
  return out;
}

const limits: RateLimits = {
  tenant: [{ limit: 25, windowMs: 1000 }],
  conversation: [
    { limit: 7, windowMs: 1000 },
    { limit: 8, windowMs: 2000 },
  ],
};

describe('proactive sends through the limited HTTP client', () => {
  it('stays within the tenant and conversation limits and delivers every message exactly once', async () => {
    const { adapter, http, fake } = await setUp(limits);
    const messages = plan(5, 10);
    await Promise.all(messages.map((m) => sendOne(adapter, reference(fake.url, m.conversationId), m.text)));

    expect(fake.violations).toEqual([]);
    const receipts = fake.receiptsByConversation();
    expect([...receipts.keys()].sort()).toEqual([0, 1, 2, 3, 4].map((c) => `a:chat/${c};x=1`));
    for (const count of receipts.values()) expect(count).toBe(10);
    // Every message arrived with its own text: nothing lost, nothing twice.
    const texts = fake.calls
      .filter((c) => (c.kind === 'send' || c.kind === 'reply') && c.body?.type === 'message')
      .map((c) => c.body.text as string);
    expect(texts.sort()).toEqual(messages.map((m) => m.text).sort());
    expect(http.stats()).toEqual({ attempts: fake.calls.length, byStatus: { 200: 50 } });
  });

  it('loses nothing with 5% injected 429s, counting the retries the connector makes by itself', async () => {
    const { adapter, http, fake } = await setUp(
      { ...limits, tenant: [{ limit: 100, windowMs: 1000 }] },
      { faults: { rate429: 0.05, seed: 7, retryAfterMs: 50 } },
    );
    const messages = plan(20, 8);
    const results = await Promise.allSettled(
      messages.map((m) =>
        sendWithRetry(() => sendOne(adapter, reference(fake.url, m.conversationId), m.text), {
          maxAttempts: 5,
          baseMs: 50,
        }),
      ),
    );

    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    expect(fake.violations).toEqual([]);
    const receipts = fake.receiptsByConversation();
    expect(receipts.size).toBe(20);
    for (const count of receipts.values()) expect(count).toBe(8);
    const stats = http.stats();
    expect(stats.byStatus[429]).toBeGreaterThan(0);
    expect(stats.byStatus[200]).toBe(messages.length);
    // The connector's own retries of those 429s went through the client too: every call the fake saw was counted.
    expect(stats.attempts).toBe(fake.calls.length);
    expect(stats.attempts).toBe(messages.length + (stats.byStatus[429] ?? 0));
  });

  it('surfaces a removed conversation as gone, without retrying it', async () => {
    const { adapter, http, fake } = await setUp(limits, { gone: new Set(['a:left']) });
    const error = await sendWithRetry(() => sendOne(adapter, reference(fake.url, 'a:left'), 'hello'), {
      sleep: async () => undefined,
    }).then(
      () => null,
      (err: unknown) => err,
    );
    expect(classifySendError(error)).toBe('gone');
    expect(http.stats()).toEqual({ attempts: 1, byStatus: { 403: 1 } });
    expect(fake.receiptsByConversation().size).toBe(0);
  });

  it('answers 429 with Retry-After and records a violation when a client ignores the limits', async () => {
    connector = await new FakeConnector({ limits }).start();
    const url = `${connector.url}/v3/conversations/a%3Aflood/activities`;
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 9; i++) {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ type: 'message', text: `flood ${i}`, conversation: { tenantId: TENANT } }),
      });
      statuses.push(res.status);
      if (res.status === 429) retryAfter = res.headers.get('retry-after');
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200, 200, 429, 429]);
    expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
    expect(connector.violations).toHaveLength(2);
    expect(connector.violations[0]).toMatchObject({ scope: 'conversation', window: { limit: 7, windowMs: 1000 } });
    expect(connector.receiptsByConversation().get('a:flood')).toBe(7);
  });
});
