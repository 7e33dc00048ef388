import { Application, type TurnState } from '@microsoft/teams-ai';
import { type AdaptiveCardJson, errorCardFor, helpCard, type Submitted } from '@rebound/cards';
import { isReboundError, resolveLocale } from '@rebound/core';
import type { Activity, TurnContext } from 'botbuilder';
import type { ReboundAdapter } from '../http/adapter';
import { actorOf } from './actor';
import { type Command, parseCommand } from './commands';
import type { Deliverer } from './delivery';
import * as account from './flows/account';
import * as manager from './flows/manager';
import * as managerRequest from './flows/manager-request';
import * as me from './flows/me';
import * as rep from './flows/rep-items';
import { isPersonalChat, sendToPersonalChat } from './personal-chat';
import { answerWithText, correlationIdOf, say } from './reply';
import { type ActionAnswer, answerCardInvoke, answerCardSubmit, sendCard } from './respond';
import { type BotDeps, createTurnStarter, type Turn } from './turn';

type CommandHandler = (turn: Turn, activity: Activity) => Promise<AdaptiveCardJson | string>;
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

  // Maps, never the objects themselves: a verb or a word from a request must not reach an inherited property
  // (`actions['constructor']` is `Object`, which would answer with the turn itself). The objects only let the
  // compiler check that every command has its handler.
  const commandHandlers: Record<Exclude<Command, 'help'>, CommandHandler> = {
    log: async (turn) => rep.logForm(turn),
    checkin: (turn) => rep.checkInForm(turn),
    mine: (turn) => rep.myItems(turn),
    inbox: (turn) => manager.inbox(turn),
    me: (turn) => me.myTrends(turn),
    settings: (turn) => account.settings(turn),
    export: async (turn) => account.exportLink(turn),
    erase: async (turn) => account.eraseConfirmation(turn),
    channel: (turn, activity) => manager.storyChannelHere(turn, activity.conversation.id),
  };

  const commands = new Map(Object.entries(commandHandlers) as [Command, CommandHandler][]);
  /** Commands whose answer is not one person's: they are answered where they were typed, channel included. */
  const sharedCommands: ReadonlySet<Command> = new Set<Command>(['help', 'channel']);

  const actions = new Map<string, ActionHandler>(
    Object.entries({
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
    } satisfies Record<string, ActionHandler>),
  );

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
    if (!turn) return;
    // Installed in a team or a group chat: the welcome is the installer's own card, for their 1:1 chat only.
    if (!isPersonalChat(context.activity)) {
      if (turn.firstContact) await sendToPersonalChat(context, turn, deliver, [await account.welcome(turn)]);
      return;
    }
    await sendCard(context, await account.welcome(turn));
  });

  app.conversationUpdate('membersRemoved', async (context) => {
    const who = actorOf(context.activity);
    const botId = context.activity.recipient?.id;
    if (who && context.activity.membersRemoved?.some((m) => m.id === botId)) {
      await deps.rebound.host.deactivateConversation(who.tenantId, context.activity.conversation.id);
      turns.forget(context.activity.conversation.id);
    }
  });

  // An Action.Submit (the cards' fallback for Action.Execute) is a message with `value` and no text: it is
  // answered like the Action.Execute it stands for. Registered first: the first matching route runs.
  app.message(
    async (context) => isCardSubmit(context.activity),
    async (context) => {
      const { verb, ...data } = context.activity.value as Record<string, unknown>;
      const { answer, notices } = await answerCardAction(context, typeof verb === 'string' ? verb : '', data);
      await answerCardSubmit(context, answer, logger);
      await sendNotices(context, notices);
    },
  );

  app.message(/.*/s, async (context) => {
    const turn = await turns.start(context);
    const locale = turn?.locale ?? resolveLocale(null, context.activity.locale);
    const command = parseCommand(context.activity.text);
    const handler = command === null ? undefined : commands.get(command);
    // In a channel or a group chat, one person's cards (the welcome, a form, their items) go to their 1:1 chat,
    // and the conversation everyone sees gets only a pointer to it.
    if (turn && !isPersonalChat(context.activity)) {
      const personal = command !== null && handler !== undefined && !sharedCommands.has(command);
      const welcome = turn.firstContact ? [await account.welcome(turn)] : [];
      const answer = personal ? [await runSafely(context, turn, () => handler(turn, context.activity))] : [];
      if (welcome.length + answer.length > 0) {
        await answerWithText(context, await sendToPersonalChat(context, turn, deliver, [...welcome, ...answer]));
      }
      if (personal) return;
    } else if (turn?.firstContact) {
      // Someone who writes before Teams told us about the install still gets the welcome first.
      await sendCard(context, await account.welcome(turn));
    }
    if (!turn || !handler) {
      await sendCard(context, helpCard({ locale, unknownMessage: command !== 'help' }));
      return;
    }
    const card = await runSafely(context, turn, () => handler(turn, context.activity));
    if (typeof card === 'string') await answerWithText(context, card);
    else await sendCard(context, card);
  });

  app.addRoute(
    async (context) => isCardExecute(context.activity),
    async (context) => {
      const action = (context.activity.value as { action: { verb?: string | null; data?: unknown } }).action;
      const { answer, notices } = await answerCardAction(context, action.verb ?? '', action.data);
      await answerCardInvoke(context, answer, logger);
      await sendNotices(context, notices);
    },
    true,
  );

  /**
   * The answer to a card button, Action.Execute and Action.Submit alike: the verb picks the handler, and a verb
   * the bot does not know (a button of an older card, a crafted verb) gets the help card, never silence.
   */
  async function answerCardAction(
    context: TurnContext,
    verb: string,
    data: unknown,
  ): Promise<{ answer: ActionAnswer; notices: readonly string[] }> {
    const turn = await turns.start(context);
    if (!turn) {
      const locale = resolveLocale(null, context.activity.locale);
      return { answer: helpCard({ locale, unknownMessage: true }), notices: [] };
    }
    const handler = actions.get(verb);
    if (!handler) return { answer: helpCard({ locale: turn.locale, unknownMessage: true }), notices: [] };
    const submitted = (data && typeof data === 'object' && !Array.isArray(data) ? data : {}) as Submitted;
    const answer = await runSafely(context, turn, () => handler(turn, submitted));
    if (isPersonalChat(context.activity)) return { answer, notices: turn.notices };
    // Every card verb answers with one person's card: pressed in a channel or a group chat (the help card's
    // buttons, an old form), the card and its notices go to the person's 1:1 chat, and the pointer answers here.
    const pointer = await sendToPersonalChat(context, turn, deliver, [answer, ...turn.notices]);
    return { answer: pointer, notices: [] };
  }

  async function sendNotices(context: TurnContext, notices: readonly string[]) {
    for (const notice of notices) await context.sendActivity({ type: 'message', text: notice });
  }

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

/** An Adaptive Card Action.Execute, as Teams sends it (the HTTP layer has checked the shape of `value.action`). */
function isCardExecute(activity: Activity): boolean {
  const action = (activity.value as { action?: { type?: unknown } } | undefined)?.action;
  return activity.type === 'invoke' && activity.name === 'adaptiveCard/action' && action?.type === 'Action.Execute';
}

/** An Action.Submit: a message carrying the card's data in `value`, and no text. */
function isCardSubmit(activity: Activity): boolean {
  const { value, text } = activity;
  return (
    activity.type === 'message' &&
    value !== null &&
    typeof value === 'object' &&
    !Array.isArray(value) &&
    (typeof text !== 'string' || text.trim() === '')
  );
}
