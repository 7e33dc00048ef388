// Benchmark: selectPrompts and suggestReplies on 10k generated contexts each, against a baseline run side by
// side in the same process: zod parsing of the same input alone with the plain (uncompiled) schemas.
// Run: cd bench && node --import tsx src/prompts-replies.ts
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  ANSWER_PREFERENCES,
  type CheckIn,
  FEELINGS,
  type PromptSelectionContext,
  promptSelectionContextSchema,
  REASON_CATEGORIES,
  type RejectionLog,
  type ReplyItem,
  replyItemSchema,
  type SuggestRepliesOptions,
  selectPrompts,
  suggestReplies,
  suggestRepliesOptionsSchema,
  VISIBILITIES,
} from '../../packages/core/src/index';
// Internal entry points: the same rules without the validation, to show where the time goes.
import { selectFromParsed } from '../../packages/core/src/rules/prompts/select-prompts';
import { uncompiledSelectionContextSchema } from '../../packages/core/src/rules/prompts/selection-context';
import { suggestFromParsed } from '../../packages/core/src/rules/replies/suggest-replies';
import { seededRandom } from '../../packages/core/src/testing/org-generator';

const N = 10_000;
const ROUNDS = 7;
const ZONES = ['Asia/Tokyo', 'America/New_York', 'Europe/Berlin', 'Australia/Sydney'];

/** Core's seeded PRNG, so every run measures the same inputs. */
function prng(seed: number) {
  const next = seededRandom(seed);
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)]!,
    chance: (p: number) => next() < p,
  };
}

const rnd = prng(20261124);
const DAY = 86_400_000;
const base = Date.parse('2026-11-01T00:00:00Z');

function makeLog(i: number, author: string, at: number): RejectionLog {
  const iso = new Date(at).toISOString();
  return {
    tenantId: 'bench',
    id: `log-${i}`,
    authorId: author,
    occurredAt: iso,
    customerLabel: rnd.pick(['Sakura Bakery', '株式会社みなと', 'Kobe Tools', 'North Clinic']),
    stage: 'proposal',
    askedWhy: rnd.chance(0.4),
    reason: rnd.pick(REASON_CATEGORIES),
    discovery: rnd.chance(0.3) ? 'They plan to move offices next spring.' : undefined,
    nextStep: rnd.chance(0.3) ? { kind: 'follow-up' } : undefined,
    feeling: rnd.chance(0.5) ? rnd.pick(FEELINGS) : undefined,
    visibility: rnd.pick(VISIBILITIES),
    createdAt: iso,
    updatedAt: iso,
  };
}

function makeCheckIn(i: number, author: string, at: number, withAnswer: boolean): CheckIn {
  const iso = new Date(at).toISOString();
  return {
    tenantId: 'bench',
    id: `check-in-${i}`,
    authorId: author,
    cadence: 'weekly',
    periodKey: '2026-W47',
    answers: withAnswer ? [{ promptId: 'dialogue.how-are-you-really', answer: rnd.int(1, 5) }] : [],
    pressure: rnd.int(1, 5),
    energy: rnd.int(1, 5),
    lastPeriodRating: rnd.chance(0.5) ? rnd.int(1, 5) : undefined,
    onTrack: rnd.chance(0.5) ? rnd.int(1, 5) : undefined,
    permissionToNotSell: rnd.chance(0.2),
    supportRequested: rnd.chance(0.1),
    answerPreference: rnd.chance(0.5) ? rnd.pick(ANSWER_PREFERENCES) : undefined,
    visibility: rnd.pick(VISIBILITIES),
    submittedAt: iso,
    updatedAt: iso,
  };
}

