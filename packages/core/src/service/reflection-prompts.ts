import { z } from 'zod';
import { localDateOf } from '../calendar/calendar';
import { parseInput } from '../errors';
import { periodKeySchema } from '../records/check-in';
import { type AskedPromptRecord, MAX_ASKED_PROMPTS, type Person } from '../records/person';
import { idSchema } from '../records/primitives';
import { readableCheckIn, readableLog, sortReadable } from '../records/readable';
import { defaultPromptCatalog } from '../rules/prompts/default-prompts';
import type { PromptCatalog } from '../rules/prompts/prompt-schema';
import { type PromptSelection, selectPrompts } from '../rules/prompts/select-prompts';
import { notFound, reading, requirePerson, type ServiceContext } from './context';

const DAY = 86_400_000;
const daysBefore = (now: string, days: number) => new Date(Date.parse(now) - days * DAY).toISOString();

const promptsInput = z
  .strictObject({
    trigger: z.discriminatedUnion('kind', [
      z.strictObject({
        kind: z.literal('check-in'),
        /** The period the check-in asks about (a scheduled one's); defaults to the rep's date today. */
        periodKey: periodKeySchema.optional(),
      }),
      z.strictObject({ kind: z.literal('log'), logId: idSchema }),
    ]),
    count: z.number().int().min(1).max(3).optional(),
  })
  .default({ trigger: { kind: 'check-in' } });

/**
 * How long a showing is kept: twice the longest cool-down of the catalog (selection prefers prompts not asked
 * within twice their cool-down), at most two years.
 */
const retentionDays = new WeakMap<PromptCatalog, number>();
function keepDaysOf(catalog: PromptCatalog): number {
  let days = retentionDays.get(catalog);
  if (days === undefined) {
    days = Math.min(730, 2 * Math.max(1, ...catalog.prompts.map((p) => p.cooldownDays)));
    retentionDays.set(catalog, days);
  }
  return days;
}

/**
 * The person's prompt history after showing `shown` for `askedFor` at `now`: one entry per prompt (its latest
 * showing), nothing older than the catalog needs, at most `MAX_ASKED_PROMPTS`, oldest first.
 */
export function withShown(
  history: readonly AskedPromptRecord[],
  shown: readonly string[],
  askedFor: string,
  now: string,
  keepDays: number,
): AskedPromptRecord[] {
  const since = daysBefore(now, keepDays);
  const again = new Set(shown);
  const kept = history.filter((a) => a.askedAt >= since && !again.has(a.promptId));
  const added = shown.map((promptId) => ({ promptId, askedAt: now, askedFor }));
  return [...kept, ...added].slice(-MAX_ASKED_PROMPTS);
}

export function promptUseCases(ctx: ServiceContext, catalogs: { prompts?: PromptCatalog }) {
  return {
    /**
     * Reflection prompts for the acting rep now: 2-3 for a check-in, or 1 right after logging a rejection. Every
     * prompt shown is recorded on the person, answered or not, so the next selection keeps cool-downs and
     * rotates; the same request (the same check-in period, the same log) shown again asks the same questions.
     */
    promptsFor(actor: unknown, input?: unknown): Promise<PromptSelection> {
      // Read and choose outside a transaction; only recording what was shown takes the write lock, briefly.
      return reading(ctx, actor, async (store, a) => {
        const data = parseInput(promptsInput, input);
        const person = await requirePerson(store, a);
        const now = ctx.now();
        const log = data.trigger.kind === 'log' ? await store.getLog(a.tenantId, data.trigger.logId) : null;
        if (data.trigger.kind === 'log' && (!log || log.authorId !== a.personId)) throw notFound('log');
        const askedFor = log
          ? `log:${log.id}`
          : `check-in:${(data.trigger.kind === 'check-in' && data.trigger.periodKey) || localDateOf(now, person.timeZone)}`;
        const history = person.askedPrompts ?? [];
        const [membership] = await store.listMemberships(a.tenantId, { personId: a.personId });
        const team = membership ? await store.getTeam(a.tenantId, membership.teamId) : null;
        const catalog = catalogs.prompts ?? defaultPromptCatalog;
        const selection = selectPrompts({
          now,
          timeZone: person.timeZone,
          fiscalYearStartMonth: team?.fiscalYearStartMonth ?? 4,
          personId: a.personId,
          // A stored record that cannot be read is left out of the rules' view, never the prompts' end.
          recentLogs: sortReadable(
            await store.listLogs(a.tenantId, { authorId: a.personId, from: daysBefore(now, 30), limit: 1000 }),
            readableLog,
          ).ok,
          recentCheckIns: sortReadable(
            await store.listCheckIns(a.tenantId, { authorId: a.personId, from: daysBefore(now, 60), limit: 500 }),
            readableCheckIn,
          ).ok,
          recentlyAsked: history.map(({ promptId, askedAt }) => ({ promptId, askedAt })),
          repeat: history.filter((h) => h.askedFor === askedFor).map((h) => h.promptId),
          schedule: (await store.getSchedule(a.tenantId, a.personId)) ?? undefined,
          catalog,
          trigger: log ? { kind: 'log', log } : { kind: 'check-in' },
          count: data.count,
        });
        const shown = selection.prompts.map((p) => p.prompt.id);
        if (shown.length > 0) {
          await ctx.store.transaction(async (write) => {
            // The person as stored now: a settings change made meanwhile is kept.
            const current = await write.getPerson(a.tenantId, a.personId);
            if (!current) return;
            const askedPrompts = withShown(current.askedPrompts ?? [], shown, askedFor, now, keepDaysOf(catalog));
            await write.putPerson({ ...current, askedPrompts } satisfies Person);
          });
        }
        return selection;
      });
    },
  };
}
