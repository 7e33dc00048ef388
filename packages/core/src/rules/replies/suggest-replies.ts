import { z } from 'zod';
import { parseInput } from '../../errors';
import { fill, type Localized } from '../../i18n/catalog';
import { type CheckIn, checkInSchema } from '../../records/check-in';
import { type AnswerPreference, answerPreferenceSchema } from '../../records/enums';
import { LIMITS } from '../../records/person';
import { localeSchema, text } from '../../records/primitives';
import { type RejectionLog, rejectionLogSchema } from '../../records/rejection-log';
import { idHash, mixUnit, stableHash } from '../prompts/stable-hash';
import { defaultReplyCatalog } from './default-templates';
import { replyReasons } from './reply-reasons';
import { REPLY_SITUATION_INFO, type ReplySituation } from './reply-situations';
import { isReplyCatalog, placeholdersOf, type ReplyCatalog, type ReplyTemplate } from './reply-template-schema';

export const replyItemSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('log'),
    log: rejectionLogSchema,
    /** How many rejection logs the rep has written, this one included (1 = their first). */
    authorLogCount: z.number().int().min(0).max(10_000_000).optional(),
    /** The rep's other recent logs, to recognise a run of rejections. */
    recentLogs: z.array(rejectionLogSchema).max(1000).optional(),
  }),
  z.strictObject({
    kind: z.literal('check-in'),
    checkIn: checkInSchema,
    /** The rep's earlier check-ins, to recognise a very strong period before this one. */
    previousCheckIns: z.array(checkInSchema).max(500).optional(),
  }),
]);
export type ReplyItem = z.input<typeof replyItemSchema>;

export const suggestRepliesOptionsSchema = z.strictObject({
  /** The language of the filled texts (the manager's). Reasons come in both. */
  locale: localeSchema,
  repName: text(LIMITS.displayName),
  managerName: text(LIMITS.displayName).optional(),
  /**
   * How the rep usually wants to be answered (their standing setting). The choice made on the item itself (a
   * check-in's or a log's `answerPreference`) wins: this is used only for an item without one.
   */
  answerPreference: answerPreferenceSchema.optional(),
  /** The template this manager last used with this rep: it is not suggested again. */
  lastTemplateId: z.string().max(100).optional(),
  catalog: z.custom<ReplyCatalog>(isReplyCatalog, { message: 'catalog' }).optional(),
});
export type SuggestRepliesOptions = z.input<typeof suggestRepliesOptionsSchema>;

export interface ReplySuggestion {
  templateId: string;
  /** The template filled in `locale`. User-written values (names, customer) are inserted as they are. */
  text: string;
  /** Why it is suggested, for the manager, in both languages. */
  reason: Localized;
  /** The situations of this item the template answers, most important first. */
  situations: ReplySituation[];
}

/** Tunables of the detectors, named so that tests and documentation speak of the same numbers. */
export const REPLY_RULES = {
  streakLogs: 3,
  streakWindowHours: 48,
  longStreakLogs: 5,
  longStreakWindowDays: 7,
  highPressureAtLeast: 4,
  lowEnergyAtMost: 2,
  offTrackAtMost: 2,
  strongPeriodRating: 5,
  hardFeelings: ['disappointed', 'frustrated', 'anxious', 'tired'],
} as const;

const SUGGESTIONS = 3;
const HOUR = 3_600_000;

/** The situations of a shared item, most important first. */
export function replySituationsOf(item: z.output<typeof replyItemSchema>): ReplySituation[] {
  const found = item.kind === 'log' ? logSituations(item) : checkInSituations(item.checkIn, item.previousCheckIns);
  return found.sort((a, b) => REPLY_SITUATION_INFO[b].weight - REPLY_SITUATION_INFO[a].weight);
}

