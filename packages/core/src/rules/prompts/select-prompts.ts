import { dateOfDayNumber, localDayNumber } from '../../calendar/local-days';
import { parseInput } from '../../errors';
import type { Localized } from '../../i18n/catalog';
import { defaultPromptCatalog } from './default-prompts';
import { detectSituations } from './detect-situations';
import type { PromptCatalog, ReflectionPrompt } from './prompt-schema';
import {
  type ParsedSelectionContext,
  type PromptSelectionContext,
  promptSelectionContextSchema,
} from './selection-context';
import { type DetectedSituation, type PromptIntent, type PromptSituation, WANTED_INTENTS } from './situations';
import { idHash, mixUnit, stableHash } from './stable-hash';

export interface SelectedPrompt {
  prompt: ReflectionPrompt;
  /** Why this prompt, now: the reason of the situation it was chosen for. */
  reason: Localized;
  situation: PromptSituation;
}

export interface PromptSelection {
  prompts: SelectedPrompt[];
  /** Everything that was recognised, most important first (always ending with `default`). */
  situations: DetectedSituation[];
}

/**
 * Chooses the reflection prompts for a rep from their recent logs, check-ins, schedule and the team's
 * fiscal calendar, and says why each was chosen. Pure and deterministic: the same context gives the same
 * prompts; variety comes from rotating by the person and the day, and from the cool-downs.
 *
 * The most important situation gets up to two prompts (one per intent it asks for, e.g. permission and
 * self-compassion in a run of rejections); each further situation gets one; prompts that fit any day fill
 * what is left. A prompt is never asked again within its cool-down, and never in a situation it avoids.
 * In a run of rejections all prompts come from that situation (permission and self-compassion only).
 * Fewer than `count` prompts come back only when the catalog has nothing fitting left to ask.
 *
 * @throws ReboundError `validation` when the context is not valid.
 */
export function selectPrompts(context: PromptSelectionContext): PromptSelection {
  return selectFromParsed(parseInput(promptSelectionContextSchema, context));
}

/** The rules of `selectPrompts` on a context that has already been parsed (benchmarks; not exported). */
export function selectFromParsed(ctx: ParsedSelectionContext): PromptSelection {
  const catalog = ctx.catalog ?? defaultPromptCatalog;
  const todayNumber = localDayNumber(ctx.now, ctx.timeZone);
  const today = dateOfDayNumber(todayNumber);
  const count = ctx.count ?? (ctx.trigger.kind === 'log' ? 1 : 2);
  const situations = detectSituations(ctx, today);
  const detected = new Set(situations.map((s) => s.id));

  const coolingDown = lastAskedDaysAgo(ctx, todayNumber);
  const triggerLog = ctx.trigger.kind === 'log' ? ctx.trigger.log : undefined;
  const person = ctx.personId ?? triggerLog?.authorId ?? ctx.recentLogs[0]?.authorId ?? ctx.recentCheckIns[0]?.authorId;
  // Rotation key: the same person on the same day (and for the same log) sees the same prompts.
  const seed = `${person ?? ''}|${today}|${triggerLog?.id ?? ''}`;

  const seedHash = stableHash(seed);
  const candidates = promptsFor(catalog, situations)
    .filter((p) => {
      const daysAgo = coolingDown.get(p.id);
      if (daysAgo !== undefined && daysAgo < p.cooldownDays) return false;
      return !p.conditions.avoid.some((s) => detected.has(s));
    })
    .map((p) => ({ prompt: p, rank: rankOf(p, seedHash, coolingDown.get(p.id)) }))
    .sort((a, b) => b.rank - a.rank || (a.prompt.id < b.prompt.id ? -1 : 1));

  const chosen: SelectedPrompt[] = [];
  const taken = new Array<boolean>(candidates.length).fill(false);
  const pick = (s: DetectedSituation, intents: readonly PromptIntent[] | null): boolean => {
    for (let i = 0; i < candidates.length; i++) {
      if (taken[i]) continue;
      const p = candidates[i]!.prompt;
      const fitsSituation = s.id === 'default' ? p.conditions.always : p.conditions.situations.includes(s.id);
      if (!fitsSituation || (intents !== null && !intents.includes(p.intent))) continue;
      taken[i] = true;
      chosen.push({ prompt: p, reason: s.reason, situation: s.id });
      return true;
    }
    return false;
  };
  const unusedIntents = (s: DetectedSituation) =>
    WANTED_INTENTS[s.id].filter((intent) => !chosen.some((c) => c.prompt.intent === intent));

  // In a run of rejections every question is about the rep, none about work still to do.
  const specific = situations.filter((s) => s.id !== 'default');
  if (specific[0]?.id === 'rejection-streak') specific.length = 1;
  const fallback = situations.find((s) => s.id === 'default')!;
  const [primary, ...others] = specific;
  if (primary) {
    for (const intent of WANTED_INTENTS[primary.id].slice(0, Math.min(2, count))) {
      if (!pick(primary, [intent])) pick(primary, null);
    }
  }
  for (const s of others) {
    if (chosen.length >= count) break;
    if (!pick(s, unusedIntents(s))) pick(s, null);
  }
  // Places still free: more for the situations found, then prompts that fit any day.
  for (let round = 0; chosen.length < count && round < count; round++) {
    let added = false;
    for (const s of specific) {
      if (chosen.length >= count) break;
      added = pick(s, unusedIntents(s)) || pick(s, null) || added;
    }
    if (!added) break;
  }
  const onlyCare = specific[0]?.id === 'rejection-streak';
  while (!onlyCare && chosen.length < count && (pick(fallback, unusedIntents(fallback)) || pick(fallback, null))) {
    // keep filling from the everyday prompts
  }
  return { prompts: chosen.slice(0, count), situations };
}

