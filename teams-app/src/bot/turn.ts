import { idSchema, isTimeZone, type Locale, type Person, type Rebound, resolveLocale, type Store } from '@rebound/core';
import { type Activity, TurnContext } from 'botbuilder';
import type { Logger } from 'pino';
import type { BotConfig } from '../config';
import type { ExportLinks } from '../http/export-links';
import type { OrgChartSync } from '../http/org-chart';
import { actorOf } from './actor';
import { commandLanguage } from './commands';
import type { ConversationCache } from './conversation-cache';
import { hasRealName, namelessName, rosterName, usableName } from './display-name';

export interface BotDeps {
  config: BotConfig;
  rebound: Rebound;
  /** Reads core has no use case for: candidate managers, the manager of a reply being thanked for. */
  store: Store;
  logger: Logger;
  exportLinks: ExportLinks;
  now: () => Date;
  /** The bot's address as people's browsers reach it (export links); null when links cannot be offered safely. */
  publicUrl: () => string | null;
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
  /**
   * The activity id: Teams sends a retried activity again with the same id, so a use case that creates
   * something is given it as its idempotency key (core answers a retry as the first time, writing nothing).
   */
  activityId?: string;
}

/** `{ idempotencyKey }` for a use case run by this turn, when the activity had a usable id. */
export function once(turn: Turn): { idempotencyKey?: string } {
  return turn.activityId ? { idempotencyKey: turn.activityId } : {};
}

/**
 * Who acts in this turn: always the authenticated sender (`from.aadObjectId`), registered in core on first
 * contact, with their conversation stored for later proactive sends. Null when Teams did not say who it is.
 */
export function createTurnStarter(deps: BotDeps) {
  const cache = deps.conversations;
  // People whose roster entry had no name either, so that nameless activities do not ask the roster each turn.
  const rosterWithoutName = new Set<string>();

  /**
   * The name to register: Teams' `from.name`; when that is missing or only the id (Teams sends no name with
   * install events, the Agents Playground none at all), the name already stored, else the roster's; else the
   * id, which the welcome card does not greet with.
   */
  async function nameOf(context: TurnContext, tenantId: string, personId: string): Promise<string> {
    const given = usableName(context.activity.from?.name, context.activity.from);
    if (given) return given;
    const known = await deps.store.getPerson(tenantId, personId);
    if (known && hasRealName(known)) return known.displayName;
    const key = `${tenantId}|${personId}`;
    if (rosterWithoutName.has(key)) return namelessName(personId);
    const fromRoster = await rosterName(context).catch((err: unknown) => {
      deps.logger.debug({ err }, 'roster look-up for a name failed');
      return null;
    });
    if (fromRoster) return fromRoster;
    if (rosterWithoutName.size >= 10_000) rosterWithoutName.clear();
    rosterWithoutName.add(key);
    return namelessName(personId);
  }

  async function saveConversation(activity: Activity, tenantId: string, personId: string | null) {
    const type = activity.conversation?.conversationType;
    const kind = type === 'channel' ? 'channel' : type === 'personal' || type === undefined ? 'personal' : null;
    if (!kind || (kind === 'personal' && !personId)) return;
    const fingerprint = `${activity.serviceUrl}`;
    const seen = { tenantId, conversationId: activity.conversation.id, personId };
    if (cache.has(seen, fingerprint)) return;
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
    cache.remember(seen, fingerprint);
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
        displayName: await nameOf(context, who.tenantId, who.personId),
        ...(typeof zone === 'string' && isTimeZone(zone) ? { timeZone: zone } : {}),
        ...(who.clientLocale ? { clientLocale: who.clientLocale } : {}),
      });
      // Someone who erased their data lost their memberships with it; coming back puts them in their team again.
      if (created) await deps.orgChart.resync(who.tenantId);
      // Someone new to the store (first contact, or back after erasing their data, perhaps through another
      // instance): what this process remembers of their chats is stale, and their chat is stored now.
      if (created) cache.forgetPerson(who.tenantId, who.personId);
      // Card actions come from a conversation the bot already wrote to, saved when it first heard from it;
      // skipping them keeps a write transaction off the path of every card submission.
      if (activity.type !== 'invoke' || created) await saveConversation(activity, who.tenantId, who.personId);
      // A command typed in Japanese is answered in Japanese, whatever the client's locale, until the person
      // chooses a language in their settings (their choice wins).
      const typed = activity.type === 'message' ? commandLanguage(activity.text) : null;
      const locale = resolveLocale(person.language, typed ?? activity.locale ?? person.clientLocale);
      const activityId = idSchema.safeParse(activity.id).success ? activity.id : undefined;
      return { actor, person, locale, deps, firstContact: created, notices: [], activityId };
    },
    forget(conversationId: string) {
      cache.forget(conversationId);
    },
  };
}
export type TurnStarter = ReturnType<typeof createTurnStarter>;
