import { z } from 'zod';
import { parseInput, ReboundError } from '../errors';
import { accessTo, managersOf } from '../privacy/policy';
import { itemKindSchema } from '../records/enums';
import { idSchema, localeSchema } from '../records/primitives';
import { readableCheckIn, readableLog, sortReadable } from '../records/readable';
import type { ManagerReply } from '../records/share';
import type { Membership, Team } from '../records/team';
import {
  INSIGHT_PERIOD_KINDS,
  type InsightPeriod,
  type InsightPeriodKind,
  insightCountsQuery,
  previousInsightPeriod,
  teamInsightPeriod,
} from '../rules/insights/insight-periods';
import { computeTeamInsights, type TeamInsights } from '../rules/insights/team-insights';
import type { PromptCatalog } from '../rules/prompts/prompt-schema';
import type { ReplyCatalog } from '../rules/replies/reply-template-schema';
import { type ReplySuggestion, suggestReplies } from '../rules/replies/suggest-replies';
import { computeSignals } from '../rules/signals/compute-signals';
import { type ManagerSignalView, signalsVisibleToManager } from '../rules/signals/manager-view';
import type { PersonalSignals } from '../rules/signals/signal-schema';
import { reviewTone, type ToneReview } from '../rules/tone/review-tone';
import type { StoreOps } from '../store/port';
import { loadItem, notFound, readableItem, reading, requirePerson, type ServiceContext, unreadable } from './context';
import { idempotentTransaction } from './idempotency';
import type { Actor } from './inputs';
import { replyInput } from './inputs';
import { type Notification, notify } from './notifications';
import { promptUseCases } from './reflection-prompts';

const DAY = 86_400_000;
const daysBefore = (now: string, days: number) => new Date(Date.parse(now) - days * DAY).toISOString();

export interface Catalogs {
  prompts?: PromptCatalog;
  replies?: ReplyCatalog;
}

const suggestionsInput = z.strictObject({ itemKind: itemKindSchema, itemId: idSchema, locale: localeSchema });
const sendReplyInput = replyInput.extend({
  locale: localeSchema,
  /** Send even though the tone check found something: its findings are suggestions, never blocks. */
  sendAnyway: z.boolean().default(false),
});
const insightsInput = z.strictObject({
  teamId: idSchema,
  period: z.enum(INSIGHT_PERIOD_KINDS).default('week'),
  /** Any moment in the period; defaults to now. */
  at: z.iso.datetime({ offset: true }).optional(),
});

/** The item, when the acting manager may answer it: shared with them by name, and they manage its author. */
async function answerableItem(store: StoreOps, actor: Actor, kind: 'log' | 'check-in', id: string) {
  const item = await loadItem(store, actor.tenantId, kind, id);
  if (!item) throw notFound(kind);
  const access = accessTo(actor.personId, item.record.authorId, await store.listShares(actor.tenantId, { itemId: id }));
  if (access !== 'named') throw notFound(kind);
  if (!(await managersOf(store, actor.tenantId, item.record.authorId)).includes(actor.personId)) {
    throw new ReboundError('forbidden', 'error.forbidden', { params: { who: 'manager' } });
  }
  const readable = readableItem(item);
  if (!readable) throw unreadable(kind);
  return readable;
}

export interface TeamInsightsQuery {
  team: Team;
  /** The team's memberships: participation is divided by its rep members (at least the people counted). */
  members: readonly Membership[];
  period: InsightPeriod;
  k: number;
  /**
   * When set: null if fewer people than this logged or checked in during the period (the previous period is
   * then not read).
   */
  minContributors?: number;
}

/**
 * A team's figures for a period from the store's counts, under the privacy threshold `k`, with the period
 * before for changes. Both `teamInsights` (a member asks) and the weekly digest (`host.digestFor`) use it.
 */
export async function teamInsightsOf(
  store: StoreOps,
  query: TeamInsightsQuery & { minContributors?: undefined },
): Promise<TeamInsights>;
export async function teamInsightsOf(store: StoreOps, query: TeamInsightsQuery): Promise<TeamInsights | null>;
export async function teamInsightsOf(store: StoreOps, query: TeamInsightsQuery): Promise<TeamInsights | null> {
  const { team, members, period, k, minContributors } = query;
  const tenantId = team.tenantId;
  const reps = members.filter((m) => m.role === 'rep').length;
  const rows = await store.insightCounts(insightCountsQuery({ tenantId, teamIds: [team.id], period }));
  if (minContributors !== undefined) {
    const contributors = rows.filter((r) => r.logs > 0 || r.checkIns > 0).length;
    if (contributors < minContributors) return null;
  }
  const previousRows = await store.insightCounts(
    insightCountsQuery({ tenantId, teamIds: [team.id], period: previousInsightPeriod(period) }),
  );
  return computeTeamInsights({
    teamId: team.id,
    rows,
    previousRows,
    k,
    memberCount: Math.max(reps, rows.length),
    previousMemberCount: Math.max(reps, previousRows.length),
  });
}

