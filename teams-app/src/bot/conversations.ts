import { createHash } from 'node:crypto';
import type { ConversationRef, Store } from '@rebound/core';
import { type Activity, TurnContext } from 'botbuilder';
import type { Actor } from './actor';

function refId(conversationId: string, personId: string | null): string {
  return `cr-${createHash('sha256')
    .update(`${conversationId}\u0000${personId ?? ''}`)
    .digest('hex')
    .slice(0, 40)}`;
}

/**
 * Keeps where the bot can reach this person (personal chat) or team (channel), with the serviceUrl the
 * activity came from, so proactive sends reach the same client. Unchanged references are not rewritten.
 */
export function createConversationBook(store: Store, now: () => Date) {
  const seen = new Map<string, string>();

  return {
    async remember(activity: Partial<Activity>, actor: Actor, teamId: string | null = null): Promise<void> {
      const conversationId = activity.conversation?.id;
      const serviceUrl = activity.serviceUrl;
      if (!conversationId || !serviceUrl) return;
      const kind = actor.conversationType === 'channel' ? 'channel' : 'personal';
      if (kind === 'personal' && (!actor.personId || actor.conversationType !== 'personal')) return;
      const personId = kind === 'personal' ? actor.personId : null;
      const id = refId(conversationId, personId);
      const fingerprint = `${serviceUrl}|${teamId ?? ''}`;
      if (seen.get(id) === fingerprint) return;
      const reference = JSON.stringify(TurnContext.getConversationReference(activity));
      const ref: ConversationRef = {
        tenantId: actor.tenantId,
        id,
        kind,
        personId,
        teamId,
        conversationId: conversationId.slice(0, 1000),
        serviceUrl,
        reference: reference.length <= 8000 ? reference : '{}',
        active: true,
        updatedAt: now().toISOString(),
      };
      await store.putConversationRef(ref);
      seen.set(id, fingerprint);
    },

    /** Uninstall or removal: nothing more is sent to this conversation. */
    async deactivate(tenantId: string, conversationId: string): Promise<void> {
      const refs = await store.findConversationRefs(tenantId, { conversationId });
      for (const ref of refs) {
        seen.delete(ref.id);
        if (ref.active) await store.putConversationRef({ ...ref, active: false, updatedAt: now().toISOString() });
      }
    },
  };
}
export type ConversationBook = ReturnType<typeof createConversationBook>;
