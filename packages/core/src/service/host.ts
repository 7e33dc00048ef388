import { z } from 'zod';
import { parseInput } from '../errors';
import { type ConversationRef, conversationRefSchema, type Delivery } from '../records/delivery';
import { idSchema, tenantIdSchema } from '../records/primitives';
import type { Team } from '../records/team';
import { asReboundError, notFound, type ServiceContext } from './context';

const saveConversationInput = z.strictObject({
  kind: z.enum(['personal', 'channel']),
  personId: idSchema.optional(),
  teamId: idSchema.optional(),
  conversationId: z.string().min(1).max(1000),
  serviceUrl: z.string().url().max(500),
  reference: z.string().max(8000),
});

const sentInput = z.strictObject({ messageId: z.string().max(500).nullable(), conversationRefId: idSchema.nullable() });
const failedInput = z.strictObject({ error: z.string().max(500), final: z.boolean() });

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
    /** Stores (or refreshes) where a person or a team channel can be reached. A channel links its team. */
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
            if (team && team.channelConversationRefId !== ref.id) {
              await tx.putTeam({ ...team, channelConversationRefId: ref.id, updatedAt: ctx.now() });
            }
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

    /** Records a failed attempt; `final` gives up on it (blocked, uninstalled). */
    markFailed(tenantId: unknown, deliveryId: unknown, input: unknown): Promise<Delivery> {
      const data = parseInput(failedInput, input);
      return updateAttempt(tenantId, deliveryId, (d) => ({
        ...d,
        status: data.final ? 'failed' : d.status,
        lastError: data.error.slice(0, 500),
      }));
    },
  };
}
