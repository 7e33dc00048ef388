import { z } from 'zod';
import { parseInput } from '../errors';
import { accessTo, type ItemView, managersOf, viewOf } from '../privacy/policy';
import type { CheckIn } from '../records/check-in';
import type { ItemKind } from '../records/enums';
import { idSchema } from '../records/primitives';
import {
  readableCheckIn,
  readableLog,
  readableOutcome,
  readableReply,
  sortReadable,
  type UnreadableItem,
  unreadableItem,
} from '../records/readable';
import type { Outcome, RejectionLog } from '../records/rejection-log';
import type { ManagerReply, Share } from '../records/share';
import type { StoreOps } from '../store/port';
import { loadItem, notFound, readableItem, reading, type ServiceContext, unreadable } from './context';
import { itemRefInput, listItemsInput } from './inputs';

export interface MyLog {
  log: RejectionLog;
  outcomes: Outcome[];
  replies: ManagerReply[];
}
export interface MyCheckIn {
  checkIn: CheckIn;
  replies: ManagerReply[];
}
export interface PersonSummary {
  id: string;
  displayName: string | null;
}
export interface SharedItem {
  view: ItemView;
  owner: PersonSummary | null;
  sharedAt: string;
}
/** A shared item whose stored record cannot be read: who shared it and when, and nothing of its content. */
export interface UnreadableSharedItem {
  itemKind: ItemKind;
  itemId: string;
  owner: PersonSummary | null;
  sharedAt: string;
}

async function summary(store: StoreOps, tenantId: string, id: string): Promise<PersonSummary> {
  const p = await store.getPerson(tenantId, id);
  return { id, displayName: p?.displayName ?? null };
}

/** The named (not anonymous) items of `ownerId` that any of `viewers` can see through an active share. */
async function namedItemsSeenBy(
  store: StoreOps,
  tenantId: string,
  ownerId: string,
  viewers: readonly string[],
): Promise<SharedItem[]> {
  const latest = new Map<string, Share>();
  for (const viewer of viewers) {
    for (const share of await store.listShares(tenantId, { audienceId: viewer, ownerId, activeOnly: true })) {
      if (share.visibility === 'team-anonymous') continue;
      if (!latest.has(share.itemId)) latest.set(share.itemId, share);
    }
  }
  const out: SharedItem[] = [];
  const owner = await summary(store, tenantId, ownerId);
  for (const share of latest.values()) {
    const stored = await loadItem(store, tenantId, share.itemKind, share.itemId);
    const item = stored && readableItem(stored);
    if (item) out.push({ view: viewOf(item, 'named'), owner, sharedAt: share.sharedAt });
  }
  return out.sort((a, b) => (a.sharedAt < b.sharedAt ? 1 : -1));
}

export interface MyTrends {
  /** The window, inclusive start and exclusive end. */
  from: string;
  to: string;
  /** Check-ins in the window, oldest first: the rep's own pressure and energy over time. */
  points: { at: string; pressure: number; energy: number }[];
  logs: number;
  /** Share (0-1) of the window's logs where the rep asked why; null without logs. */
  askedWhyRate: number | null;
  /** Share (0-1) of the window's logs with something discovered; null without logs. */
  discoveryRate: number | null;
  checkIns: number;
}

const trendsInput = z.strictObject({ days: z.number().int().min(7).max(365).default(30) }).default({ days: 30 });

