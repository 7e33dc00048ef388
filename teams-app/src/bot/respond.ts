import type { AdaptiveCardJson } from '@rebound/cards';
import { CardFactory, MessageFactory, type TurnContext } from 'botbuilder';

/** Sends an Adaptive Card as a new message in the turn's conversation. */
export async function sendCard(context: TurnContext, card: AdaptiveCardJson): Promise<string | undefined> {
  const sent = await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card)));
  return sent?.id;
}

export function cardActivity(card: AdaptiveCardJson) {
  return MessageFactory.attachment(CardFactory.adaptiveCard(card));
}
