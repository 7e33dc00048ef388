import { Application, type TurnState } from '@microsoft/teams-ai';
import { type AdaptiveCardJson, errorCardFor, helpCard, type Submitted } from '@rebound/cards';
import { isReboundError, resolveLocale } from '@rebound/core';
import type { TurnContext } from 'botbuilder';
import type { ReboundAdapter } from '../http/adapter';
import { actorOf } from './actor';
import { type Command, parseCommand } from './commands';
import type { Deliverer } from './delivery';
import * as account from './flows/account';
import * as manager from './flows/manager';
import * as managerRequest from './flows/manager-request';
import * as me from './flows/me';
import * as rep from './flows/rep-items';
import { answerWithText, correlationIdOf, say } from './reply';
import { sendCard } from './respond';
import { type BotDeps, createTurnStarter, type Turn } from './turn';

type CommandHandler = (turn: Turn) => Promise<AdaptiveCardJson>;
type ActionHandler = (turn: Turn, data: Submitted) => Promise<AdaptiveCardJson | string>;

/**
 * The teams-ai Application and its routes. Handlers only translate: activity in, core use case, card out.
 * No turn state is stored (no `storage`): everything lives in the Store.
 */
export function createBotApp(deps: BotDeps & { adapter: ReboundAdapter; deliver: Deliverer }): Application<TurnState> {
  const { adapter, logger, deliver } = deps;
  const app = new Application<TurnState>({
    adapter,
    botAppId: deps.config.credentials?.appId ?? '',
    startTypingTimer: false,
    removeRecipientMention: true,
    longRunningMessages: false,
  });
  const turns = createTurnStarter(deps);

  const commands: Record<Exclude<Command, 'help'>, CommandHandler> = {
    log: async (turn) => rep.logForm(turn),
    checkin: (turn) => rep.checkInForm(turn),
    mine: (turn) => rep.myItems(turn),
    inbox: (turn) => manager.inbox(turn),
    me: (turn) => me.myTrends(turn),
    settings: (turn) => account.settings(turn),
    export: async (turn) => account.exportLink(turn),
    erase: async (turn) => account.eraseConfirmation(turn),
  };

  const actions: Record<string, ActionHandler> = {
    'log.open': async (turn) => rep.logForm(turn),
    'log.submit': (turn, data) => rep.submitLog(turn, data, deliver),
    'log.reflect': (turn, data) => rep.reflectOnLog(turn, data, deliver),
    'checkIn.open': (turn) => rep.checkInForm(turn),
    'checkIn.submit': (turn, data) => rep.submitCheckIn(turn, data, deliver),
    'checkIn.setup': (turn) => account.settings(turn),
    'checkIn.snooze': (turn) => rep.snoozeCheckIns(turn),
    'mine.refresh': (turn) => rep.myItems(turn),
    'mine.page': (turn, data) => rep.myItems(turn, data),
    'item.visibility': (turn, data) => rep.changeVisibility(turn, data, deliver),
    'item.withdraw': (turn, data) => rep.changeVisibility(turn, data, deliver),
    'item.outcome': (turn, data) => rep.recordOutcome(turn, data),
    'item.edit': (turn, data) => rep.editLogForm(turn, data),
    'settings.open': (turn) => account.settings(turn),
    'settings.save': (turn, data) => account.saveSettings(turn, data),
    'export.start': async (turn) => account.exportLink(turn),
    'erase.start': async (turn) => account.eraseConfirmation(turn),
    'erase.confirm': (turn) => account.erase(turn, deliver),
    'erase.cancel': (turn) => account.settings(turn),
    'inbox.refresh': (turn) => manager.inbox(turn),
    'inbox.open': (turn, data) => manager.managerItemCard(turn, itemRefOf(data)),
    'notify.refresh': (turn, data) => manager.managerItemCard(turn, itemRefOf(data)),
    'reply.use': (turn, data) => manager.useSuggestion(turn, data),
    'reply.review': (turn, data) => manager.reviewDraft(turn, data),
    'reply.send': (turn, data) => manager.sendReply(turn, data, deliver),
    'reply.thanks': (turn, data) => manager.thankForReply(turn, data, deliver),
    'managerRequest.open': (turn) => managerRequest.requestForm(turn),
    'managerRequest.send': (turn, data) => managerRequest.sendRequest(turn, data, deliver),
    'managerRequest.accept': (turn, data) => managerRequest.answerRequest(turn, data, deliver),
    'managerRequest.decline': (turn, data) => managerRequest.answerRequest(turn, data, deliver),
  };

  app.activity('installationUpdate', async (context) => {
    const who = actorOf(context.activity);
    if (who && (context.activity.action === 'remove' || context.activity.action === 'remove-upgrade')) {
      await deps.rebound.host.deactivateConversation(who.tenantId, context.activity.conversation.id);
      turns.forget(context.activity.conversation.id);
    }
    // The welcome goes out on conversationUpdate (membersAdded), which Teams sends alongside this.
  });

  app.conversationUpdate('membersAdded', async (context) => {
    const botId = context.activity.recipient?.id;
    if (!context.activity.membersAdded?.some((m) => m.id === botId)) return;
    const turn = await turns.start(context);
    if (turn) await sendCard(context, await account.welcome(turn));
  });

  app.conversationUpdate('membersRemoved', async (context) => {
    const who = actorOf(context.activity);
    const botId = context.activity.recipient?.id;
    if (who && context.activity.membersRemoved?.some((m) => m.id === botId)) {
      await deps.rebound.host.deactivateConversation(who.tenantId, context.activity.conversation.id);
      turns.forget(context.activity.conversation.id);
    }
  });

  app.message(/.*/s, async (context) => {
    const turn = await turns.start(context);
    const locale = turn?.locale ?? resolveLocale(null, context.activity.locale);
    const command = parseCommand(context.activity.text);
    // Someone who writes before Teams told us about the install still gets the welcome first.
    if (turn?.firstContact) await sendCard(context, await account.welcome(turn));
    if (!turn || command === null || command === 'help') {
      await sendCard(context, helpCard({ locale, unknownMessage: command !== 'help' }));
      return;
    }
    const card = await runSafely(context, turn, () => commands[command](turn));
    if (typeof card === 'string') await answerWithText(context, card);
    else await sendCard(context, card);
  });

  app.adaptiveCards.actionExecute(/.*/, async (context, _state, data) => {
    const turn = await turns.start(context);
    if (!turn) return helpCard({ locale: resolveLocale(null, context.activity.locale), unknownMessage: true });
    const verb = String(context.activity.value?.action?.verb ?? '');
    const handler = actions[verb];
    // A button from an older card, or a crafted verb: the help card, never silence.
    if (!handler) return helpCard({ locale: turn.locale, unknownMessage: true });
    const submitted = (data && typeof data === 'object' ? data : {}) as Submitted;
    const answer = await runSafely(context, turn, () => handler(turn, submitted));
    for (const notice of turn.notices) await context.sendActivity({ type: 'message', text: notice });
    return answer;
  });

  function itemRefOf(data: Submitted) {
    return {
      itemKind: data.itemKind === 'check-in' ? ('check-in' as const) : ('log' as const),
      itemId: typeof data.itemId === 'string' ? data.itemId : '',
    };
  }

  /** A ReboundError becomes the error card (what was wrong, field by field); anything else the apology. */
  async function runSafely<T>(
    context: TurnContext,
    turn: Turn,
    work: () => Promise<T>,
  ): Promise<T | AdaptiveCardJson | string> {
    try {
      return await work();
    } catch (error) {
      if (isReboundError(error) && error.code !== 'unavailable') return errorCardFor(error, turn.locale);
      const correlationId = correlationIdOf(context);
      logger.error({ err: error, correlationId }, 'turn failed');
      return say(turn.locale, 'turn.apology', { correlationId });
    }
  }

  app.error(async (context: TurnContext, error: Error) => {
    const correlationId = correlationIdOf(context);
    logger.error({ err: error, correlationId, activityType: context.activity?.type }, 'turn failed');
    try {
      const locale = resolveLocale(null, context.activity?.locale);
      await answerWithText(context, say(locale, 'turn.apology', { correlationId }));
    } catch (sendError) {
      logger.error({ err: sendError, correlationId }, 'could not send the apology');
    }
  });

  return app;
}