const bySituation = new WeakMap<PromptCatalog, Map<PromptSituation, ReflectionPrompt[]>>();
/** The catalog's prompts that fit at least one of `situations` (`always` ones fit `default`). */
function promptsFor(catalog: PromptCatalog, situations: readonly DetectedSituation[]): ReflectionPrompt[] {
  let index = bySituation.get(catalog);
  if (!index) {
    index = new Map();
    for (const p of catalog.prompts) {
      const fits: PromptSituation[] = p.conditions.always
        ? ['default', ...p.conditions.situations]
        : p.conditions.situations;
      for (const s of fits) index.set(s, [...(index.get(s) ?? []), p]);
    }
    bySituation.set(catalog, index);
  }
  const found = new Set<ReflectionPrompt>();
  for (const s of situations) for (const p of index.get(s.id) ?? []) found.add(p);
  return [...found];
}

/** Days since each prompt was last put to the rep, from `recentlyAsked` and the check-ins' answers. */
function lastAskedDaysAgo(
  ctx: {
    timeZone: string;
    recentlyAsked: { promptId: string; askedAt: string }[];
    recentCheckIns: { submittedAt: string; answers: { promptId: string }[] }[];
  },
  today: number,
): Map<string, number> {
  const result = new Map<string, number>();
  const note = (promptId: string, askedAt: string) => {
    // A date in the future (skewed clock) counts as today: still cooling down.
    const daysAgo = Math.max(0, today - localDayNumber(askedAt, ctx.timeZone));
    const known = result.get(promptId);
    if (known === undefined || daysAgo < known) result.set(promptId, daysAgo);
  };
  for (const a of ctx.recentlyAsked) note(a.promptId, a.askedAt);
  for (const c of ctx.recentCheckIns) {
    for (const answer of c.answers) note(answer.promptId, c.submittedAt);
  }
  return result;
}

/**
 * Order among prompts that fit equally: prompts not asked within twice their cool-down first, then a
 * weighted rotation by a stable hash of the person, the day and the prompt (Efraimidis-Spirakis keys).
 */
function rankOf(prompt: ReflectionPrompt, seedHash: number, daysAgo: number | undefined): number {
  const fresh = daysAgo === undefined || daysAgo >= prompt.cooldownDays * 2 ? 1 : 0;
  const u = Math.max(mixUnit(seedHash, idHash(prompt.id)), Number.EPSILON);
  return fresh + u ** (1 / (prompt.weight ?? 1));
}
