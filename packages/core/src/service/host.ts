import { z } from 'zod';
import { parseInput } from '../errors';
import { type ConversationRef, conversationRefSchema, type Delivery, deliverySchema } from '../records/delivery';
import type { Cadence } from '../records/enums';
import { idSchema, instantSchema, tenantIdSchema } from '../records/primitives';
import type { Team } from '../records/team';
import { asReboundError, notFound, type ServiceContext } from './context';
import { type Notification, notificationFromDelivery } from './notifications';
import { isoWeekSchema, type TeamDigest, teamDigest } from './scheduler-digest';
import { adoptFirstStoryChannel } from './story-channel';

const saveConversationInput = z.strictObject({
  kind: z.enum(['personal', 'channel']),
  personId: idSchema.optional(),
  teamId: idSchema.optional(),
  conversationId: z.string().min(1).max(1000),
  serviceUrl: z.string().url().max(500),
  reference: z.string().max(8000),
});

const sentInput = z.strictObject({ messageId: z.string().max(500).nullable(), conversationRefId: idSchema.nullable() });
const failedInput = z.strictObject({
  error: z.string().max(500),
  final: z.boolean(),
  /** For a failure that is not final: when to try again (the due scan picks the delivery up then). */
  retryAt: instantSchema.optional(),
});
const skippedInput = z.union([
  z.string().max(500),
  z.strictObject({ reason: z.string().max(500) }).transform((r) => r.reason),
]);
/** The most deliveries one due scan returns. */
export const MAX_DUE_DELIVERIES = 1000;
const dueInput = z
  .strictObject({
    now: instantSchema.optional(),
    limit: z.number().int().min(1).max(MAX_DUE_DELIVERIES).default(100),
    /** The last delivery of the previous page, to continue the scan after it. */
    after: z.strictObject({ tenantId: tenantIdSchema, id: idSchema, dueAt: instantSchema }).optional(),
  })
  .default({ limit: 100 });

/**
 * Operations for the host that delivers messages (the Teams bot): where people and channels can be reached, and
 * what happened to each delivery. They trust the host; people never call them.
 */
