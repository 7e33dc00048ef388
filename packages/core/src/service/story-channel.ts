import { z } from 'zod';
import { parseInput, ReboundError } from '../errors';
import type { Team } from '../records/team';
import type { StoreOps } from '../store/port';
import { inTransaction, notFound, type ServiceContext } from './context';

const storyChannelInput = z.strictObject({
  /** The conversation the person wrote from, as the host stored it (`host.saveConversation`). */
  conversationId: z.string().min(1).max(1000),
});

/**
 * Where a team's rejection stories and weekly digest go: the first channel of the team the host hears from
 * (`host.saveConversation`), until a manager of the team asks for another one (`chooseStoryChannel`). A
 * message from some other channel of the team never moves them.
 */
export async function adoptFirstStoryChannel(tx: StoreOps, team: Team, refId: string, now: string): Promise<void> {
  if (team.channelConversationRefId === refId) return;
  const current = team.channelConversationRefId
    ? await tx.getConversationRef(team.tenantId, team.channelConversationRefId)
    : null;
  // A channel the bot can no longer post to (uninstalled, deleted) is no choice to keep.
  if (current?.active) return;
  await tx.putTeam({ ...team, channelConversationRefId: refId, updatedAt: now });
}

export function storyChannelUseCases(ctx: ServiceContext) {
  return {
    /**
     * "Post stories here": the channel the acting person writes from becomes the one where their team's stories
     * and digest are posted. Only a manager of the team the channel belongs to can ask (`forbidden` otherwise);
     * from a personal chat it is a `validation` error saying where to write it. `changed` is false when the
     * stories already go there.
     */
    chooseStoryChannel(actor: unknown, input: unknown): Promise<{ team: Team; changed: boolean }> {
      return inTransaction(ctx, actor, async (tx, a) => {
        const { conversationId } = parseInput(storyChannelInput, input);
        const [ref] = await tx.findConversationRefs(a.tenantId, { conversationId });
        if (ref?.kind !== 'channel') {
          throw new ReboundError('validation', 'error.story-channel.not-a-channel');
        }
        const team = ref.teamId ? await tx.getTeam(a.tenantId, ref.teamId) : null;
        if (!team) throw notFound('team');
        const members = await tx.listMemberships(a.tenantId, { teamId: team.id });
        if (!members.some((m) => m.personId === a.personId && m.role === 'manager')) {
          throw new ReboundError('forbidden', 'error.forbidden', { params: { who: 'team-manager' } });
        }
        if (team.channelConversationRefId === ref.id) return { team, changed: false };
        const updated: Team = { ...team, channelConversationRefId: ref.id, updatedAt: ctx.now() };
        await tx.putTeam(updated);
        return { team: updated, changed: true };
      });
    },
  };
}
