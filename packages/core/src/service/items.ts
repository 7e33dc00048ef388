import { periodKeyOf } from '../calendar/periods';
import { parseInput } from '../errors';
import { managersOf } from '../privacy/policy';
import { type CheckIn, checkInSchema } from '../records/check-in';
import { readableLog } from '../records/readable';
import { type Outcome, outcomeSchema, type RejectionLog, rejectionLogSchema } from '../records/rejection-log';
import {
  inTransaction,
  loadOwnItem,
  readableItem,
  requirePerson,
  type ServiceContext,
  type SupportContact,
  unreadable,
} from './context';
import { checkDates, checkPeriod, type PersonCalendar, personCalendar } from './date-rules';
import { idempotentTransaction } from './idempotency';
import {
  editCheckInInput,
  editLogInput,
  logRejectionInput,
  recordOutcomeInput,
  setVisibilityInput,
  submitCheckInInput,
} from './inputs';
import { type Notification, notify } from './notifications';
import { applyVisibility, type SharingResult } from './sharing';

export interface LogResult {
  log: RejectionLog;
  sharing: SharingResult;
}

export interface CheckInResult {
  checkIn: CheckIn;
  sharing: SharingResult;
  /** Shown at once when the rep asked for support. Empty otherwise. */
  supportContacts: readonly SupportContact[];
  /** Managers told that the rep would like to talk (only the fact, not the check-in, unless it was shared). */
  supportNotifications: Notification[];
}

/**
 * A log's dates: it happened no later than the person's today, and its next step is dated no earlier than the
 * day it happened and no further ahead than the planning horizon.
 */
function checkLogDates(calendar: PersonCalendar, occurredAt: string, nextStepDue: string | undefined): void {
  const occurredOn = calendar.dateOf(occurredAt);
  checkDates([
    { path: 'occurredAt', date: occurredOn, latest: calendar.upToToday },
    // Against a rejection date that is itself wrong, only the horizon is said.
    {
      path: 'nextStep.dueDate',
      date: nextStepDue,
      earliest: occurredOn <= calendar.today ? occurredOn : undefined,
      latest: calendar.horizon,
    },
  ]);
}

