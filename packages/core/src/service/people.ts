import type { z } from 'zod';
import { parseInput, ReboundError } from '../errors';
import { DEFAULT_PRIVACY, type Person, personSchema } from '../records/person';
import { type Schedule, scheduleSchema } from '../records/share';
import { type ManagerAssignment, type Membership, type Team, teamSchema } from '../records/team';
import type { StoreOps } from '../store/port';
import { asReboundError, inTransaction, notFound, reading, requirePerson, type ServiceContext } from './context';
import { checkDates, type PersonCalendar, personCalendar } from './date-rules';
import { idempotentTransaction } from './idempotency';
import {
  answerManagerRequestInput,
  candidatesInput,
  orgChartSchema,
  pauseInput,
  registerPersonInput,
  requestManagerInput,
  settingsInput,
} from './inputs';
import { type Notification, notify } from './notifications';

export const DEFAULT_TIME_ZONE = 'Asia/Tokyo';

export function defaultSchedule(tenantId: string, personId: string, now: string): Schedule {
  return {
    tenantId,
    personId,
    enabled: false,
    cadence: 'daily',
    checkInDays: [1, 2, 3, 4, 5],
    checkInTime: '17:30',
    quietHours: null,
    snoozeUntil: null,
    outOfOffice: [],
    skipDates: [],
    reminderAfterHours: null,
    updatedAt: now,
  };
}

async function scheduleOf(store: StoreOps, tenantId: string, personId: string, now: string): Promise<Schedule> {
  return (await store.getSchedule(tenantId, personId)) ?? defaultSchedule(tenantId, personId, now);
}

/** Dates a schedule change plans with (a pause, away dates, skip dates) lie within the planning horizon. */
function checkScheduleDates(calendar: PersonCalendar, patch: NonNullable<z.output<typeof settingsInput>['schedule']>) {
  const latest = calendar.horizon;
  checkDates([
    { path: 'schedule.snoozeUntil', date: patch.snoozeUntil && calendar.dateOf(patch.snoozeUntil), latest },
    ...(patch.outOfOffice ?? []).flatMap((range, i) => [
      { path: `schedule.outOfOffice.${i}.from`, date: range.from, latest },
      { path: `schedule.outOfOffice.${i}.to`, date: range.to, latest },
    ]),
    ...(patch.skipDates ?? []).map((date, i) => ({ path: `schedule.skipDates.${i}`, date, latest })),
  ]);
}

