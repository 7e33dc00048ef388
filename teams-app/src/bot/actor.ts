import { type Locale, resolveLocale } from '@rebound/core';
import type { Activity, TurnContext } from 'botbuilder';

/** Who is acting in this turn, taken only from the authenticated activity, never from card data. */
export interface Actor {
  tenantId: string;
  /** The Teams AAD object id; null for senders Teams does not identify (bots, malformed activities). */
  personId: string | null;
  displayName: string;
  clientLocale: string | null;
  conversationType: 'personal' | 'channel' | 'groupChat';
}

export function tenantOf(activity: Partial<Activity>): string | null {
  const fromChannelData = (activity.channelData as { tenant?: { id?: unknown } } | undefined)?.tenant?.id;
  const id = activity.conversation?.tenantId ?? fromChannelData;
  return typeof id === 'string' && id.length > 0 ? id : null;
}

export function actorOf(activity: Partial<Activity>): Actor | null {
  const tenantId = tenantOf(activity);
  if (!tenantId) return null;
  const aad = activity.from?.aadObjectId;
  const type = activity.conversation?.conversationType;
  return {
    tenantId,
    personId: typeof aad === 'string' && aad.length > 0 ? aad : null,
    displayName: activity.from?.name?.slice(0, 100) || '',
    clientLocale: typeof activity.locale === 'string' ? activity.locale.slice(0, 20) : null,
    conversationType: type === 'channel' || type === 'groupChat' ? type : 'personal',
  };
}

/**
 * The language for this turn's answers. The person's stored setting wins; until the service lands the bot
 * reads it from the store directly, then falls back to the Teams locale of this message.
 */
export function turnLocale(context: TurnContext, setting?: Locale | null): Locale {
  return resolveLocale(setting ?? null, context.activity.locale ?? null);
}