export function itemUseCases(ctx: ServiceContext) {
  return {
    /** Stores a rejection log; shares it at once if the rep's chosen (or default) visibility says so. */
    logRejection(actor: unknown, input: unknown): Promise<LogResult> {
      return idempotentTransaction(ctx, actor, 'logRejection', input, async (tx, a, input) => {
        const data = parseInput(logRejectionInput, input);
        const person = await requirePerson(tx, a);
        const now = ctx.now();
        const { visibility = person.privacy.defaultVisibility, occurredAt = now, ...fields } = data;
        checkLogDates(personCalendar(now, person.timeZone), occurredAt, fields.nextStep?.dueDate);
        // Built, not parsed again: every field comes from validated input, the actor, the clock or `ctx.newId`.
        const log: RejectionLog = {
          ...fields,
          tenantId: a.tenantId,
          id: ctx.newId(),
          authorId: a.personId,
          occurredAt,
          visibility: 'private',
          createdAt: now,
          updatedAt: now,
        };
        await tx.putLog(log);
        const sharing = await applyVisibility(tx, ctx, { kind: 'log', record: log }, visibility, true);
        return { log: { ...log, visibility }, sharing };
      });
    },

    /** Changes what a log says. Who can see it is changed with `setVisibility`. */
    editLog(actor: unknown, input: unknown): Promise<{ log: RejectionLog }> {
      return inTransaction(ctx, actor, async (tx, a) => {
        const { logId, changes } = parseInput(editLogInput, input);
        const person = await requirePerson(tx, a);
        const item = await loadOwnItem(tx, a, 'log', logId);
        const now = ctx.now();
        const log = parseInput(rejectionLogSchema, { ...item.record, ...changes, updatedAt: now });
        if (changes.occurredAt !== undefined || changes.nextStep !== undefined) {
          checkLogDates(personCalendar(now, person.timeZone), log.occurredAt, log.nextStep?.dueDate);
        }
        await tx.putLog(log);
        return { log };
      });
    },

    /** Links a later result (reopened, won later, referral, repeat, closed) to a log. */
    recordOutcome(actor: unknown, input: unknown): Promise<{ outcome: Outcome }> {
      return idempotentTransaction(ctx, actor, 'recordOutcome', input, async (tx, a, input) => {
        const data = parseInput(recordOutcomeInput, input);
        const person = await requirePerson(tx, a);
        const log = readableLog((await loadOwnItem(tx, a, 'log', data.logId)).record);
        if (!log) throw unreadable('log');
        const now = ctx.now();
        const calendar = personCalendar(now, person.timeZone);
        // What happened later happened on or after the day of the rejection, and not after today.
        const occurredOn = data.occurredOn ?? calendar.today;
        checkDates([
          {
            path: 'occurredOn',
            date: occurredOn,
            earliest: calendar.dateOf(log.occurredAt),
            latest: calendar.upToToday,
          },
        ]);
        const outcome = parseInput(outcomeSchema, {
          tenantId: a.tenantId,
          id: ctx.newId(),
          logId: data.logId,
          authorId: a.personId,
          kind: data.kind,
          occurredOn,
          note: data.note,
          recordedAt: now,
        });
        await tx.putOutcome(outcome);
        return { outcome };
      });
    },

    /**
     * Stores one check-in per period (the rep's local date, or ISO week for weekly ones). A second one for the
     * same period is a `conflict`: edit the first instead.
     */
    submitCheckIn(actor: unknown, input: unknown): Promise<CheckInResult> {
      return idempotentTransaction(ctx, actor, 'submitCheckIn', input, async (tx, a, input) => {
        const data = parseInput(submitCheckInInput, input);
        const person = await requirePerson(tx, a);
        const now = ctx.now();
        const calendar = personCalendar(now, person.timeZone);
        const periodKey = data.periodKey ?? periodKeyOf(calendar.today, data.cadence);
        checkPeriod(calendar, periodKey, data.cadence);
        const { visibility = person.privacy.defaultVisibility, periodKey: _p, ...fields } = data;
        const checkIn: CheckIn = {
          ...fields,
          answerPreference: fields.answerPreference ?? person.answerPreference ?? undefined,
          tenantId: a.tenantId,
          id: ctx.newId(),
          authorId: a.personId,
          periodKey,
          visibility: 'private',
          submittedAt: now,
          updatedAt: now,
        };
        // A second check-in for the period is the store's `conflict` (error.conflict.check-in-period): its unique
        // key refuses it, so no read ahead of the write is needed; the transaction then stores nothing.
        await tx.putCheckIn(checkIn);
        const sharing = await applyVisibility(tx, ctx, { kind: 'check-in', record: checkIn }, visibility, true);
        const supportNotifications: Notification[] = [];
        if (checkIn.supportRequested) {
          for (const managerId of await managersOf(tx, a.tenantId, a.personId)) {
            supportNotifications.push(
              await notify(tx, ctx, a.tenantId, {
                kind: 'support-requested',
                recipientId: managerId,
                ownerId: a.personId,
                subjectId: a.personId,
                cause: checkIn.id,
              }),
            );
          }
        }
        return {
          checkIn: { ...checkIn, visibility },
          sharing,
          supportContacts: checkIn.supportRequested ? ctx.supportContacts : [],
          supportNotifications,
        };
      });
    },

    /** Changes the answers of a check-in the rep already submitted. */
    editCheckIn(actor: unknown, input: unknown): Promise<{ checkIn: CheckIn }> {
      return inTransaction(ctx, actor, async (tx, a) => {
        const { checkInId, changes } = parseInput(editCheckInInput, input);
        const item = await loadOwnItem(tx, a, 'check-in', checkInId);
        const checkIn = parseInput(checkInSchema, { ...item.record, ...changes, updatedAt: ctx.now() });
        await tx.putCheckIn(checkIn);
        return { checkIn };
      });
    },

    /** Shares an item (manager, team, team-anonymous), shares it again, or withdraws it (private). */
    setVisibility(actor: unknown, input: unknown): Promise<SharingResult> {
      return idempotentTransaction(ctx, actor, 'setVisibility', input, async (tx, a, input) => {
        const data = parseInput(setVisibilityInput, input);
        const item = await loadOwnItem(tx, a, data.itemKind, data.itemId);
        // An item that cannot be read is not shared any further; withdrawing it always works.
        if (data.visibility !== 'private' && !readableItem(item)) throw unreadable(data.itemKind);
        return applyVisibility(tx, ctx, item, data.visibility);
      });
    },
  };
}
