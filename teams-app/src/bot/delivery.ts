import {
  type AdaptiveCardJson,
  formatDate,
  managerNotificationWithdrawnCard,
  managerRequestCard,
  replyReceivedCard,
  storyFromLog,
  supportRequestedCard,
  teamStoryCard,
  teamStoryWithdrawnCard,
} from '@rebound/cards';
import {
  type ConversationRef,
  type Locale,
  type Notification,
  type Rebound,
  resolveLocale,
  type SharingResult,
  type Store,
  type TakeBack,
} from '@rebound/core';
import type { Activity, ConversationReference, TurnContext } from 'botbuilder';
import type { Logger } from 'pino';
import type { ReboundAdapter } from '../http/adapter';
import { managerItemCard } from './flows/manager';
import { cardActivity } from './respond';
import type { BotDeps, Turn } from './turn';

export interface Deliverer {
  /** Delivers a share's notifications and take-backs; says whether a team story found no channel to go to. */
  sharing(tenantId: string, result: SharingResult): Promise<{ teamWithoutChannel: boolean }>;
  notifications(tenantId: string, notifications: readonly Notification[]): Promise<void>;
  takeBacks(tenantId: string, takeBacks: readonly TakeBack[]): Promise<void>;
  /**
   * Sends a message to a person's chat with the bot that core keeps no record of (a thank-you, the answer to a
   * manager request). False when the person cannot be reached.
   */
  direct(tenantId: string, personId: string, activity: Partial<Activity>): Promise<boolean>;
}

/**
 * Delivers what core said must be delivered (core decided who; this only renders and sends). Each send is
 * recorded on its Delivery (message id for later take-back); a failure is recorded and never fails the turn
 * of the person who acted.
 */
