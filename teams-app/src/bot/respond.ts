import type { AdaptiveCardJson } from '@rebound/cards';
import { ActivityTypes, CardFactory, MessageFactory, type TurnContext } from 'botbuilder';
import type { Logger } from 'pino';
import { answerWithText, correlationIdOf } from './reply';

/** Sends an Adaptive Card as a new message in the turn's conversation. */
export async function sendCard(context: TurnContext, card: AdaptiveCardJson): Promise<string | undefined> {
  const sent = await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card)));
  return sent?.id;
}

export function cardActivity(card: AdaptiveCardJson) {
  return MessageFactory.attachment(CardFactory.adaptiveCard(card));
}

/** What a card button gets back: a card in place of the one pressed, or a short text. */
export type ActionAnswer = AdaptiveCardJson | string;

/**
 * The one rule for replacing the message a button was pressed on, for everyone who sees it: only when Teams
 * said which message that was (`replyToId`), and only in a personal chat, where everyone is the person who
 * pressed it and the bot. In a channel or a group chat an answer is one person's card (their items, their
 * inbox): it is never put in place of a message everyone sees.
 */
function mayReplaceForAll(context: TurnContext): boolean {
  const { replyToId, conversation } = context.activity;
  const type = conversation?.conversationType;
  return typeof replyToId === 'string' && replyToId.length > 0 && (type === undefined || type === 'personal');
}

/** Replaces the pressed card's message; false (logged) when the connector refused. */
async function replaceForAll(context: TurnContext, card: AdaptiveCardJson, logger: Logger): Promise<boolean> {
  try {
    await context.updateActivity({ ...cardActivity(card), id: context.activity.replyToId });
    return true;
  } catch (err) {
    logger.warn({ err, correlationId: correlationIdOf(context) }, 'could not replace the card a button was pressed on');
    return false;
  }
}

/**
 * Answers an Action.Execute invoke. The invoke response shows the answer in place of the card to the person who
 * pressed the button. A card with `refresh` is also put in the message itself where `mayReplaceForAll` allows
 * (Teams refreshes what the message holds; an answer only in the presser's view would go stale there). Without
 * `replyToId` there is nothing to replace, and the invoke response alone answers.
 */
export async function answerCardInvoke(context: TurnContext, answer: ActionAnswer, logger: Logger): Promise<void> {
  if (typeof answer === 'string') {
    await answerWithText(context, answer);
    return;
  }
  if (answer.refresh && mayReplaceForAll(context)) await replaceForAll(context, answer, logger);
  await context.sendActivity({
    type: ActivityTypes.InvokeResponse,
    value: {
      status: 200,
      body: { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: answer },
    },
  });
}

/**
 * Answers an Action.Submit (the fallback the cards give every Action.Execute; it arrives as a message with
 * `value` and no text, and no invoke response can carry the answer): a card replaces the pressed one where
 * `mayReplaceForAll` allows, else it comes as a new message; a text comes as a message.
 */
export async function answerCardSubmit(context: TurnContext, answer: ActionAnswer, logger: Logger): Promise<void> {
  if (typeof answer === 'string') {
    await answerWithText(context, answer);
    return;
  }
  if (mayReplaceForAll(context) && (await replaceForAll(context, answer, logger))) return;
  await sendCard(context, answer);
}
