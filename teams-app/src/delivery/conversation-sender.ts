import { BoundedMap, type ConversationRef } from '@rebound/core';
import { type Activity, type ConversationReference, TurnContext } from 'botbuilder';
import type { ConnectorClient } from 'botframework-connector';
import type { ReboundAdapter } from '../http/adapter';
import { type SendContext, withSendContext } from './send-context';

/** How long each connector call of one send may take; the sender's default (queued deliveries') when unset. */
export interface SendOptions {
  timeoutMs?: number;
}

/** Sends into a stored conversation (personal chat or team channel) outside any turn of its own. */
export interface ConversationSender {
  /** Posts a new message; resolves with the id Teams gave it (null when Teams gave none). */
  send(ref: ConversationRef, activity: Partial<Activity>, options?: SendOptions): Promise<string | null>;
  /** Replaces a message posted earlier (a card taken back to its withdrawn form). */
  update(ref: ConversationRef, messageId: string, activity: Partial<Activity>, options?: SendOptions): Promise<void>;
}

/**
 * Proactive sends straight through the connector, one client per service URL: no turn, no middleware, nothing
 * for the turn error handler to apologise for in the recipient's chat. Errors reach the caller (the queue
 * classifies them). Every HTTP attempt runs in a send context naming the tenant and conversation whose limits
 * it spends, and the deadline of its call (deadline.ts).
 */
export function createConversationSender(adapter: ReboundAdapter, botAppId: string): ConversationSender {
  // Bounded: service URLs come from the stored references, first written from requests.
  const clients = new BoundedMap<string, Promise<ConnectorClient>>(100);

  function clientFor(serviceUrl: string): Promise<ConnectorClient> {
    let client = clients.get(serviceUrl);
    if (!client) {
      client = adapter.proactiveConnector(botAppId, serviceUrl);
      // A failure to build one (credentials) is not cached: the next send tries again.
      client.catch(() => {
        if (clients.get(serviceUrl) === client) clients.delete(serviceUrl);
      });
      clients.set(serviceUrl, client);
    }
    return client;
  }

  /** The activity addressed as the stored reference says: conversation, bot, recipient, channel. */
  function addressed(
    ref: ConversationRef,
    activity: Partial<Activity>,
  ): { reference: Partial<ConversationReference>; activity: Partial<Activity> } {
    const reference = JSON.parse(ref.reference) as Partial<ConversationReference>;
    return { reference, activity: TurnContext.applyConversationReference({ ...activity }, reference) };
  }

  const contextOf = (ref: ConversationRef, options: SendOptions): SendContext => ({
    tenantId: ref.tenantId,
    conversationId: ref.conversationId,
    ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
  });

  return {
    async send(ref, activity, options = {}) {
      const { reference, activity: out } = addressed(ref, activity);
      const client = await clientFor(reference.serviceUrl ?? ref.serviceUrl);
      const sent = await withSendContext(contextOf(ref, options), () =>
        client.conversations.sendToConversation(ref.conversationId, out as Activity),
      );
      return sent?.id ?? null;
    },
    async update(ref, messageId, activity, options = {}) {
      const { reference, activity: out } = addressed(ref, { ...activity, id: messageId });
      const client = await clientFor(reference.serviceUrl ?? ref.serviceUrl);
      await withSendContext(contextOf(ref, options), () =>
        client.conversations.updateActivity(ref.conversationId, messageId, out as Activity),
      );
    },
  };
}
