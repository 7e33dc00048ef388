import type { Locale } from '@rebound/core';
import { ActivityTypes, INVOKE_RESPONSE_KEY, type TurnContext } from 'botbuilder';
import { type BotMessageKey, botMessages } from '../messages';
import { COMMANDS } from './commands';

export const CORRELATION_KEY = 'rebound.correlationId';

export function correlationIdOf(context: TurnContext): string {
  return (context.turnState.get(CORRELATION_KEY) as string | undefined) ?? 'unknown';
}

export function say(locale: Locale, key: BotMessageKey, params?: Record<string, string | number>): string {
  return botMessages.t(locale, key, params);
}

/** The command list as text (the help card comes from @rebound/cards once it has one). */
export function helpText(locale: Locale): string {
  const lines = COMMANDS.map((c) => `- ${say(locale, `help.${c}` as BotMessageKey)}`);
  return [say(locale, 'help.intro'), ...lines].join('\n');
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
