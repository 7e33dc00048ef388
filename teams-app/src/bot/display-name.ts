import type { Person } from '@rebound/core';
import type { Activity, TurnContext } from 'botbuilder';
import type { ConnectorClient } from 'botframework-connector';

/** How long a roster look-up may take before the turn goes on without the name. */
export const ROSTER_NAME_TIMEOUT_MS = 3000;
const NAME_LIMIT = 100;

/**
 * A name worth greeting someone with: trimmed and cut to the stored length, or null when it is empty or only
 * one of the sender's ids (some clients put the id in `name`; Teams leaves `name` out of install events).
 */
export function usableName(name: unknown, from: Partial<Activity['from']> | undefined): string | null {
  if (typeof name !== 'string') return null;
  const trimmed = name.trim().slice(0, NAME_LIMIT).trim();
  if (!trimmed) return null;
  const ids = [from?.id, from?.aadObjectId].filter((id): id is string => typeof id === 'string');
  return ids.some((id) => id.trim().toLowerCase() === trimmed.toLowerCase()) ? null : trimmed;
}

/** What is stored as the name of someone whose name the bot could not learn: their id (as much as fits). */
export function namelessName(personId: string): string {
  return personId.slice(0, NAME_LIMIT);
}

/** True when the stored name is a real name, not the id the bot stored when it knew none. */
export function hasRealName(person: Pick<Person, 'id' | 'displayName'>): boolean {
  return person.displayName !== namelessName(person.id);
}

/**
 * The sender's name from the conversation roster (`GET /v3/conversations/{id}/members/{userId}`), or null when
 * the roster has none, does not answer within `timeoutMs`, or cannot be asked (no connector client).
 */
export async function rosterName(context: TurnContext, timeoutMs = ROSTER_NAME_TIMEOUT_MS): Promise<string | null> {
  const { activity } = context;
  const conversationId = activity.conversation?.id;
  const userId = activity.from?.id;
  const client = context.turnState.get<ConnectorClient | undefined>(context.adapter.ConnectorClientKey);
  if (!client || typeof conversationId !== 'string' || typeof userId !== 'string') return null;
  // The signal ends the HTTP call (and the pipeline's retries); the race holds the turn to the deadline even
  // if some layer under it does not listen to the signal.
  const signal = AbortSignal.timeout(timeoutMs);
  const expired = new Promise<null>((resolve) => signal.addEventListener('abort', () => resolve(null), { once: true }));
  const member = await Promise.race([
    client.conversations.getConversationMember(conversationId, userId, { abortSignal: signal }),
    expired,
  ]);
  return usableName((member as { name?: unknown } | null)?.name, activity.from);
}