function logSituations(item: { log: RejectionLog; authorLogCount?: number; recentLogs?: RejectionLog[] }) {
  const { log } = item;
  const found: ReplySituation[] = ['log-shared'];
  if (log.askedWhy) found.push('asked-why');
  if (log.discovery) found.push('discovery-made');
  if (log.nextStep && log.nextStep.kind !== 'none') found.push('next-step-planned');
  if (log.feeling && (REPLY_RULES.hardFeelings as readonly string[]).includes(log.feeling)) found.push('feeling-hard');
  if (log.visibility === 'team' || log.visibility === 'team-anonymous') found.push('shared-with-team');
  if (item.authorLogCount !== undefined && item.authorLogCount <= 1) found.push('first-log');

  // A run of rejections up to and including this one, by the same rep.
  const at = Date.parse(log.occurredAt);
  const before = new Map<string, number>([[log.id, at]]);
  for (const other of item.recentLogs ?? []) {
    const t = Date.parse(other.occurredAt);
    if (other.authorId === log.authorId && t <= at) before.set(other.id, t);
  }
  const within = (hours: number) => [...before.values()].filter((t) => at - t < hours * HOUR).length;
  if (
    within(REPLY_RULES.streakWindowHours) >= REPLY_RULES.streakLogs ||
    within(REPLY_RULES.longStreakWindowDays * 24) >= REPLY_RULES.longStreakLogs
  ) {
    found.push('rejection-streak');
  }
  return found;
}

function checkInSituations(checkIn: CheckIn, previous: CheckIn[] = []) {
  const found: ReplySituation[] = ['check-in-shared'];
  if (checkIn.supportRequested) found.push('support-requested');
  if (checkIn.permissionToNotSell) found.push('permission-to-not-sell');
  if (checkIn.pressure >= REPLY_RULES.highPressureAtLeast) found.push('high-pressure');
  if (checkIn.energy <= REPLY_RULES.lowEnergyAtMost) found.push('low-energy');
  if (checkIn.visibility === 'team' || checkIn.visibility === 'team-anonymous') found.push('shared-with-team');
  if (checkIn.answers.some((a) => typeof a.answer === 'string') || checkIn.note) found.push('reflection-shared');
  if ((checkIn.onTrack ?? 5) <= REPLY_RULES.offTrackAtMost) {
    const strongBefore = [checkIn, ...previous].some(
      (c) => c.lastPeriodRating === REPLY_RULES.strongPeriodRating && c.submittedAt <= checkIn.submittedAt,
    );
    if (strongBefore) found.push('strong-then-off-track');
  }
  return found;
}

/**
 * Suggests exactly 3 replies to a shared log or check-in, ranked for its situations and the rep's preferred
 * way of being answered, filled in the manager's language, each with its reason.
 *
 * Rules: a template is suggested only when one of its situations applies and none it avoids does; "just
 * listen" gets only templates without advice (each template says which preferences it suits); the last
 * template used with this rep is left out; a template needing `{managerName}` is used only when it is given.
 * Ranking takes the weight of the heaviest situation a template answers plus a quarter of the others', with
 * less weight for a situation already answered by a higher suggestion, so the three cover different sides.
 *
 * @throws ReboundError `validation` when the item or the options are not valid.
 */
export function suggestReplies(item: ReplyItem, options: SuggestRepliesOptions): ReplySuggestion[] {
  return suggestFromParsed(parseInput(replyItemSchema, item), parseInput(suggestRepliesOptionsSchema, options));
}

/**
 * How the rep wants this item answered: the choice made on the item (this check-in, this log) wins over their
 * standing setting (`fallback`), which counts only for an item without a choice.
 */
export function answerPreferenceOf(
  item:
    | { kind: 'log'; log: Pick<RejectionLog, 'answerPreference'> }
    | { kind: 'check-in'; checkIn: Pick<CheckIn, 'answerPreference'> },
  fallback: AnswerPreference | null | undefined,
): AnswerPreference | undefined {
  return (item.kind === 'log' ? item.log.answerPreference : item.checkIn.answerPreference) ?? fallback ?? undefined;
}

