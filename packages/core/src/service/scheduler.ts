import { z } from 'zod';
import { addDays } from '../calendar/calendar';
import { parseInput } from '../errors';
import type { Delivery } from '../records/delivery';
import type { Cadence } from '../records/enums';
import { instantSchema } from '../records/primitives';
import type { Schedule } from '../records/share';
import { checkInReminder } from '../scheduling/check-in-reminder';
import { checkInsDueBetween } from '../scheduling/check-in-slots';
import { nextDigest } from '../scheduling/digest';
import { nextStepReminderDue } from '../scheduling/next-step-reminder';
import type { StoreOps } from '../store/port';
import { asReboundError, type ServiceContext } from './context';
import { idempotencyCutoff } from './idempotency';
import { newDelivery } from './notifications';

/** The kinds of delivery the scheduler plans. */
export const SCHEDULED_KINDS = ['check-in', 'check-in-reminder', 'next-step-reminder', 'digest'] as const;
export type ScheduledKind = (typeof SCHEDULED_KINDS)[number];

/** How far back a plan looks by default: slots missed longer ago than this are not replayed (that would nag). */
export const DEFAULT_LOOKBACK_HOURS = 3;
/** The longest lookback a plan accepts. */
export const MAX_LOOKBACK_HOURS = 168;

const HOUR = 3_600_000;
/**
 * How long after its check-in a reminder can fall due: `reminderAfterHours` (72 at most), a night of quiet
 * hours, and a day of slack for a check-in the queue sent late.
 */
const REMINDER_REACH_HOURS = 72 + 24 + 24;
/** The local time of a next-step reminder on its due day (quiet hours and days away may move it later). */
const DEFAULT_REMINDER_TIME = '09:00';

export const planInput = z
  .strictObject({
    now: instantSchema.optional(),
    lookbackHours: z.number().positive().max(MAX_LOOKBACK_HOURS).optional(),
  })
  .default({});

export interface PlanResult {
  /** New pending deliveries, per kind. */
  planned: Record<ScheduledKind, number>;
  /** Due sends whose delivery already existed (planned by an earlier run or another process). */
  alreadyPlanned: number;
  /** Due check-ins and reminders not planned because the rep had already answered that period. */
  answered: number;
}

type Outcome = 'planned' | 'already' | 'answered';

/** The later of two instants (ISO strings in UTC sort as text). */
function laterOf(a: string, b: string): string {
  if (a < b) return b;
  return a;
}

const cadenceOfPeriod = (periodKey: string): Cadence => (periodKey.includes('W') ? 'weekly' : 'daily');

/**
 * The scheduler: finds what fell due within (now - lookback, now] and writes one pending `Delivery` per
 * (kind, subject, period), keyed as in `core/scheduling`. The store refuses a second delivery with the same
 * key, so planning twice, from two processes, or again after a crash never schedules a period twice. Each
 * delivery is written in its own small transaction: a crash mid-plan loses nothing, the next plan writes the rest.
 * A plan also forgets idempotency records older than `IDEMPOTENCY_RETENTION_HOURS`.
 */