export function viewUseCases(ctx: ServiceContext) {
  return {
    /** The acting rep's own process over the last `days` days (30 by default). Only ever their own. */
    myTrends(actor: unknown, input?: unknown): Promise<MyTrends> {
      return reading(ctx, actor, async (store, a) => {
        const { days } = parseInput(trendsInput, input);
        const to = ctx.now();
        const from = new Date(Date.parse(to) - days * 86_400_000).toISOString();
        const logs = sortReadable(await store.listLogs(a.tenantId, { authorId: a.personId, from, to }), readableLog).ok;
        const checkIns = sortReadable(
          await store.listCheckIns(a.tenantId, { authorId: a.personId, from, to }),
          readableCheckIn,
        ).ok;
        const rate = (n: number) => (logs.length === 0 ? null : n / logs.length);
        return {
          from,
          to,
          points: checkIns.map((c) => ({ at: c.submittedAt, pressure: c.pressure, energy: c.energy })).reverse(),
          logs: logs.length,
          askedWhyRate: rate(logs.filter((l) => l.askedWhy).length),
          discoveryRate: rate(logs.filter((l) => l.discovery).length),
          checkIns: checkIns.length,
        };
      });
    },

    /**
     * The acting person's own logs (with outcomes and replies received) and check-ins, newest first. A stored
     * item that no longer matches its schema is listed in `unreadable` (with its id, and its date and visibility
     * when those can be read) instead of failing the list; outcomes and replies that cannot be read are left out.
     */
    listMyItems(
      actor: unknown,
      input?: unknown,
    ): Promise<{ logs: MyLog[]; checkIns: MyCheckIn[]; unreadable: UnreadableItem[] }> {
      return reading(ctx, actor, async (store, a) => {
        const { limit } = parseInput(listItemsInput, input);
        const replies = sortReadable(await store.listReplies(a.tenantId, { repId: a.personId }), readableReply).ok;
        const repliesTo = (itemId: string) => replies.filter((r) => r.itemId === itemId);
        const outcomes = sortReadable(
          await store.listOutcomes(a.tenantId, { authorId: a.personId }),
          readableOutcome,
        ).ok;
        const logs = sortReadable(await store.listLogs(a.tenantId, { authorId: a.personId, limit }), readableLog);
        const checkIns = sortReadable(
          await store.listCheckIns(a.tenantId, { authorId: a.personId, limit }),
          readableCheckIn,
        );
        return {
          logs: logs.ok.map((log) => ({
            log,
            outcomes: outcomes.filter((o) => o.logId === log.id),
            replies: repliesTo(log.id),
          })),
          checkIns: checkIns.ok.map((checkIn) => ({ checkIn, replies: repliesTo(checkIn.id) })),
          unreadable: [
            ...logs.bad.map((raw) => unreadableItem('log', raw)),
            ...checkIns.bad.map((raw) => unreadableItem('check-in', raw)),
          ],
        };
      });
    },

    /**
     * One item as the acting person may see it; `not-found` when they may not see it at all, `conflict`
     * (`error.unreadable`) when they may but its stored record no longer matches its schema.
     */
    viewItem(actor: unknown, input: unknown): Promise<ItemView> {
      return reading(ctx, actor, async (store, a) => {
        const ref = parseInput(itemRefInput, input);
        const stored = await loadItem(store, a.tenantId, ref.itemKind, ref.itemId);
        if (!stored) throw notFound(ref.itemKind);
        const item = readableItem(stored);
        const access = accessTo(
          a.personId,
          stored.record.authorId,
          await store.listShares(a.tenantId, { itemId: ref.itemId }),
        );
        if (access === 'none') throw notFound(ref.itemKind);
        if (!item) throw unreadable(ref.itemKind);
        return viewOf(item, access);
      });
    },

    /**
     * What the acting person may see of `personId`: everything when it is themselves, otherwise only items
     * shared with them by name. Anonymous items are never listed under a person, or they would not be anonymous.
     */
    viewPerson(actor: unknown, personId: unknown): Promise<{ person: PersonSummary; items: SharedItem[] }> {
      return reading(ctx, actor, async (store, a) => {
        const id = parseInput(idSchema, personId);
        const person = await summary(store, a.tenantId, id);
        if (id === a.personId) {
          const logs = sortReadable(await store.listLogs(a.tenantId, { authorId: id }), readableLog).ok;
          const checkIns = sortReadable(await store.listCheckIns(a.tenantId, { authorId: id }), readableCheckIn).ok;
          const items: SharedItem[] = [
            ...logs.map((record) => ({
              view: viewOf({ kind: 'log', record }, 'owner'),
              owner: person,
              sharedAt: record.createdAt,
            })),
            ...checkIns.map((record) => ({
              view: viewOf({ kind: 'check-in', record }, 'owner'),
              owner: person,
              sharedAt: record.submittedAt,
            })),
          ];
          return { person, items };
        }
        return { person, items: await namedItemsSeenBy(store, a.tenantId, id, [a.personId]) };
      });
    },

    /** "What my manager sees": the rep's current managers and the items at least one of them can see. */
    previewManagerView(
      actor: unknown,
    ): Promise<{ managers: PersonSummary[]; items: SharedItem[]; signalsShared: boolean }> {
      return reading(ctx, actor, async (store, a) => {
        const person = await store.getPerson(a.tenantId, a.personId);
        const managerIds = await managersOf(store, a.tenantId, a.personId);
        const managers = await Promise.all(managerIds.map((id) => summary(store, a.tenantId, id)));
        const items = await namedItemsSeenBy(store, a.tenantId, a.personId, managerIds);
        return { managers, items, signalsShared: person?.privacy.shareSignalsWithManagers ?? false };
      });
    },

    /**
     * A manager's inbox: items reps shared with them (or with a team they manage) that they have not answered.
     * A shared item whose stored record cannot be read is listed in `unreadable` (who shared it and when).
     */
    inbox(actor: unknown): Promise<{ waiting: SharedItem[]; unreadable: UnreadableSharedItem[] }> {
      return reading(ctx, actor, async (store, a) => {
        const shares = await store.listShares(a.tenantId, { audienceId: a.personId, activeOnly: true });
        const answered = new Set((await store.listReplies(a.tenantId, { managerId: a.personId })).map((r) => r.itemId));
        const seen = new Set<string>();
        const waiting: SharedItem[] = [];
        const unreadableItems: UnreadableSharedItem[] = [];
        const managedBy = new Map<string, boolean>();
        for (const share of shares) {
          if (share.visibility === 'team-anonymous' || answered.has(share.itemId) || seen.has(share.itemId)) continue;
          seen.add(share.itemId);
          if (share.visibility === 'team') {
            if (!managedBy.has(share.ownerId)) {
              managedBy.set(share.ownerId, (await managersOf(store, a.tenantId, share.ownerId)).includes(a.personId));
            }
            if (!managedBy.get(share.ownerId)) continue;
          }
          const stored = await loadItem(store, a.tenantId, share.itemKind, share.itemId);
          if (!stored) continue;
          const owner = await summary(store, a.tenantId, share.ownerId);
          const item = readableItem(stored);
          if (item) waiting.push({ view: viewOf(item, 'named'), owner, sharedAt: share.sharedAt });
          else
            unreadableItems.push({ itemKind: share.itemKind, itemId: share.itemId, owner, sharedAt: share.sharedAt });
        }
        return { waiting, unreadable: unreadableItems };
      });
    },
  };
}
