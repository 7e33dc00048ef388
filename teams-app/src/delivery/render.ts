import {
  type AdaptiveCardJson,
  checkInCard,
  digestCard,
  digestFromInsights,
  formatDate,
  formatPeriod,
  managerRequestCard,
  nextStepReminderCard,
  nextStepReminderFromLog,
  replyReceivedCard,
  storyFromLog,
  supportRequestedCard,
  teamStoryCard,
} from '@rebound/cards';
import {
  type Delivery,
  isReboundError,
  type Locale,
  localDateOf,
  type Person,
  type RejectionLog,
  resolveLocale,
} from '@rebound/core';
import type { Activity } from 'botbuilder';
import { managerItemCard } from '../bot/flows/manager';
import { promptsFor } from '../bot/prompts';
import { cardActivity } from '../bot/respond';
import type { BotDeps, Turn } from '../bot/turn';

/**
 * Turns a pending delivery into the message its recipient gets, rendered in their language and as they are
 * allowed to see it (through core, with the recipient as the actor). Null means there is nothing to send any
 * more (the item was withdrawn, the person erased, the period already answered, a digest below the privacy
 * threshold): the queue then marks the delivery skipped. Anything else that goes wrong (the store is down) is
 * thrown, and the queue tries again later.
 */
export type DeliveryRenderer = (delivery: Delivery) => Promise<Partial<Activity> | null>;

export function createDeliveryRenderer(botDeps: () => BotDeps): DeliveryRenderer {
  const localeOf = (person: Person | null): Locale =>
    resolveLocale(person?.language ?? null, person?.clientLocale ?? null);

  async function recipientTurn(d: Delivery): Promise<Turn | null> {
    if (!d.recipientId) return null;
    const deps = botDeps();
    const person = await deps.store.getPerson(d.tenantId, d.recipientId);
    if (!person) return null;
    return {
      actor: { tenantId: d.tenantId, personId: person.id },
      person,
      locale: localeOf(person),
      deps,
      notices: [],
    };
  }

  async function card(d: Delivery): Promise<AdaptiveCardJson | null> {
    const { store, rebound } = botDeps();
    if (d.kind === 'digest') {
      if (!d.teamId || !d.periodKey) return null;
      const digest = await rebound.host.digestFor(d.tenantId, d.teamId, d.periodKey);
      if (!digest) return null;
      const locale = localeOf(null);
      return digestCard(digestFromInsights(digest, { locale, teamName: digest.teamName }));
    }
    if (d.kind === 'team-story') {
      if (!d.itemId || d.itemKind !== 'log') return null;
      const log = await store.getLog(d.tenantId, d.itemId);
      if (!log) return null;
      const locale = localeOf(null);
      const author = d.anonymous ? null : await store.getPerson(d.tenantId, log.authorId);
      const byline = d.anonymous
        ? ({ anonymous: true } as const)
        : ({ anonymous: false, name: author?.displayName ?? '—' } as const);
      return teamStoryCard(storyFromLog(log, locale, byline));
    }
    const turn = await recipientTurn(d);
    if (!turn) return null;
    const { locale } = turn;
    const zone = turn.person.timeZone;
    switch (d.kind) {
      case 'check-in':
      case 'check-in-reminder': {
        if (!d.periodKey) return null;
        const wanted = await rebound.host.checkInStillWanted(d.tenantId, d.id);
        if (!wanted) return null;
        return checkInCard({
          locale,
          cadence: wanted.cadence,
          periodKey: d.periodKey,
          periodLabel: formatPeriod(d.periodKey, locale, zone),
          prompts: await promptsFor(turn, { kind: 'check-in', periodKey: d.periodKey }),
          defaultVisibility: turn.person.privacy.defaultVisibility,
          answerPreference: turn.person.answerPreference,
          ...(d.kind === 'check-in-reminder' ? { reminder: true } : { scheduled: true }),
        });
      }
      case 'next-step-reminder': {
        if (!d.itemId) return null;
        // Through core as the author: a log that was erased in the meantime is simply not found.
        const view = await rebound.viewItem(turn.actor, { itemKind: 'log', itemId: d.itemId }).catch(noLongerVisible);
        if (view?.kind !== 'log') return null;
        const log = { ...view.item, tenantId: d.tenantId } as RejectionLog;
        const reminder = nextStepReminderFromLog(log, locale, zone, localDateOf(botDeps().now(), zone));
        return reminder ? nextStepReminderCard(reminder) : null;
      }
      case 'manager-notification':
        if (!d.itemId || !d.itemKind) return null;
        return managerItemCard(turn, { itemKind: d.itemKind, itemId: d.itemId }).catch(noLongerVisible);
      case 'support-requested': {
        const rep = d.subjectId ? await store.getPerson(d.tenantId, d.subjectId) : null;
        // Only the fact that the rep would like to talk; the check-in itself stays as private as the rep chose.
        return rep ? supportRequestedCard({ locale, repName: rep.displayName }) : null;
      }
      case 'manager-request': {
        const assignment = d.subjectId ? await store.getAssignment(d.tenantId, d.subjectId) : null;
        if (assignment?.status !== 'pending') return null;
        const rep = await store.getPerson(d.tenantId, assignment.repId);
        return managerRequestCard({ locale, assignmentId: assignment.id, repName: rep?.displayName ?? '—' });
      }
      case 'reply': {
        if (!d.itemId || !d.subjectId) return null;
        const reply = (await store.listReplies(d.tenantId, { itemId: d.itemId })).find((r) => r.id === d.subjectId);
        if (!reply) return null;
        const manager = await store.getPerson(d.tenantId, reply.managerId);
        const title =
          d.itemKind === 'log'
            ? ((await store.getLog(d.tenantId, d.itemId))?.customerLabel ?? '—')
            : ((await store.getCheckIn(d.tenantId, d.itemId))?.periodKey ?? '—');
        return replyReceivedCard({
          locale,
          replyId: reply.id,
          managerName: manager?.displayName ?? '—',
          itemTitle: title,
          sentAtLabel: formatDate(reply.sentAt, locale, zone),
          text: reply.text,
        });
      }
      default:
        return null;
    }
  }

  return async (d) => {
    const c = await card(d);
    return c ? cardActivity(c) : null;
  };
}

/**
 * Null when core says the recipient may no longer see the item (it is gone, or no longer shared with them);
 * any other error (the store unavailable, a bug) is rethrown, so the delivery is retried rather than dropped.
 */
function noLongerVisible(error: unknown): null {
  if (isReboundError(error, 'not-found') || isReboundError(error, 'forbidden')) return null;
  throw error;
}