export function peopleUseCases(ctx: ServiceContext) {
  return {
    /**
     * Makes sure the acting person exists (first contact), and keeps their display name and client locale
     * current. Returns whether they were new, so a host can greet them.
     */
    async registerPerson(actor: unknown, input: unknown): Promise<{ person: Person; created: boolean }> {
      // Hosts call this on every message: a known person whose name and locale did not change costs one read,
      // not a write transaction.
      const known = await reading(ctx, actor, async (store, a) => {
        const data = parseInput(registerPersonInput, input);
        const existing = await store.getPerson(a.tenantId, a.personId);
        const unchanged =
          existing?.displayName === data.displayName &&
          existing.clientLocale === (data.clientLocale ?? existing.clientLocale);
        return unchanged ? existing : null;
      });
      if (known) return { person: known, created: false };
      return inTransaction(ctx, actor, async (tx, a) => {
        const data = parseInput(registerPersonInput, input);
        const existing = await tx.getPerson(a.tenantId, a.personId);
        const now = ctx.now();
        if (existing) {
          const clientLocale = data.clientLocale ?? existing.clientLocale;
          if (existing.displayName === data.displayName && existing.clientLocale === clientLocale) {
            return { person: existing, created: false };
          }
          const person = { ...existing, displayName: data.displayName, clientLocale, updatedAt: now };
          await tx.putPerson(person);
          return { person, created: false };
        }
        const person = parseInput(personSchema, {
          tenantId: a.tenantId,
          id: a.personId,
          displayName: data.displayName,
          timeZone: data.timeZone ?? DEFAULT_TIME_ZONE,
          language: null,
          clientLocale: data.clientLocale ?? null,
          privacy: { ...DEFAULT_PRIVACY },
          answerPreference: null,
          createdAt: now,
          updatedAt: now,
        });
        await tx.putPerson(person);
        return { person, created: true };
      });
    },

    /** The person's settings and check-in schedule, with defaults where nothing was chosen yet. */
    getSettings(actor: unknown): Promise<{ person: Person; schedule: Schedule }> {
      return inTransaction(ctx, actor, async (tx, a) => {
        const person = await requirePerson(tx, a);
        return { person, schedule: await scheduleOf(tx, a.tenantId, a.personId, ctx.now()) };
      });
    },

    /** Changes any of the person's settings and schedule; only the given fields change. */
    updateSettings(actor: unknown, input: unknown): Promise<{ person: Person; schedule: Schedule }> {
      return inTransaction(ctx, actor, async (tx, a) => {
        const data = parseInput(settingsInput, input);
        const person = await requirePerson(tx, a);
        const now = ctx.now();
        const { privacy, schedule: schedulePatch, ...personPatch } = data;
        const updated = parseInput(personSchema, {
          ...person,
          ...personPatch,
          privacy: { ...person.privacy, ...privacy },
          updatedAt: now,
        });
        if (schedulePatch) checkScheduleDates(personCalendar(now, updated.timeZone), schedulePatch);
        const current = await scheduleOf(tx, a.tenantId, a.personId, now);
        const schedule = parseInput(scheduleSchema, { ...current, ...schedulePatch, updatedAt: now });
        await tx.putPerson(updated);
        if (schedulePatch) await tx.putSchedule(schedule);
        return { person: updated, schedule };
      });
    },

    /**
     * Pauses scheduled check-ins for `days` days from now ("not today"), or resumes them (`days: 0`). Nothing
     * else in the schedule changes.
     */
    pauseCheckIns(actor: unknown, input: unknown): Promise<{ schedule: Schedule }> {
      return inTransaction(ctx, actor, async (tx, a) => {
        const { days } = parseInput(pauseInput, input);
        await requirePerson(tx, a);
        const now = ctx.now();
        const current = await scheduleOf(tx, a.tenantId, a.personId, now);
        const snoozeUntil = days === 0 ? null : new Date(Date.parse(now) + days * 86_400_000).toISOString();
        const schedule: Schedule = { ...current, snoozeUntil, updatedAt: now };
        await tx.putSchedule(schedule);
        return { schedule };
      });
    },

    /**
     * Whom the acting rep can name as their manager: people in the tenant's teams who use Rebound, except the rep
     * and anyone they already asked or have. Sorted by name; at most `limit`.
     */
    managerCandidates(actor: unknown, input?: unknown): Promise<{ id: string; displayName: string }[]> {
      return reading(ctx, actor, async (store, a) => {
        const { limit } = parseInput(candidatesInput, input);
        const taken = new Set(
          (await store.listAssignments(a.tenantId, { repId: a.personId }))
            .filter((x) => x.status === 'pending' || x.status === 'accepted')
            .map((x) => x.managerId),
        );
        taken.add(a.personId);
        const ids = new Set<string>();
        for (const team of await store.listTeams(a.tenantId)) {
          for (const m of await store.listMemberships(a.tenantId, { teamId: team.id })) {
            if (!taken.has(m.personId)) ids.add(m.personId);
          }
        }
        const people = await Promise.all([...ids].map((id) => store.getPerson(a.tenantId, id)));
        return people
          .flatMap((p) => (p ? [{ id: p.id, displayName: p.displayName }] : []))
          .sort((x, y) => x.displayName.localeCompare(y.displayName))
          .slice(0, limit);
      });
    },

    /** A rep names a manager; the manager is asked to accept. */
    requestManager(
      actor: unknown,
      input: unknown,
    ): Promise<{ assignment: ManagerAssignment; notification: Notification }> {
      return idempotentTransaction(ctx, actor, 'requestManager', input, async (tx, a, input) => {
        const { managerId } = parseInput(requestManagerInput, input);
        await requirePerson(tx, a);
        if (managerId === a.personId) throw new ReboundError('conflict', 'error.conflict.self-manager');
        // Only someone of this tenant who uses Rebound can be asked (the form offers no one else).
        if (!(await tx.getPerson(a.tenantId, managerId))) {
          throw new ReboundError('validation', 'error.validation', {
            fields: [{ path: 'managerId', messageKey: 'validation.not-a-person', params: {} }],
          });
        }
        const open = await tx.listAssignments(a.tenantId, { repId: a.personId, managerId });
        if (open.some((x) => x.status === 'pending' || x.status === 'accepted')) {
          throw new ReboundError('conflict', 'error.conflict.assignment');
        }
        const assignment: ManagerAssignment = {
          tenantId: a.tenantId,
          id: ctx.newId(),
          repId: a.personId,
          managerId,
          status: 'pending',
          requestedAt: ctx.now(),
          decidedAt: null,
        };
        await tx.putAssignment(assignment);
        const notification = await notify(tx, ctx, a.tenantId, {
          kind: 'manager-request',
          recipientId: managerId,
          subjectId: assignment.id,
          cause: assignment.id,
        });
        return { assignment, notification };
      });
    },

    /** The named manager accepts or declines. Only they can. */
    answerManagerRequest(actor: unknown, input: unknown): Promise<{ assignment: ManagerAssignment }> {
      return idempotentTransaction(ctx, actor, 'answerManagerRequest', input, async (tx, a, input) => {
        const { assignmentId, accept } = parseInput(answerManagerRequestInput, input);
        const assignment = await tx.getAssignment(a.tenantId, assignmentId);
        if (!assignment || (assignment.managerId !== a.personId && assignment.repId !== a.personId)) {
          throw notFound('assignment');
        }
        if (assignment.managerId !== a.personId) {
          throw new ReboundError('forbidden', 'error.forbidden', { params: { who: 'requested-manager' } });
        }
        if (assignment.status !== 'pending') throw new ReboundError('conflict', 'error.conflict.assignment');
        const decided: ManagerAssignment = {
          ...assignment,
          status: accept ? 'accepted' : 'declined',
          decidedAt: ctx.now(),
        };
        await tx.putAssignment(decided);
        return { assignment: decided };
      });
    },
  };
}

