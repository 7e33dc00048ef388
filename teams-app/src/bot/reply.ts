import type { Locale } from '@rebound/core';
import { ActivityTypes, INVOKE_RESPONSE_KEY, type TurnContext } from 'botbuilder';
import { type BotMessageKey, botMessages } from '../messages';

export const CORRELATION_KEY = 'rebound.correlationId';

export function correlationIdOf(context: TurnContext): string {
  return (context.turnState.get(CORRELATION_KEY) as string | undefined) ?? 'unknown';
}

export function say(locale: Locale, key: BotMessageKey, params?: Record<string, string | number>): string {
  return botMessages.t(locale, key, params);
}

/** Answers an invoke with a plain message, or a message turn with a text reply. */
export async function answerWithText(context: TurnContext, text: string): Promise<void> {
  if (context.activity.type === ActivityTypes.Invoke) {
    if (context.turnState.get(INVOKE_RESPONSE_KEY)) return;
    await context.sendActivity({
      type: ActivityTypes.InvokeResponse,
      value: {
        status: 200,
        body: { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: text },
      },
    });
    return;
  }
  await context.sendActivity({ type: ActivityTypes.Message, text, textFormat: 'markdown' });
}
