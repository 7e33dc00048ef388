import {
  type AdaptiveCardJson,
  checkInItemView,
  formatDate,
  logItemView,
  managerNotificationCard,
  managerNotificationWithdrawnCard,
  storyFromLog,
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
  suggestReplies,
  type TakeBack,
} from '@rebound/core';
import type { ConversationReference, TurnContext } from 'botbuilder';
import type { Logger } from 'pino';
import type { ReboundAdapter } from '../http/adapter';
import { cardActivity } from './respond';

export interface Deliverer {
  sharing(tenantId: string, result: SharingResult): Promise<void>;
  notifications(tenantId: string, notifications: readonly Notification[]): Promise<void>;
  takeBacks(tenantId: string, takeBacks: readonly TakeBack[]): Promise<void>;
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
}): Deliverer {
  const { adapter, rebound, store, logger } = deps;

  async function recipientLocale(tenantId: string, personId: string | null): Promise<{ locale: Locale; zone: string }> {
    const person = personId ? await store.getPerson(tenantId, personId) : null;
    return {
      locale: resolveLocale(person?.language ?? null, person?.clientLocale ?? null),
      zone: person?.timeZone ?? 'Asia/Tokyo',
    };
  }

  async function cardFor(tenantId: string, n: Notification): Promise<AdaptiveCardJson | null> {
    if (!n.itemId || !n.itemKind) return null;
    const target = n.kind === 'team-story' ? null : n.recipientId;
    const { locale, zone } = await recipientLocale(tenantId, target);
    if (n.itemKind === 'log') {
      const log = await store.getLog(tenantId, n.itemId);
      if (!log) return null;
      const author = await store.getPerson(tenantId, log.authorId);
      const repName = author?.displayName ?? '—';
      if (n.kind === 'team-story') {
        return teamStoryCard(
          storyFromLog(log, locale, n.anonymous ? { anonymous: true } : { anonymous: false, name: repName }),
        );
      }
      if (n.kind !== 'manager-notification') return null;
      const suggestions = suggestReplies({ kind: 'log', log }, { locale, repName });
      return managerNotificationCard({
        locale,
        repName,
        item: logItemView(log, locale, zone),
        supportRequested: false,
        answerPreference: author?.answerPreference ?? null,
        suggestions: suggestions.map((s) => ({ templateId: s.templateId, text: s.text, reason: s.reason[locale] })),
        draft: '',
        toneFindings: null,
      });
    }
    const checkIn = await store.getCheckIn(tenantId, n.itemId);
    if (!checkIn || n.kind !== 'manager-notification') return null;
    const author = await store.getPerson(tenantId, checkIn.authorId);
    const repName = author?.displayName ?? '—';
    const suggestions = suggestReplies({ kind: 'check-in', checkIn }, { locale, repName });
    const period = /W/.test(checkIn.periodKey) ? checkIn.periodKey : formatDate(checkIn.periodKey, locale, zone);
    return managerNotificationCard({
      locale,
      repName,
      item: checkInItemView(checkIn, [], period, locale, zone),
      supportRequested: checkIn.supportRequested,
      answerPreference: checkIn.answerPreference ?? null,
      suggestions: suggestions.map((s) => ({ templateId: s.templateId, text: s.text, reason: s.reason[locale] })),
      draft: '',
      toneFindings: null,
    });
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

  async function send(ref: ConversationRef, card: AdaptiveCardJson): Promise<string | null> {
    let id: string | null = null;
    await inConversation(ref, async (ctx) => {
      const sent = await ctx.sendActivity(cardActivity(card));
      id = sent?.id ?? null;
    });
    return id;
  }

  async function notifyOne(tenantId: string, n: Notification): Promise<void> {
    let conversationId: string | null = null;
    try {
      const card = await cardFor(tenantId, n);
      if (!card) return;
      const target = n.teamId && n.kind === 'team-story' ? { teamId: n.teamId } : { personId: n.recipientId ?? '' };
      const ref = await rebound.host.conversationFor(tenantId, target);
      if (!ref) {
        await rebound.host.markFailed(tenantId, n.deliveryId, { error: 'no conversation to reach', final: false });
        return;
      }
      conversationId = ref.conversationId;
      const messageId = await send(ref, card);
      await rebound.host.markSent(tenantId, n.deliveryId, { messageId, conversationRefId: ref.id });
    } catch (err) {
      // 403/404: the person blocked or removed the bot, or the chat is gone; stop sending there.
      const status = (err as { statusCode?: unknown })?.statusCode;
      const gone = status === 403 || status === 404;
      logger.warn({ err, deliveryId: n.deliveryId, kind: n.kind, status }, 'delivery failed');
      if (gone && conversationId) {
        await rebound.host.deactivateConversation(tenantId, conversationId).catch(() => undefined);
      }
      const error = gone ? `conversation unreachable (${status})` : `send failed (${String(status ?? 'network')})`;
      await rebound.host.markFailed(tenantId, n.deliveryId, { error, final: gone }).catch(() => undefined);
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
      for (const n of result.notifications) await notifyOne(tenantId, n);
    },
    async notifications(tenantId, notifications) {
      for (const n of notifications) await notifyOne(tenantId, n);
    },
    async takeBacks(tenantId, takeBacks) {
      for (const t of takeBacks) await takeBackOne(tenantId, t);
    },
  };
}