let serial = 0;
function makeContext(): PromptSelectionContext {
  const now = base + rnd.int(0, 90) * DAY + rnd.int(0, DAY);
  const author = `rep-${rnd.int(1, 500)}`;
  const logs = Array.from({ length: rnd.int(0, 6) }, () => makeLog(serial++, author, now - rnd.int(0, 14 * DAY)));
  const checkIns = Array.from({ length: rnd.int(0, 4) }, () =>
    makeCheckIn(serial++, author, now - rnd.int(0, 28 * DAY), rnd.chance(0.5)),
  );
  const asLog = rnd.chance(0.2) && logs.length > 0;
  return {
    now: new Date(now).toISOString(),
    timeZone: rnd.pick(ZONES),
    fiscalYearStartMonth: rnd.pick([1, 4, 4, 4, 10]),
    recentLogs: logs,
    recentCheckIns: checkIns,
    recentlyAsked: rnd.chance(0.5)
      ? [{ promptId: 'permission.not-selling-today', askedAt: new Date(now - DAY).toISOString() }]
      : [],
    ...(asLog ? { trigger: { kind: 'log' as const, log: logs[0]! } } : {}),
  };
}

function makeReplyInput(): [ReplyItem, SuggestRepliesOptions] {
  const now = base + rnd.int(0, 90) * DAY;
  const author = `rep-${rnd.int(1, 500)}`;
  const item: ReplyItem = rnd.chance(0.5)
    ? {
        kind: 'log',
        log: makeLog(serial++, author, now),
        authorLogCount: rnd.int(1, 40),
        recentLogs: Array.from({ length: rnd.int(0, 4) }, () => makeLog(serial++, author, now - rnd.int(0, 7 * DAY))),
      }
    : {
        kind: 'check-in',
        checkIn: makeCheckIn(serial++, author, now, rnd.chance(0.5)),
        previousCheckIns: Array.from({ length: rnd.int(0, 3) }, () =>
          makeCheckIn(serial++, author, now - rnd.int(7, 60) * DAY, false),
        ),
      };
  const options: SuggestRepliesOptions = {
    locale: rnd.pick(['ja', 'en'] as const),
    repName: rnd.pick(['佐藤', 'Aki', 'Maria']),
    ...(rnd.chance(0.5) ? { managerName: 'Mori' } : {}),
    ...(rnd.chance(0.3) ? { answerPreference: rnd.pick(ANSWER_PREFERENCES) } : {}),
    ...(rnd.chance(0.5) ? { lastTemplateId: 'log.thanks-for-trusting' } : {}),
  };
  return [item, options];
}

interface Rate {
  /** Operations per second of wall-clock time. */
  wall: number;
  /** Operations per second of this process's CPU time: what the work costs, whatever else the machine runs. */
  cpu: number;
}

interface Pair {
  subject: Rate;
  baseline: Rate;
  /** Subject over baseline, per round (both back to back), CPU time. */
  ratio: number;
}

/**
 * Runs baseline and subject over all inputs, alternating within each round so that both see the same load
 * (the machine is shared), after one warm-up round. Returns medians of ops/s and of the per-round ratios.
 */
function measurePair<T>(inputs: readonly T[], baseline: (input: T) => unknown, subject: (input: T) => unknown): Pair {
  const rate = (fn: (input: T) => unknown): Rate => {
    const cpuStart = process.cpuUsage();
    const start = process.hrtime.bigint();
    for (const input of inputs) fn(input);
    const wall = Number(process.hrtime.bigint() - start) / 1e9;
    const used = process.cpuUsage(cpuStart);
    const cpu = Math.max((used.user + used.system) / 1e6, 1e-6);
    return { wall: inputs.length / wall, cpu: inputs.length / cpu };
  };
  const runs: Pair[] = [];
  for (let round = 0; round <= ROUNDS; round++) {
    const b = rate(baseline);
    const s = rate(subject);
    if (round > 0) runs.push({ subject: s, baseline: b, ratio: s.cpu / b.cpu });
  }
  const median = (xs: number[]) => xs.sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
  const medianRate = (pick: (p: Pair) => Rate): Rate => ({
    wall: median(runs.map((r) => pick(r).wall)),
    cpu: median(runs.map((r) => pick(r).cpu)),
  });
  return {
    subject: medianRate((r) => r.subject),
    baseline: medianRate((r) => r.baseline),
    ratio: median(runs.map((r) => r.ratio)),
  };
}

