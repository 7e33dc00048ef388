import { z } from 'zod';
import { parseInput, ReboundError } from '../errors';
import { idSchema, tenantIdSchema } from '../records/primitives';
import { readableCheckIn, readableLog, readableOutcome, sortReadable } from '../records/readable';
import type { StoreOps } from '../store/port';
import { asReboundError, inTransaction, reading, requirePerson, type ServiceContext } from './context';
import { type TakeBack, toTakeBack } from './notifications';

export const EXPORT_FORMAT = 'rebound-export/1';

const exportInput = z.strictObject({ linkId: idSchema.optional() }).default({});

/** Everything that is the person's own, and nothing that is anyone else's. */
async function collectExport(store: StoreOps, tenantId: string, personId: string, exportedAt: string) {
  const person = await store.getPerson(tenantId, personId);
  const received = await store.listReplies(tenantId, { repId: personId });
  const sent = await store.listReplies(tenantId, { managerId: personId });
  const logs = sortReadable(await store.listLogs(tenantId, { authorId: personId }), readableLog);
  const checkIns = sortReadable(await store.listCheckIns(tenantId, { authorId: personId }), readableCheckIn);
  const outcomes = sortReadable(await store.listOutcomes(tenantId, { authorId: personId }), readableOutcome);
  return {
    format: EXPORT_FORMAT,
    exportedAt,
    person,
    schedule: await store.getSchedule(tenantId, personId),
    teams: (await store.listMemberships(tenantId, { personId })).map(({ teamId, role, since }) => ({
      teamId,
      role,
      since,
    })),
    managerRequests: (await store.listAssignments(tenantId, { repId: personId })).map(
      ({ managerId, status, requestedAt, decidedAt }) => ({
        managerId,
        status,
        requestedAt,
        decidedAt,
      }),
    ),
    rejectionLogs: logs.ok,
    outcomes: outcomes.ok,
    checkIns: checkIns.ok,
    /** Records of the person's that no longer match their schema, exactly as stored: theirs all the same. */
    unreadable: [
      ...logs.bad.map((record) => ({ kind: 'log' as const, record: record as unknown })),
      ...checkIns.bad.map((record) => ({ kind: 'check-in' as const, record: record as unknown })),
      ...outcomes.bad.map((record) => ({ kind: 'outcome' as const, record: record as unknown })),
    ],
    shares: (await store.listShares(tenantId, { ownerId: personId })).map(
      ({ itemKind, itemId, visibility, sharedAt, withdrawnAt, audience }) => ({
        itemKind,
        itemId,
        visibility,
        sharedAt,
        withdrawnAt,
        audienceSize: audience.length,
      }),
    ),
    repliesReceived: received.map(({ itemKind, itemId, text, sentAt, managerId }) => ({
      itemKind,
      itemId,
      text,
      sentAt,
      managerId,
    })),
    repliesSent: sent.map(({ itemKind, itemId, text, sentAt, toneFindings }) => ({
      itemKind,
      itemId,
      text,
      sentAt,
      toneFindings,
    })),
  };
}
export type PersonExport = Awaited<ReturnType<typeof collectExport>>;

async function erase(tx: StoreOps, tenantId: string, personId: string): Promise<TakeBack[]> {
  const posted = (await tx.listDeliveries(tenantId, { ownerId: personId })).filter(
    (d) => (d.kind === 'manager-notification' || d.kind === 'team-story') && d.status === 'sent',
  );
  await tx.deletePersonData(tenantId, personId);
  return posted.map(toTakeBack);
}

export function dataRightsUseCases(ctx: ServiceContext) {
  return {
    /**
     * All of the acting person's own data as JSON-ready objects. Other people's items are never included. With
     * `linkId` (a single-use download link's id), the export is given once per link: its use is recorded in the
     * store in the same transaction, so a second use is `conflict` (`error.conflict.link-used`) on every instance
     * and after restarts. A person who erased their data is `not-found`.
     */
    async exportMyData(actor: unknown, input?: unknown): Promise<PersonExport> {
      const { linkId } = parseInput(exportInput, input);
      if (linkId === undefined) {
        return reading(ctx, actor, async (store, a) => {
          await requirePerson(store, a);
          return collectExport(store, a.tenantId, a.personId, ctx.now());
        });
      }
      return inTransaction(ctx, actor, async (tx, a) => {
        await requirePerson(tx, a);
        const now = ctx.now();
        const use = { ...a, operation: 'exportMyData', key: linkId, result: 'null', createdAt: now };
        if (!(await tx.putIdempotencyRecord(use))) throw new ReboundError('conflict', 'error.conflict.link-used');
        return collectExport(tx, a.tenantId, a.personId, now);
      });
    },

    /**
     * Erases everything about the acting person in one transaction; aggregates stop counting them at once.
     * Returns the posted copies of their items (manager cards, channel stories) that the host must take back.
     */
    eraseMe(actor: unknown): Promise<{ takeBacks: TakeBack[] }> {
      return inTransaction(ctx, actor, async (tx, a) => ({ takeBacks: await erase(tx, a.tenantId, a.personId) }));
    },
  };
}

/** For an administrator: erase a person who has left (the host decides who may call this). */
export async function erasePerson(
  ctx: ServiceContext,
  tenantId: unknown,
  personId: unknown,
): Promise<{ takeBacks: TakeBack[] }> {
  const tenant = parseInput(tenantIdSchema, tenantId);
  const id = parseInput(idSchema, personId);
  try {
    return await ctx.store.transaction(async (tx) => ({ takeBacks: await erase(tx, tenant, id) }));
  } catch (error) {
    throw asReboundError(error);
  }
}