export function guidanceUseCases(ctx: ServiceContext, catalogs: Catalogs) {
  async function signalsOfPerson(store: StoreOps, tenantId: string, personId: string): Promise<PersonalSignals | null> {
    const person = await store.getPerson(tenantId, personId);
    if (!person) return null;
    const now = ctx.now();
    const from = daysBefore(now, 120);
    return computeSignals({
      person,
      now,
      checkIns: await store.listCheckIns(tenantId, { authorId: personId, from, limit: 2000 }),
      logs: await store.listLogs(tenantId, { authorId: personId, from, limit: 5000 }),
      shares: (await store.listShares(tenantId, { ownerId: personId }))
        .filter((s) => s.sharedAt >= from)
        .slice(0, 10_000),
    });
  }

  return {
    ...promptUseCases(ctx, catalogs),

    /** Three replies a manager could send about an item shared with them, each with the reason it fits. */
    replySuggestions(actor: unknown, input: unknown): Promise<ReplySuggestion[]> {
      return reading(ctx, actor, async (store, a) => {
        const data = parseInput(suggestionsInput, input);
        const item = await answerableItem(store, a, data.itemKind, data.itemId);
        const repId = item.record.authorId;
        const rep = await store.getPerson(a.tenantId, repId);
        const manager = await store.getPerson(a.tenantId, a.personId);
        const last = (await store.listReplies(a.tenantId, { managerId: a.personId, repId })).find((r) => r.templateId);
        const options = {
          locale: data.locale,
          repName: rep?.displayName ?? '-',
          managerName: manager?.displayName,
          answerPreference: rep?.answerPreference ?? undefined,
          lastTemplateId: last?.templateId ?? undefined,
          catalog: catalogs.replies,
        };
        if (item.kind === 'log') {
          // A record of the rep's that cannot be read is left out of the rules' view, never the card's end.
          const recentLogs = sortReadable(
            await store.listLogs(a.tenantId, {
              authorId: repId,
              from: daysBefore(item.record.occurredAt, 7),
              limit: 1000,
            }),
            readableLog,
          ).ok;
          // Only "is this their first log?" is asked of the count, so two rows are enough to answer it.
          const authorLogCount = (await store.listLogs(a.tenantId, { authorId: repId, limit: 2 })).length;
          return suggestReplies({ kind: 'log', log: item.record, recentLogs, authorLogCount }, options);
        }
        const previousCheckIns = sortReadable(
          await store.listCheckIns(a.tenantId, { authorId: repId, to: item.record.submittedAt, limit: 20 }),
          readableCheckIn,
        ).ok.filter((c) => c.id !== item.record.id);
        return suggestReplies({ kind: 'check-in', checkIn: item.record, previousCheckIns }, options);
      });
    },

    /**
     * A manager answers a shared item. The draft's tone is checked first: with findings and without `sendAnyway`
     * nothing is sent and the review comes back, so the manager can revise or send anyway. A sent reply is
     * recorded with the findings it still had, and the rep is notified.
     */
    replyToItem(
      actor: unknown,
      input: unknown,
    ): Promise<
      | { sent: false; review: ToneReview }
      | { sent: true; review: ToneReview; reply: ManagerReply; notification: Notification }
    > {
      return idempotentTransaction(ctx, actor, 'replyToItem', input, async (tx, a, input) => {
        const data = parseInput(sendReplyInput, input);
        const item = await answerableItem(tx, a, data.itemKind, data.itemId);
        const review = reviewTone(data.text, { locale: data.locale });
        if (review.findings.length > 0 && !data.sendAnyway) return { sent: false as const, review };
        const reply: ManagerReply = {
          tenantId: a.tenantId,
          id: ctx.newId(),
          managerId: a.personId,
          repId: item.record.authorId,
          itemKind: data.itemKind,
          itemId: data.itemId,
          templateId: data.templateId ?? null,
          text: data.text,
          toneFindings: [...new Set(review.findings.map((f) => f.category))],
          sentAt: ctx.now(),
        };
        await tx.putReply(reply);
        const notification = await notify(tx, ctx, a.tenantId, {
          kind: 'reply',
          recipientId: reply.repId,
          itemKind: reply.itemKind,
          itemId: reply.itemId,
          ownerId: reply.repId,
          subjectId: reply.id,
          cause: reply.id,
        });
        return { sent: true as const, review, reply, notification };
      });
    },

    /** The acting rep's own signals, each with its explanation. Shown to the rep first. */
    mySignals(actor: unknown): Promise<PersonalSignals> {
      return reading(ctx, actor, async (store, a) => {
        await requirePerson(store, a);
        return (await signalsOfPerson(store, a.tenantId, a.personId))!;
      });
    },

    /**
     * A rep's signals as one of their managers may see them: all with the rep's consent, otherwise only a request
     * for support. Anyone who does not manage the rep gets `not-found`.
     */
    signalsForManager(actor: unknown, repId: unknown): Promise<ManagerSignalView> {
      return reading(ctx, actor, async (store, a) => {
        const id = parseInput(idSchema, repId);
        const person = await store.getPerson(a.tenantId, id);
        if (!person || !(await managersOf(store, a.tenantId, id)).includes(a.personId)) throw notFound('person');
        return signalsVisibleToManager((await signalsOfPerson(store, a.tenantId, id))!, person);
      });
    },

    /** Team figures for a week, fiscal quarter or fiscal year, under the privacy threshold. Members only. */
    teamInsights(
      actor: unknown,
      input: unknown,
    ): Promise<TeamInsights & { period: ReturnType<typeof teamInsightPeriod>; kind: InsightPeriodKind }> {
      return reading(ctx, actor, async (store, a) => {
        const data = parseInput(insightsInput, input);
        const team = await store.getTeam(a.tenantId, data.teamId);
        const members = await store.listMemberships(a.tenantId, { teamId: data.teamId });
        if (!team || !members.some((m) => m.personId === a.personId)) throw notFound('team');
        const period = teamInsightPeriod(team, data.period, data.at ?? ctx.now());
        const insights = await teamInsightsOf(store, { team, members, period, k: ctx.privacy.k });
        return { ...insights, period, kind: data.period };
      });
    },
  };
}
