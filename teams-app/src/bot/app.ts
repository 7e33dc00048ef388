import { Application, type TurnState } from '@microsoft/teams-ai';
import type { Store } from '@rebound/core';
import type { TurnContext } from 'botbuilder';
import type { Logger } from 'pino';
import type { BotConfig } from '../config';
import type { ReboundAdapter } from '../http/adapter';
import type { ExportLinks } from '../http/export-links';
import { actorOf, turnLocale } from './actor';
import { parseCommand } from './commands';
import { createConversationBook } from './conversations';
import { answerWithText, correlationIdOf, helpText, say } from './reply';

export interface BotDeps {
  config: BotConfig;
  adapter: ReboundAdapter;
  store: Store;
  logger: Logger;
  exportLinks: ExportLinks;
  now: () => Date;
}

/**
 * The teams-ai Application and its routes. Handlers only translate: activity in, core use case, card out.
 * No turn state is stored (no `storage`): everything lives in the Store.
 */
export function createBotApp(deps: BotDeps): Application<TurnState> {
  const { adapter, store, logger, now } = deps;
  const app = new Application<TurnState>({
    adapter,
    botAppId: deps.config.credentials?.appId ?? '',
    startTypingTimer: false,
    removeRecipientMention: true,
    longRunningMessages: false,
  });
  const conversations = createConversationBook(store, now);

  app.turn('beforeTurn', async (context) => {
    const actor = actorOf(context.activity);
    if (actor) await conversations.remember(context.activity, actor);
    return true;
  });

  app.activity('installationUpdate', async (context) => {
    const actor = actorOf(context.activity);
    if (!actor) return;
    if (context.activity.action === 'remove' || context.activity.action === 'remove-upgrade') {
      await conversations.deactivate(actor.tenantId, context.activity.conversation.id);
    }
    // The welcome goes out on conversationUpdate (membersAdded), which Teams sends alongside this.
  });

  app.conversationUpdate('membersAdded', async (context) => {
    const botId = context.activity.recipient?.id;
    if (context.activity.membersAdded?.some((m) => m.id === botId)) {
      await answerWithText(context, helpText(turnLocale(context)));
    }
  });

  app.conversationUpdate('membersRemoved', async (context) => {
    const actor = actorOf(context.activity);
    const botId = context.activity.recipient?.id;
    if (actor && context.activity.membersRemoved?.some((m) => m.id === botId)) {
      await conversations.deactivate(actor.tenantId, context.activity.conversation.id);
    }
  });

  app.message(/.*/s, async (context) => {
    const locale = turnLocale(context);
    const command = parseCommand(context.activity.text);
    if (command === null) {
      await answerWithText(context, `${say(locale, 'unknown.prefix')}\n\n${helpText(locale)}`);
      return;
    }
    if (command === 'help') {
      await answerWithText(context, helpText(locale));
      return;
    }
    await answerWithText(context, say(locale, 'not-ready'));
  });

  app.adaptiveCards.actionExecute(/.*/, async (context) => {
    return say(turnLocale(context), 'not-ready');
  });

  app.error(async (context: TurnContext, error: Error) => {
    const correlationId = correlationIdOf(context);
    logger.error({ err: error, correlationId, activityType: context.activity?.type }, 'turn failed');
    try {
      await answerWithText(context, say(turnLocale(context), 'turn.apology', { correlationId }));
    } catch (sendError) {
      logger.error({ err: sendError, correlationId }, 'could not send the apology');
    }
  });

  return app;
}
