import { isTimeZone, type Locale, type Person, type Rebound, resolveLocale, type Store } from '@rebound/core';
import { type Activity, TurnContext } from 'botbuilder';
import type { Logger } from 'pino';
import type { BotConfig } from '../config';
import type { ExportLinks } from '../http/export-links';
import type { OrgChartSync } from '../http/server';
import { actorOf } from './actor';
import type { ConversationCache } from './conversation-cache';

export interface BotDeps {
  config: BotConfig;
  rebound: Rebound;
  /** Reads core has no use case for: candidate managers, the manager of a reply being thanked for. */
  store: Store;
  logger: Logger;
  exportLinks: ExportLinks;
  now: () => Date;
  /** The bot's address as people's browsers reach it (export links). */
  publicUrl: () => string;
  /** Conversations already stored by this process. */
  conversations: ConversationCache;
  /** The org chart file (`REBOUND_ORG_FILE`), if any. */
  orgChart: OrgChartSync;
}

/** The acting person of a turn, known to core, and the language to answer in. */
export interface Turn {
  actor: { tenantId: string; personId: string };
  person: Person;
  locale: Locale;
  deps: BotDeps;
  /** True on the person's very first turn with Rebound (they have not seen the welcome card yet). */
  firstContact?: boolean;
  /** Short texts to send after the turn's answer (for example: the team has no Rebound channel yet). */
  notices: string[];
}

/**
 * Who acts in this turn: always the authenticated sender (`from.aadObjectId`), registered in core on first
 * contact, with their conversation stored for later proactive sends. Null when Teams did not say who it is.
 */
export function createTurnStarter(deps: BotDeps) {
  const cache = deps.conversations;

  async function saveConversation(activity: Activity, tenantId: string, personId: string | null) {
    const type = activity.conversation?.conversationType;
    const kind = type === 'channel' ? 'channel' : type === 'personal' || type === undefined ? 'personal' : null;
    if (!kind || (kind === 'personal' && !personId)) return;
    const fingerprint = `${activity.serviceUrl}`;
    const key = `${tenantId}|${activity.conversation.id}|${personId ?? ''}`;
    if (cache.has(key, fingerprint)) return;
    const teamsTeamId = (activity.channelData as { team?: { id?: unknown } } | undefined)?.team?.id;
    const teamId =
      kind === 'channel' && typeof teamsTeamId === 'string'
        ? ((await deps.rebound.host.teamForTeamsTeam(tenantId, teamsTeamId))?.id ?? null)
        : null;
    // Without the triggering activity's id, later sends are new messages rather than replies to it.
    const { activityId: _reply, ...reference } = TurnContext.getConversationReference(activity);
    await deps.rebound.host.saveConversation(tenantId, {
      kind,
      ...(kind === 'personal' && personId ? { personId } : {}),
      ...(teamId ? { teamId } : {}),
      conversationId: activity.conversation.id,
      serviceUrl: activity.serviceUrl,
      reference: JSON.stringify(reference),
    });
    cache.remember(key, fingerprint);
  }

  return {
    async start(context: TurnContext): Promise<Turn | null> {
      const activity = context.activity;
      const who = actorOf(activity);
      if (!who?.personId) return null;
      await deps.orgChart.sync(who.tenantId);
      const actor = { tenantId: who.tenantId, personId: who.personId };
      const zone = (activity as { localTimezone?: unknown }).localTimezone;
      const { person, created } = await deps.rebound.registerPerson(actor, {
        displayName: who.displayName.trim() || who.personId.slice(0, 100),
        ...(typeof zone === 'string' && isTimeZone(zone) ? { timeZone: zone } : {}),
        ...(who.clientLocale ? { clientLocale: who.clientLocale } : {}),
      });
      // Someone who erased their data lost their memberships with it; coming back puts them in their team again.
      if (created) await deps.orgChart.resync(who.tenantId);
      // Card actions come from a conversation the bot already wrote to, saved when it first heard from it;
      // skipping them keeps a write transaction off the path of every card submission.
      if (activity.type !== 'invoke') await saveConversation(activity, who.tenantId, who.personId);
      const locale = resolveLocale(person.language, activity.locale ?? person.clientLocale);
      return { actor, person, locale, deps, firstContact: created, notices: [] };
    },
    forget(conversationId: string) {
      cache.forget(conversationId);
    },
  };
}
export type TurnStarter = ReturnType<typeof createTurnStarter>;