const contexts = Array.from({ length: N }, makeContext);
const replyInputs = Array.from({ length: N }, makeReplyInput);

const selection = measurePair(
  contexts,
  (c) => uncompiledSelectionContextSchema.parse(c),
  (c) => selectPrompts(c),
);
// What selectPrompts' validation costs now: the same schema compiled (z.compile), as selectPrompts uses it.
const selectionValidation = measurePair(
  contexts,
  () => undefined,
  (c) => promptSelectionContextSchema.parse(c),
);
const replies = measurePair(
  replyInputs,
  ([item, options]) => {
    replyItemSchema.parse(item);
    suggestRepliesOptionsSchema.parse(options);
  },
  ([item, options]) => suggestReplies(item, options),
);
const parsedContexts = contexts.map((c) => promptSelectionContextSchema.parse(c));
const parsedReplies = replyInputs.map(
  ([item, options]) => [replyItemSchema.parse(item), suggestRepliesOptionsSchema.parse(options)] as const,
);
const selectionRules = measurePair(
  parsedContexts,
  () => undefined,
  (c) => selectFromParsed(c),
);
const replyRules = measurePair(
  parsedReplies,
  () => undefined,
  ([item, options]) => suggestFromParsed(item, options),
);
const load = os.loadavg()[0]!.toFixed(1);

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const cpu = os.cpus()[0]?.model ?? 'unknown';
const report = `# Prompts and replies benchmark

Machine: ${cpu}, ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB memory, Node ${process.version}.
Inputs: ${N.toLocaleString('en-US')} generated contexts each (0-6 logs over 14 days, 0-4 check-ins over 28 days, 4 time
zones, 20% acknowledgements after a log); ${N.toLocaleString('en-US')} shared items (half logs with up to 4 recent
logs, half check-ins with up to 3 earlier ones). Medians of ${ROUNDS} rounds after a warm-up round.

| operation | ops/s (CPU time) | ops/s (wall clock) | baseline: zod parse of the same input, ops/s (CPU) | ratio to baseline | target |
| --- | ---: | ---: | ---: | ---: | --- |
| selectPrompts | ${fmt(selection.subject.cpu)} | ${fmt(selection.subject.wall)} | ${fmt(selection.baseline.cpu)} | ${selection.ratio.toFixed(2)} | >= 50,000/s: ${selection.subject.cpu >= 50_000 ? 'met' : 'NOT met'} |
| suggestReplies | ${fmt(replies.subject.cpu)} | ${fmt(replies.subject.wall)} | ${fmt(replies.baseline.cpu)} | ${replies.ratio.toFixed(2)} | (none set) |
| selection context validation alone (compiled schema) | ${fmt(selectionValidation.subject.cpu)} | ${fmt(selectionValidation.subject.wall)} | | | |
| selection rules alone, on parsed contexts | ${fmt(selectionRules.subject.cpu)} | ${fmt(selectionRules.subject.wall)} | | | |
| reply rules alone, on parsed input | ${fmt(replyRules.subject.cpu)} | ${fmt(replyRules.subject.wall)} | | | |

Load average (1 min) at the end of the run: ${load} on ${os.cpus().length} cores. Other work was running on the machine, so
wall-clock rates understate; CPU-time rates (this process's user + system time) and the per-round ratios
(baseline and subject back to back) are the figures to compare. "Rules alone" calls the same code after
validation (internal entry points), to show where the time goes.

The selection baseline is the plain zod walk of the context with the core record schemas (every field of
every log and check-in). \`selectPrompts\` validates the same context with the same schema, compiled once with
\`z.compile\` (a generated parser for valid input; invalid input falls back to the plain parse, so the errors
and their field paths are unchanged), and its rules index each prompt catalog once. A ratio above 1 means
\`selectPrompts\`, validation included, now costs less than the plain validation alone did. For
\`suggestReplies\` the baseline is the plain zod parse of its item and options: a ratio near 1 would mean its
rules add little to that validation.
`;

console.log(report);
const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'reports', 'prompts-replies.md');
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, report);