/**
 * Loads an org chart (`REBOUND_ORG_FILE`): creates or updates its teams and makes their org-chart memberships
 * exactly what the file says. Memberships from other sources (assignments, the roster) are kept.
 */
export async function syncOrgChart(ctx: ServiceContext, tenantId: unknown, chart: unknown): Promise<{ teams: Team[] }> {
  const tenant = parseInput(personSchema.shape.tenantId, tenantId);
  const org = parseInput(orgChartSchema, chart);
  try {
    return await ctx.store.transaction(async (tx) => {
      const now = ctx.now();
      const teams: Team[] = [];
      for (const t of org.teams) {
        const existing = await tx.getTeam(tenant, t.id);
        const team = parseInput(teamSchema, {
          ...(existing ?? { tenantId: tenant, id: t.id, timeZone: DEFAULT_TIME_ZONE, createdAt: now }),
          name: t.name,
          ...(t.teamsTeamId !== undefined && { teamsTeamId: t.teamsTeamId }),
          ...(t.timeZone !== undefined && { timeZone: t.timeZone }),
          ...(t.fiscalYearStartMonth !== undefined && { fiscalYearStartMonth: t.fiscalYearStartMonth }),
          ...(t.digestDay !== undefined && { digestDay: t.digestDay }),
          ...(t.digestTime !== undefined && { digestTime: t.digestTime }),
          updatedAt: now,
        });
        await tx.putTeam(team);
        teams.push(team);
        const wanted = new Map<string, Membership['role']>();
        for (const id of t.reps) wanted.set(id, 'rep');
        for (const id of t.managers) wanted.set(id, 'manager');
        const current = new Map((await tx.listMemberships(tenant, { teamId: t.id })).map((m) => [m.personId, m]));
        for (const m of current.values()) {
          if (m.source === 'org-chart' && !wanted.has(m.personId)) await tx.deleteMembership(tenant, t.id, m.personId);
        }
        for (const [personId, role] of wanted) {
          const had = current.get(personId);
          if (had?.role === role && had.source === 'org-chart') continue;
          await tx.putMembership({ tenantId: tenant, teamId: t.id, personId, role, source: 'org-chart', since: now });
        }
      }
      return { teams };
    });
  } catch (error) {
    throw asReboundError(error);
  }
}
