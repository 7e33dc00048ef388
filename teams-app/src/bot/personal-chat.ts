import type { AdaptiveCardJson } from '@rebound/cards';
import type { Activity, ConversationReference, TurnContext } from 'botbuilder';
import type { ConnectorClient } from 'botframework-connector';
import { withSendContext } from '../delivery/send-context';
import type { Deliverer } from './delivery';
import { say } from './reply';
import { cardActivity } from './respond';
import type { Turn } from './turn';

/**
 * True when the turn's conversation is the person's 1:1 chat with the bot (Teams leaves `conversationType` out
 * there at times). In a channel or a group chat, whatever the bot posts or updates is seen by everyone in it.
 */
export function isPersonalChat(activity: Partial<Activity>): boolean {
  const type = activity.conversation?.conversationType;
  return type === undefined || type === 'personal';
}

/**
 * Sends one person's cards (a form, their items, an acknowledgement of what they wrote) to their 1:1 chat with
 * the bot, wherever they asked for them, and gives the short text to answer in the channel or group chat:
 * a pointer to that chat, or, when it could not be reached, how to open it. Nothing personal is in either text.
 */
export async function sendToPersonalChat(
  context: TurnContext,
  turn: Turn,
  deliver: Deliverer,
  cards: readonly (AdaptiveCardJson | string)[],
): Promise<string> {
  const { tenantId, personId } = turn.actor;
  const reachable =
    (await turn.deps.rebound.host.conversationFor(tenantId, { personId })) !== null ||
    // Someone who just erased their data from here has no chat stored any more, and none is stored again for them.
    ((await turn.deps.store.getPerson(tenantId, personId)) !== null && (await openPersonalChat(context, turn)));
  let sent = reachable;
  for (const card of cards) {
    if (!sent) break;
    const activity =
      typeof card === 'string' ? { type: 'message', text: card, textFormat: 'markdown' } : cardActivity(card);
    sent = await deliver.direct(tenantId, personId, activity);
  }
  return say(turn.locale, sent ? 'personalChat.sent' : 'personalChat.unreachable');
}

/**
 * Opens a 1:1 chat with the person who wrote (Teams answers with the existing one when there is one) through
 * the turn's own connector client (its deadline and the rate limiter apply), and stores it for every later
 * send. False, logged, when Teams refused or did not answer.
 */
async function openPersonalChat(context: TurnContext, turn: Turn): Promise<boolean> {
  const { tenantId, personId } = turn.actor;
  const { from, recipient, serviceUrl, channelId, locale } = context.activity;
  const client = context.turnState.get<ConnectorClient | undefined>(context.adapter.ConnectorClientKey);
  if (!client || !from?.id || !recipient?.id) return false;
  try {
    const created = await withSendContext({ tenantId, conversationId: null }, () =>
      client.conversations.createConversation({
        isGroup: false,
        bot: { id: recipient.id, name: recipient.name ?? '' },
        members: [{ id: from.id, name: from.name ?? '', aadObjectId: personId }],
        tenantId,
        channelData: { tenant: { id: tenantId } },
      } as Parameters<ConnectorClient['conversations']['createConversation']>[0]),
    );
    if (typeof created?.id !== 'string' || created.id.length === 0) return false;
    const reference: Partial<ConversationReference> = {
      bot: { id: recipient.id, name: recipient.name ?? '' },
      user: { id: from.id, name: from.name ?? '', aadObjectId: personId },
      conversation: { id: created.id, conversationType: 'personal', isGroup: false, tenantId, name: '' },
      channelId,
      serviceUrl,
      ...(locale ? { locale } : {}),
    };
    await turn.deps.rebound.host.saveConversation(tenantId, {
      kind: 'personal',
      personId,
      conversationId: created.id,
      serviceUrl,
      reference: JSON.stringify(reference),
    });
    return true;
  } catch (err) {
    turn.deps.logger.warn({ err, personId }, 'could not open a personal chat');
    return false;
  }
}