export function createDeliverer(deps: {
  adapter: ReboundAdapter;
  botAppId: string;
  rebound: Rebound;
  store: Store;
  logger: Logger;
  /** The bot's dependencies, for rendering a card as its recipient would see it. */
  botDeps: () => BotDeps;
}): Deliverer {
  const { adapter, rebound, store, logger } = deps;

  async function recipientLocale(tenantId: string, personId: string | null): Promise<{ locale: Locale }> {
    const person = personId ? await store.getPerson(tenantId, personId) : null;
    return { locale: resolveLocale(person?.language ?? null, person?.clientLocale ?? null) };
  }

  async function activityFor(tenantId: string, n: Notification): Promise<Partial<Activity> | null> {
    if (n.kind === 'support-requested' && n.recipientId && n.subjectId) {
      // Only the fact that the rep would like to talk; the check-in itself stays as private as the rep chose.
      const [{ locale }, rep] = await Promise.all([
        recipientLocale(tenantId, n.recipientId),
        store.getPerson(tenantId, n.subjectId),
      ]);
      return cardActivity(supportRequestedCard({ locale, repName: rep?.displayName ?? '—' }));
    }
    if (n.kind === 'manager-request' && n.recipientId && n.subjectId) {
      const assignment = await store.getAssignment(tenantId, n.subjectId);
      if (!assignment || assignment.status !== 'pending') return null;
      const [{ locale }, rep] = await Promise.all([
        recipientLocale(tenantId, n.recipientId),
        store.getPerson(tenantId, assignment.repId),
      ]);
      return cardActivity(
        managerRequestCard({ locale, assignmentId: assignment.id, repName: rep?.displayName ?? '—' }),
      );
    }
    const card = await cardFor(tenantId, n);
    return card ? cardActivity(card) : null;
  }

  async function cardFor(tenantId: string, n: Notification): Promise<AdaptiveCardJson | null> {
    if (!n.itemId || !n.itemKind) return null;
    if (n.kind === 'team-story' && n.itemKind === 'log') {
      const log = await store.getLog(tenantId, n.itemId);
      if (!log) return null;
      const { locale } = await recipientLocale(tenantId, null);
      const author = n.anonymous ? null : await store.getPerson(tenantId, log.authorId);
      const name = author?.displayName ?? '—';
      return teamStoryCard(storyFromLog(log, locale, n.anonymous ? { anonymous: true } : { anonymous: false, name }));
    }
    if (!n.recipientId) return null;
    const recipient = await store.getPerson(tenantId, n.recipientId);
    if (!recipient) return null;
    const locale = resolveLocale(recipient.language, recipient.clientLocale);
    if (n.kind === 'manager-notification') {
      // Rendered as the manager sees it: through core, with the manager as the actor.
      const turn: Turn = {
        actor: { tenantId, personId: recipient.id },
        person: recipient,
        locale,
        deps: deps.botDeps(),
        notices: [],
      };
      return managerItemCard(turn, { itemKind: n.itemKind, itemId: n.itemId });
    }
    if (n.kind === 'reply' && n.subjectId) {
      const reply = (await store.listReplies(tenantId, { itemId: n.itemId })).find((r) => r.id === n.subjectId);
      if (!reply) return null;
      const manager = await store.getPerson(tenantId, reply.managerId);
      const zone = recipient.timeZone;
      const title =
        n.itemKind === 'log'
          ? ((await store.getLog(tenantId, n.itemId))?.customerLabel ?? '—')
          : ((await store.getCheckIn(tenantId, n.itemId))?.periodKey ?? '—');
      return replyReceivedCard({
        locale,
        replyId: reply.id,
        managerName: manager?.displayName ?? '—',
        itemTitle: title,
        sentAtLabel: formatDate(reply.sentAt, locale, zone),
        text: reply.text,
      });
    }
    return null;
  }

  /**
   * Runs `work` in the conversation. Errors are caught inside the turn and rethrown here: otherwise the
   * adapter hands them to the turn error handler, which would apologise in the recipient's chat.
   */
  async function inConversation(ref: ConversationRef, work: (ctx: TurnContext) => Promise<void>): Promise<void> {
    let failure: unknown = null;
    const reference = JSON.parse(ref.reference) as Partial<ConversationReference>;
    await adapter.continueConversationAsync(deps.botAppId, reference, async (ctx) => {
      try {
        await work(ctx);
      } catch (err) {
        failure = err ?? new Error('send failed');
      }
    });
    if (failure) throw failure;
  }

  async function send(ref: ConversationRef, activity: Partial<Activity>): Promise<string | null> {
    let id: string | null = null;
    await inConversation(ref, async (ctx) => {
      const sent = await ctx.sendActivity(activity);
      id = sent?.id ?? null;
    });
    return id;
  }

  /** Sends one notification; false when there was nowhere to send it. */
  async function notifyOne(tenantId: string, n: Notification): Promise<boolean> {
    let conversationId: string | null = null;
    try {
      const activity = await activityFor(tenantId, n);
      if (!activity) return true;
      const target = n.teamId && n.kind === 'team-story' ? { teamId: n.teamId } : { personId: n.recipientId ?? '' };
      const ref = await rebound.host.conversationFor(tenantId, target);
      if (!ref) {
        await rebound.host.markFailed(tenantId, n.deliveryId, { error: 'no conversation to reach', final: false });
        return false;
      }
      conversationId = ref.conversationId;
      const messageId = await send(ref, activity);
      await rebound.host.markSent(tenantId, n.deliveryId, { messageId, conversationRefId: ref.id });
      return true;
    } catch (err) {
      // 403/404: the person blocked or removed the bot, or the chat is gone; stop sending there.
      const status = (err as { statusCode?: unknown })?.statusCode;
      const gone = status === 403 || status === 404;
      logger.warn({ err, deliveryId: n.deliveryId, kind: n.kind, status }, 'delivery failed');
      if (gone && conversationId) {
        await rebound.host.deactivateConversation(tenantId, conversationId).catch(() => undefined);
        deps.botDeps().conversations.forget(conversationId);
      }
      const error = gone ? `conversation unreachable (${status})` : `send failed (${String(status ?? 'network')})`;
      await rebound.host.markFailed(tenantId, n.deliveryId, { error, final: gone }).catch(() => undefined);
      return true;
    }
  }

  async function takeBackOne(tenantId: string, t: TakeBack): Promise<void> {
    if (!t.messageId || !t.conversationRefId || !t.itemId) return;
    try {
      const ref = await rebound.host.conversationFor(
        tenantId,
        t.teamId ? { teamId: t.teamId } : { personId: t.recipientId ?? '' },
      );
      if (!ref || ref.id !== t.conversationRefId) return;
      const { locale } = await recipientLocale(tenantId, t.recipientId);
      const card =
        t.kind === 'team-story'
          ? teamStoryWithdrawnCard({ locale, storyId: t.itemId })
          : managerNotificationWithdrawnCard({ locale, itemId: t.itemId });
      // Update to the withdrawn form rather than delete: it works everywhere (the Playground cannot delete).
      await inConversation(ref, async (ctx) => {
        await ctx.updateActivity({ ...cardActivity(card), id: t.messageId ?? undefined });
      });
    } catch (err) {
      logger.warn({ err, deliveryId: t.deliveryId }, 'take-back failed');
    }
  }

  return {
    async sharing(tenantId, result) {
      for (const t of result.takeBacks) await takeBackOne(tenantId, t);
      let teamWithoutChannel = false;
      for (const n of result.notifications) {
        if (!(await notifyOne(tenantId, n)) && n.kind === 'team-story') teamWithoutChannel = true;
      }
      return { teamWithoutChannel };
    },
    async notifications(tenantId, notifications) {
      for (const n of notifications) await notifyOne(tenantId, n);
    },
    async takeBacks(tenantId, takeBacks) {
      for (const t of takeBacks) await takeBackOne(tenantId, t);
    },
    async direct(tenantId, personId, activity) {
      const ref = await rebound.host.conversationFor(tenantId, { personId });
      if (!ref) return false;
      try {
        await send(ref, activity);
        return true;
      } catch (err) {
        logger.warn({ err, personId }, 'direct message failed');
        return false;
      }
    },
  };
}