export function hostOperations(ctx: ServiceContext) {
  async function run<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      throw asReboundError(error);
    }
  }
  /** Counts one more attempt at a delivery and applies `change` to it, in one transaction. */
  function updateAttempt(tenantId: unknown, deliveryId: unknown, change: (d: Delivery) => Delivery): Promise<Delivery> {
    const tenant = parseInput(tenantIdSchema, tenantId);
    const id = parseInput(idSchema, deliveryId);
    return run(() =>
      ctx.store.transaction(async (tx) => {
        const d = await tx.getDelivery(tenant, id);
        if (!d) throw notFound('item');
        const updated: Delivery = { ...change(d), attempts: d.attempts + 1, updatedAt: ctx.now() };
        await tx.updateDelivery(updated);
        return updated;
      }),
    );
  }

  return {
    /**
     * Stores (or refreshes) where a person or a team channel can be reached. The first channel of a team becomes
     * where its stories go; another channel of the team does not take them over (a manager can ask for that:
     * `chooseStoryChannel`).
     */
    saveConversation(tenantId: unknown, input: unknown): Promise<ConversationRef> {
      const tenant = parseInput(tenantIdSchema, tenantId);
      const data = parseInput(saveConversationInput, input);
      return run(() =>
        ctx.store.transaction(async (tx) => {
          const [existing] = await tx.findConversationRefs(tenant, { conversationId: data.conversationId });
          const ref = parseInput(conversationRefSchema, {
            tenantId: tenant,
            id: existing?.id ?? ctx.newId(),
            kind: data.kind,
            personId: data.personId ?? existing?.personId ?? null,
            teamId: data.teamId ?? existing?.teamId ?? null,
            conversationId: data.conversationId,
            serviceUrl: data.serviceUrl,
            reference: data.reference,
            active: true,
            updatedAt: ctx.now(),
          });
          await tx.putConversationRef(ref);
          if (ref.kind === 'channel' && ref.teamId) {
            const team = await tx.getTeam(tenant, ref.teamId);
            if (team) await adoptFirstStoryChannel(tx, team, ref.id, ctx.now());
          }
          return ref;
        }),
      );
    },

    /** The team linked to a Teams team (org chart `teamsTeamId`), or null. */
    async teamForTeamsTeam(tenantId: unknown, teamsTeamId: unknown): Promise<Team | null> {
      const tenant = parseInput(tenantIdSchema, tenantId);
      const id = parseInput(idSchema, teamsTeamId);
      return run(async () => (await ctx.store.listTeams(tenant)).find((t) => t.teamsTeamId === id) ?? null);
    },

    /** Where to reach a person (their newest active personal chat) or a team (its channel), or null. */
    async conversationFor(
      tenantId: unknown,
      target: { personId?: string; teamId?: string },
    ): Promise<ConversationRef | null> {
      const tenant = parseInput(tenantIdSchema, tenantId);
      return run(async () => {
        if (target.teamId) {
          const team = await ctx.store.getTeam(tenant, target.teamId);
          const ref = team?.channelConversationRefId
            ? await ctx.store.getConversationRef(tenant, team.channelConversationRefId)
            : null;
          return ref?.active ? ref : null;
        }
        if (!target.personId) return null;
        const refs = await ctx.store.findConversationRefs(tenant, { personId: target.personId, activeOnly: true });
        return refs.find((r) => r.kind === 'personal') ?? null;
      });
    },

    /** After uninstall, member removal, or a 403/404: stop delivering to this conversation. */
    deactivateConversation(tenantId: unknown, conversationId: unknown): Promise<number> {
      const tenant = parseInput(tenantIdSchema, tenantId);
      const id = parseInput(z.string().min(1).max(1000), conversationId);
      return run(() =>
        ctx.store.transaction(async (tx) => {
          const refs = await tx.findConversationRefs(tenant, { conversationId: id, activeOnly: true });
          for (const ref of refs) await tx.putConversationRef({ ...ref, active: false, updatedAt: ctx.now() });
          return refs.length;
        }),
      );
    },

    getDelivery(tenantId: unknown, deliveryId: unknown): Promise<Delivery | null> {
      const tenant = parseInput(tenantIdSchema, tenantId);
      const id = parseInput(idSchema, deliveryId);
      return run(() => ctx.store.getDelivery(tenant, id));
    },

    /** Records that a delivery reached Teams, with the message id to edit or take back later. */
    markSent(tenantId: unknown, deliveryId: unknown, input: unknown): Promise<Delivery> {
      const data = parseInput(sentInput, input);
      return updateAttempt(tenantId, deliveryId, (d) => ({ ...d, ...data, status: 'sent', lastError: null }));
    },

    /**
     * Records a failed attempt; `final` gives up on it (blocked, uninstalled). A failure that is not final
     * with `retryAt` moves the delivery's `dueAt` there, so the due scan retries it then, restarts included.
     */
    async markFailed(tenantId: unknown, deliveryId: unknown, input: unknown): Promise<Delivery> {
      const data = parseInput(failedInput, input);
      return updateAttempt(tenantId, deliveryId, (d) => ({
        ...d,
        status: data.final ? 'failed' : d.status,
        lastError: data.error.slice(0, 500),
        dueAt: !data.final && data.retryAt && d.status === 'pending' ? data.retryAt : d.dueAt,
      }));
    },

    /**
     * Records that a pending delivery will not be sent (nothing to send any more: a digest below k, a check-in
     * already answered), with the reason in `lastError`. A delivery that is no longer pending is left as it is.
     * `reason` is a string or `{ reason }`.
     */
    async markSkipped(tenantId: unknown, deliveryId: unknown, reason: unknown): Promise<Delivery> {
      const tenant = parseInput(tenantIdSchema, tenantId);
      const id = parseInput(idSchema, deliveryId);
      const why = parseInput(skippedInput, reason);
      return run(() =>
        ctx.store.transaction(async (tx) => {
          const d = await tx.getDelivery(tenant, id);
          if (!d) throw notFound('item');
          if (d.status !== 'pending') return d;
          const updated: Delivery = { ...d, status: 'skipped', lastError: why, updatedAt: ctx.now() };
          await tx.updateDelivery(updated);
          return updated;
        }),
      );
    },

    /**
     * Pending deliveries of every tenant due at `now` (default: the clock), oldest first, at most `limit`
     * (default 100, at most 1000); `after` continues after the last one of a previous page.
     */
    async dueDeliveries(input?: unknown): Promise<Delivery[]> {
      const data = parseInput(dueInput, input);
      return run(() =>
        ctx.store.listPendingDeliveries({
          dueBy: data.now ?? ctx.now(),
          limit: data.limit,
          ...(data.after ? { after: data.after } : {}),
        }),
      );
    },

    /** What to send for a stored delivery (the same `Notification` the use case returned when it wrote it). */
    notificationOf(delivery: unknown): Notification {
      return notificationFromDelivery(parseInput(deliverySchema, delivery));
    },

    /**
     * A team's weekly digest for an ISO week (`periodKey` of a digest delivery): its insights for that week
     * with k applied and the team's name, or null when fewer than k people contributed that week, or the team
     * is gone (then nothing is posted: mark the delivery skipped).
     */
    async digestFor(tenantId: unknown, teamId: unknown, periodKey: unknown): Promise<TeamDigest | null> {
      const tenant = parseInput(tenantIdSchema, tenantId);
      const team = parseInput(idSchema, teamId);
      const week = parseInput(isoWeekSchema, periodKey);
      return run(() => teamDigest(ctx.store, ctx.privacy.k, tenant, team, week));
    },

    /**
     * Whether a check-in (or its reminder) is still to be sent: the rep exists, has check-ins on, and has not
     * answered that period. Gives the period's cadence, or null when it should not be sent.
     */
    async checkInStillWanted(
      tenantId: unknown,
      deliveryId: unknown,
    ): Promise<{ cadence: Cadence; periodKey: string } | null> {
      const tenant = parseInput(tenantIdSchema, tenantId);
      const id = parseInput(idSchema, deliveryId);
      return run(async () => {
        const d = await ctx.store.getDelivery(tenant, id);
        if (!d || (d.kind !== 'check-in' && d.kind !== 'check-in-reminder') || !d.recipientId || !d.periodKey) {
          return null;
        }
        const schedule = await ctx.store.getSchedule(tenant, d.recipientId);
        if (!schedule?.enabled || !(await ctx.store.getPerson(tenant, d.recipientId))) return null;
        const cadence: Cadence = d.periodKey.includes('W') ? 'weekly' : 'daily';
        const answered = await ctx.store.findCheckIn(tenant, d.recipientId, cadence, d.periodKey);
        return answered ? null : { cadence, periodKey: d.periodKey };
      });
    },
  };
}
