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
import {
  type DetectedSituation,
  PROMPT_SITUATIONS,
  type PromptIntent,
  type PromptSituation,
  WANTED_INTENTS,
} from './situations';
import { mixUnit, stableHash } from './stable-hash';

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
 * prompts; variety comes from rotating by the person and the day, and from the cool-downs, which need what
 * was asked before (`recentlyAsked`; `rebound.promptsFor` keeps it). Prompts in `repeat` (already asked for
 * this same request) come back first wherever they still fit.
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
  const situations = detectSituations(ctx, today, todayNumber);
  let detected = 0;
  for (const s of situations) detected |= SITUATION_BIT[s.id];

  const coolingDown = lastAskedDaysAgo(ctx, todayNumber);
  // Earlier ones first, so that a request shown again keeps its questions' order too.
  const repeat = new Map(ctx.repeat.map((id, i) => [id, REPEAT_RANK + ctx.repeat.length - i]));
  const triggerLog = ctx.trigger.kind === 'log' ? ctx.trigger.log : undefined;
  const person = ctx.personId ?? triggerLog?.authorId ?? ctx.recentLogs[0]?.authorId ?? ctx.recentCheckIns[0]?.authorId;
  // Rotation key: the same person on the same day (and for the same log) sees the same prompts.
  const seedHash = stableHash(`${person ?? ''}|${today}|${triggerLog?.id ?? ''}`);

  // The prompts that fit a situation found, are not avoided in any of them and are not cooling down,
  // best ranked first (ties, which practically never happen, by id: the order never depends on the catalog's).
  const candidates: Candidate[] = [];
  for (const entry of indexOf(catalog)) {
    if ((entry.fits & detected) === 0 || (entry.avoid & detected) !== 0) continue;
    const daysAgo = coolingDown.get(entry.prompt.id);
    const again = repeat.get(entry.prompt.id);
    if (again === undefined && daysAgo !== undefined && daysAgo < entry.prompt.cooldownDays) continue;
    candidates.push({ entry, rank: (again ?? 0) + rankOf(entry, seedHash, daysAgo), taken: false });
  }
  candidates.sort(byRank);

  const chosen: SelectedPrompt[] = [];
  // In a run of rejections every question is about the rep, none about work still to do.
  const specific = situations.filter((s) => s.id !== 'default');
  if (specific[0]?.id === 'rejection-streak') specific.length = 1;
  const fallback = situations.find((s) => s.id === 'default')!;
  const [primary, ...others] = specific;
  if (primary) {
    for (const intent of WANTED_INTENTS[primary.id].slice(0, Math.min(2, count))) {
      if (!pick(candidates, chosen, primary, [intent])) pick(candidates, chosen, primary, null);
    }
  }
  for (const s of others) {
    if (chosen.length >= count) break;
    if (!pick(candidates, chosen, s, unusedIntents(s, chosen))) pick(candidates, chosen, s, null);
  }
  // Places still free: more for the situations found, then prompts that fit any day.
  for (let round = 0; chosen.length < count && round < count; round++) {
    let added = false;
    for (const s of specific) {
      if (chosen.length >= count) break;
      added = pick(candidates, chosen, s, unusedIntents(s, chosen)) || pick(candidates, chosen, s, null) || added;
    }
    if (!added) break;
  }
  const onlyCare = specific[0]?.id === 'rejection-streak';
  while (
    !onlyCare &&
    chosen.length < count &&
    (pick(candidates, chosen, fallback, unusedIntents(fallback, chosen)) || pick(candidates, chosen, fallback, null))
  ) {
    // keep filling from the everyday prompts
  }
  return { prompts: chosen.slice(0, count), situations };
}

/** One bit per situation, so that "fits one of the situations found" is a single `&`. */
const SITUATION_BIT = Object.fromEntries(PROMPT_SITUATIONS.map((s, i) => [s, 1 << i])) as Record<
  PromptSituation,
  number
>;
const maskOf = (situations: readonly PromptSituation[]) => situations.reduce((m, s) => m | SITUATION_BIT[s], 0);

/** What selection needs of a catalog prompt, worked out once per catalog (catalogs are frozen). */
interface IndexedPrompt {
  prompt: ReflectionPrompt;
  /** Situations it is a candidate in: its own, and `default` when it fits any day. */
  fits: number;
  /** Situations it is chosen for (`default` only through `always`). */
  situations: number;
  avoid: number;
  idHash: number;
  /** `1 / weight`: the exponent of the weighted rotation. */
  exponent: number;
}

interface Candidate {
  entry: IndexedPrompt;
  rank: number;
  taken: boolean;
}

const indexes = new WeakMap<PromptCatalog, readonly IndexedPrompt[]>();
function indexOf(catalog: PromptCatalog): readonly IndexedPrompt[] {
  let index = indexes.get(catalog);
  if (!index) {
    index = catalog.prompts.map((p) => {
      const situations = maskOf(p.conditions.situations);
      return {
        prompt: p,
        fits: p.conditions.always ? situations | SITUATION_BIT.default : situations,
        situations,
        avoid: maskOf(p.conditions.avoid),
        idHash: stableHash(p.id),
        exponent: 1 / (p.weight ?? 1),
      };
    });
    indexes.set(catalog, index);
  }
  return index;
}

function byRank(a: Candidate, b: Candidate): number {
  return b.rank - a.rank || (a.entry.prompt.id < b.entry.prompt.id ? -1 : 1);
}

/** Takes the best-ranked free candidate that fits `s` (and one of `intents`, unless null). */
function pick(
  candidates: Candidate[],
  chosen: SelectedPrompt[],
  s: DetectedSituation,
  intents: readonly PromptIntent[] | null,
): boolean {
  const isDefault = s.id === 'default';
  const bit = SITUATION_BIT[s.id];
  for (const c of candidates) {
    if (c.taken) continue;
    const p = c.entry.prompt;
    const fitsSituation = isDefault ? p.conditions.always : (c.entry.situations & bit) !== 0;
    if (!fitsSituation || (intents !== null && !intents.includes(p.intent))) continue;
    c.taken = true;
    chosen.push({ prompt: p, reason: s.reason, situation: s.id });
    return true;
  }
  return false;
}

/** The intents `s` asks for that none of the prompts chosen so far has. */
function unusedIntents(s: DetectedSituation, chosen: readonly SelectedPrompt[]): PromptIntent[] {
  return WANTED_INTENTS[s.id].filter((intent) => !chosen.some((c) => c.prompt.intent === intent));
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

/** Above any other rank (`rankOf` stays below 2): the same request's prompts come back first, in their order. */
const REPEAT_RANK = 2;

/**
 * Order among prompts that fit equally: prompts not asked within twice their cool-down first, then a
 * weighted rotation by a stable hash of the person, the day and the prompt (Efraimidis-Spirakis keys).
 */
function rankOf(entry: IndexedPrompt, seedHash: number, daysAgo: number | undefined): number {
  const fresh = daysAgo === undefined || daysAgo >= entry.prompt.cooldownDays * 2 ? 1 : 0;
  const u = Math.max(mixUnit(seedHash, entry.idHash), Number.EPSILON);
  return fresh + u ** entry.exponent;
}