export function schedulerOperations(ctx: ServiceContext) {
  async function plan(input?: unknown): Promise<PlanResult> {
    const data = parseInput(planInput, input);
    const now = data.now ?? ctx.now();
    const from = new Date(Date.parse(now) - (data.lookbackHours ?? DEFAULT_LOOKBACK_HOURS) * HOUR).toISOString();
    const result: PlanResult = {
      planned: { 'check-in': 0, 'check-in-reminder': 0, 'next-step-reminder': 0, digest: 0 },
      alreadyPlanned: 0,
      answered: 0,
    };
    const count = (kind: ScheduledKind, outcome: Outcome) => {
      if (outcome === 'planned') result.planned[kind]++;
      else if (outcome === 'already') result.alreadyPlanned++;
      else result.answered++;
    };
    try {
      for (const [kind, outcome] of await planCheckIns(from, now)) count(kind, outcome);
      for (const [kind, outcome] of await planCheckInReminders(from, now)) count(kind, outcome);
      for (const [kind, outcome] of await planNextStepReminders(from, now)) count(kind, outcome);
      for (const [kind, outcome] of await planDigests(from, now)) count(kind, outcome);
      // Answers kept for retried requests, and spent export links, have served their purpose by now.
      await ctx.store.deleteIdempotencyRecordsBefore(idempotencyCutoff(now));
    } catch (error) {
      throw asReboundError(error);
    }
    return result;
  }

  /**
   * Creates a delivery to a person in one transaction, after checking, in that same transaction, that the
   * person still exists and (for check-ins and their reminder) has not answered the period yet.
   */
  async function createForPerson(d: Delivery, personId: string, answeredPeriod?: string): Promise<Outcome | null> {
    // Every tick within the lookback sees the same slots again: a plain read settles those without a write
    // transaction (the key in the transaction still decides when two planners race).
    if (await ctx.store.getDeliveryByKey(d.tenantId, d.key)) return 'already';
    return ctx.store.transaction(async (tx: StoreOps) => {
      if (!(await tx.getPerson(d.tenantId, personId))) return null;
      if (answeredPeriod !== undefined) {
        const answer = await tx.findCheckIn(d.tenantId, personId, cadenceOfPeriod(answeredPeriod), answeredPeriod);
        if (answer) return 'answered';
      }
      return (await tx.createDelivery(d)) ? 'planned' : 'already';
    });
  }

  /** The pending delivery of what a rule found due, addressed to the person it is about (who also owns it). */
  function toPerson(
    kind: ScheduledKind,
    due: { tenantId: string; key: string; personId: string; periodKey: string; dueAt: string },
    item: Pick<Delivery, 'itemKind' | 'itemId'> | Record<string, never> = {},
  ): Delivery {
    return newDelivery(ctx, {
      tenantId: due.tenantId,
      key: due.key,
      kind,
      recipientId: due.personId,
      ownerId: due.personId,
      periodKey: due.periodKey,
      dueAt: due.dueAt,
      ...item,
    });
  }

  async function planCheckIns(from: string, now: string): Promise<Array<[ScheduledKind, Outcome]>> {
    const out: Array<[ScheduledKind, Outcome]> = [];
    for (const schedule of await ctx.store.listEnabledSchedules()) {
      const person = await ctx.store.getPerson(schedule.tenantId, schedule.personId);
      if (!person) continue;
      for (const slot of checkInsDueBetween(schedule, person.timeZone, from, now)) {
        const d = toPerson('check-in', slot);
        const outcome = await createForPerson(d, slot.personId, slot.periodKey);
        if (outcome) out.push(['check-in', outcome]);
      }
    }
    return out;
  }

  async function planCheckInReminders(from: string, now: string): Promise<Array<[ScheduledKind, Outcome]>> {
    const out: Array<[ScheduledKind, Outcome]> = [];
    const scanFrom = new Date(Date.parse(from) - REMINDER_REACH_HOURS * HOUR).toISOString();
    const sent = await ctx.store.listSentDeliveries({ kind: 'check-in', from: scanFrom, to: now });
    const schedules = new Map<string, Schedule | null>();
    for (const d of sent) {
      if (!d.recipientId || !d.periodKey) continue;
      const scheduleKey = `${d.tenantId}\u0000${d.recipientId}`;
      if (!schedules.has(scheduleKey))
        schedules.set(scheduleKey, await ctx.store.getSchedule(d.tenantId, d.recipientId));
      const schedule = schedules.get(scheduleKey);
      // Off by default: nothing to look up for reps who did not ask for a reminder.
      if (!schedule?.enabled || schedule.reminderAfterHours === null) continue;
      const person = await ctx.store.getPerson(d.tenantId, d.recipientId);
      if (!person) continue;
      const answered = await ctx.store.findCheckIn(
        d.tenantId,
        d.recipientId,
        cadenceOfPeriod(d.periodKey),
        d.periodKey,
      );
      // The delivery was last updated when it was marked sent.
      const sentAt = laterOf(d.updatedAt, d.dueAt);
      const reminder = checkInReminder(schedule, person.timeZone, sentAt, answered !== null, now, d.periodKey);
      if (!reminder || reminder.dueAt <= from || reminder.dueAt > now) continue;
      const r = toPerson('check-in-reminder', reminder);
      const outcome = await createForPerson(r, reminder.personId, reminder.periodKey);
      if (outcome) out.push(['check-in-reminder', outcome]);
    }
    return out;
  }

  /**
   * A next-step reminder is about its due day: it is planned once its time has come and until that day is
   * over in the rep's zone (the rule `nextStepReminderDue` states), not only within the lookback. Its delivery
   * is due when the rep's quiet hours and days away allow (`dueAt`), which may be later: the queue waits.
   */
  async function planNextStepReminders(from: string, now: string): Promise<Array<[ScheduledKind, Outcome]>> {
    const out: Array<[ScheduledKind, Outcome]> = [];
    // Every zone's local date lies within a day of the UTC date.
    const logs = await ctx.store.listLogsWithNextStepDue(addDays(from.slice(0, 10), -1), addDays(now.slice(0, 10), 1));
    for (const log of logs) {
      const person = await ctx.store.getPerson(log.tenantId, log.authorId);
      if (!person) continue;
      const schedule = await ctx.store.getSchedule(log.tenantId, log.authorId);
      const reminder = nextStepReminderDue(log, person.timeZone, now, DEFAULT_REMINDER_TIME, schedule);
      if (!reminder || reminder.scheduledAt > now) continue;
      const d = toPerson('next-step-reminder', reminder, { itemKind: 'log', itemId: reminder.logId });
      const outcome = await createForPerson(d, reminder.personId);
      if (outcome) out.push(['next-step-reminder', outcome]);
    }
    return out;
  }

  async function planDigests(from: string, now: string): Promise<Array<[ScheduledKind, Outcome]>> {
    const out: Array<[ScheduledKind, Outcome]> = [];
    for (const team of await ctx.store.listAllTeams()) {
      if (!team.channelConversationRefId) continue;
      // The first digest after `from` (the window leaves `from` itself out).
      const slot = nextDigest(team, new Date(Date.parse(from) + 1).toISOString());
      if (slot.dueAt <= from || slot.dueAt > now) continue;
      const d = newDelivery(ctx, {
        tenantId: slot.tenantId,
        key: slot.key,
        kind: 'digest',
        teamId: slot.teamId,
        conversationRefId: team.channelConversationRefId,
        periodKey: slot.periodKey,
        dueAt: slot.dueAt,
      });
      const created =
        !(await ctx.store.getDeliveryByKey(d.tenantId, d.key)) &&
        (await ctx.store.transaction((tx) => tx.createDelivery(d)));
      out.push(['digest', created ? 'planned' : 'already']);
    }
    return out;
  }

  return { plan };
}