/** The rules of `suggestReplies` on input that has already been parsed (benchmarks; not exported). */
export function suggestFromParsed(
  shared: z.output<typeof replyItemSchema>,
  opts: z.output<typeof suggestRepliesOptionsSchema>,
): ReplySuggestion[] {
  const catalog = opts.catalog ?? defaultReplyCatalog;
  const preference = answerPreferenceOf(shared, opts.answerPreference);
  const situations = replySituationsOf(shared);
  const present = new Set(situations);
  const values: Record<string, string> = { repName: opts.repName };
  if (shared.kind === 'log') values.customer = shared.log.customerLabel;
  if (opts.managerName) values.managerName = opts.managerName;
  const itemHash = stableHash(shared.kind === 'log' ? shared.log.id : shared.checkIn.id);

  const candidates = templatesFor(catalog, situations)
    .filter(
      (t) =>
        t.id !== opts.lastTemplateId &&
        (preference === undefined || t.preferences.includes(preference)) &&
        !t.avoid.some((s) => present.has(s)) &&
        placeholdersNeeded(t).every((p) => Object.hasOwn(values, p)),
    )
    .map((t) => ({
      template: t,
      matched: situations.filter((s) => t.situations.includes(s)),
      // With a preference, templates written for exactly it come first; without one, those that suit anyone.
      fit: preference === undefined ? (t.preferences.length === 3 ? 2 : 0) : t.preferences.length === 1 ? 5 : 0,
      tieBreak: mixUnit(itemHash, idHash(t.id)),
    }));

  const answered = new Map<ReplySituation, number>();
  const tones = new Set<string>();
  const chosen: typeof candidates = [];
  while (chosen.length < SUGGESTIONS && candidates.length > 0) {
    let best = 0;
    let bestScore = -Infinity;
    candidates.forEach((c, i) => {
      // The heaviest situation a template answers leads; the others it answers add a quarter each.
      let heaviest = 0;
      let rest = 0;
      for (const s of c.matched) {
        const w = REPLY_SITUATION_INFO[s].weight / (1 + (answered.get(s) ?? 0));
        if (w > heaviest) {
          rest += heaviest;
          heaviest = w;
        } else {
          rest += w;
        }
      }
      const score = heaviest + rest / 4 + c.fit - (tones.has(c.template.tone) ? 3 : 0) + c.tieBreak;
      if (score > bestScore) {
        bestScore = score;
        best = i;
      }
    });
    const [pick] = candidates.splice(best, 1);
    chosen.push(pick!);
    tones.add(pick!.template.tone);
    for (const s of pick!.matched) answered.set(s, (answered.get(s) ?? 0) + 1);
  }

  const reasons = new Map<ReplySituation, Localized>();
  return chosen.map(({ template, matched }) => {
    const lead = matched[0]!;
    let reason = reasons.get(lead);
    if (!reason) {
      reason = reasonFor(lead, preference, opts.repName);
      reasons.set(lead, reason);
    }
    return { templateId: template.id, text: fill(template.text[opts.locale], values), reason, situations: matched };
  });
}

const bySituation = new WeakMap<ReplyCatalog, Map<ReplySituation, ReplyTemplate[]>>();
/** The catalog's templates that fit at least one of `situations`, in catalog order. */
function templatesFor(catalog: ReplyCatalog, situations: readonly ReplySituation[]): ReplyTemplate[] {
  let index = bySituation.get(catalog);
  if (!index) {
    index = new Map();
    for (const t of catalog.templates) {
      for (const s of t.situations) index.set(s, [...(index.get(s) ?? []), t]);
    }
    bySituation.set(catalog, index);
  }
  const seen = new Set<ReplyTemplate>();
  for (const s of situations) for (const t of index.get(s) ?? []) seen.add(t);
  return [...seen];
}

const placeholderCache = new WeakMap<ReplyTemplate, string[]>();
function placeholdersNeeded(t: ReplyTemplate): string[] {
  let names = placeholderCache.get(t);
  if (!names) {
    names = placeholdersOf(t.text.en);
    placeholderCache.set(t, names);
  }
  return names;
}

function reasonFor(situation: ReplySituation, preference: AnswerPreference | undefined, repName: string): Localized {
  const say = (locale: 'ja' | 'en') => {
    const main = replyReasons.t(locale, situation, { repName });
    if (!preference) return main;
    const note = replyReasons.t(locale, `preference.${preference}`, { repName });
    return locale === 'ja' ? `${main}${note}` : `${main} ${note}`;
  };
  return { ja: say('ja'), en: say('en') };
}
