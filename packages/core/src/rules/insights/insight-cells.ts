import { REASON_CATEGORIES, type ReasonCategory } from '../../records/enums';
import type { InsightCountRow } from '../../store/port';

/** Later outcomes a team sees. `closed` is recorded but is not a figure: it praises nothing and blames no one. */
export const SHOWN_OUTCOMES = ['reopened', 'won-later', 'referral', 'repeat'] as const;
export type ShownOutcome = (typeof SHOWN_OUTCOMES)[number];

/**
 * The counts every published figure is computed from. Rates and shares are published only when the counts they
 * divide are, so protecting these cells protects every figure.
 */
export type CellKey =
  | 'logs'
  | 'checkIns'
  | 'participants'
  | 'askedWhy'
  | 'discovery'
  | 'followUp'
  | `outcome:${ShownOutcome}`
  | `reason:${ReasonCategory}`;

export const CELL_KEYS: readonly CellKey[] = [
  'logs',
  'checkIns',
  'participants',
  'askedWhy',
  'discovery',
  'followUp',
  ...SHOWN_OUTCOMES.map((o) => `outcome:${o}` as const),
  ...REASON_CATEGORIES.map((r) => `reason:${r}` as const),
];

export type HiddenReason = 'too-few-contributors' | 'complementary';

export interface Cell {
  count: number;
  /** The distinct people whose entries this count rests on. */
  contributors: ReadonlySet<string>;
  hidden: HiddenReason | null;
}

/** One group figures are published for: a team, or an org total. */
export interface Population {
  /** Denominator of participation: rep members, opted-out ones included when the caller says how many. */
  members: number;
  cells: Record<CellKey, Cell>;
}

/**
 * Counts of a group of rows (one row per person). A count is hidden at once when fewer than `k` distinct people
 * contributed to it. Rates (asked why, discovery, follow-up, outcomes) are figures about everyone who logged,
 * so their contributors are the people who logged; a reason cell's contributors are the people with a rejection
 * of that reason.
 */
export function populationOf(rows: Iterable<InsightCountRow>, members: number, k: number): Population {
  const loggers = new Set<string>();
  const checkers = new Set<string>();
  const participants = new Set<string>();
  const reasonPeople = REASON_CATEGORIES.map(() => new Set<string>());
  const reasonSums = REASON_CATEGORIES.map(() => 0);
  const outcomeSums = SHOWN_OUTCOMES.map(() => 0);
  let logs = 0;
  let checkIns = 0;
  let askedWhy = 0;
  let discovery = 0;
  let followUp = 0;
  for (const row of rows) {
    if (row.logs > 0) loggers.add(row.personId);
    if (row.checkIns > 0) checkers.add(row.personId);
    if (row.logs > 0 || row.checkIns > 0) participants.add(row.personId);
    logs += row.logs;
    checkIns += row.checkIns;
    askedWhy += row.askedWhy;
    discovery += row.discovery;
    followUp += row.followUp;
    for (let i = 0; i < SHOWN_OUTCOMES.length; i++) outcomeSums[i]! += row.outcomes[SHOWN_OUTCOMES[i]!];
    for (let i = 0; i < REASON_CATEGORIES.length; i++) {
      const n = row.reasons[REASON_CATEGORIES[i]!];
      if (n > 0) {
        reasonSums[i]! += n;
        reasonPeople[i]!.add(row.personId);
      }
    }
  }
  const primary = (count: number, contributors: ReadonlySet<string>): Cell => ({
    count,
    contributors,
    hidden: contributors.size < k ? 'too-few-contributors' : null,
  });
  const cells = {
    logs: primary(logs, loggers),
    checkIns: primary(checkIns, checkers),
    participants: primary(participants.size, participants),
    askedWhy: primary(askedWhy, loggers),
    discovery: primary(discovery, loggers),
    followUp: primary(followUp, loggers),
  } as Record<CellKey, Cell>;
  SHOWN_OUTCOMES.forEach((o, i) => {
    cells[`outcome:${o}`] = primary(outcomeSums[i]!, loggers);
  });
  REASON_CATEGORIES.forEach((r, i) => {
    const cell = primary(reasonSums[i]!, reasonPeople[i]!);
    // A reason no one met is a plain 0 beside a shown total: it rests on no one's entries.
    if (cell.contributors.size === 0 && cells.logs.hidden === null) cell.hidden = null;
    cells[`reason:${r}`] = cell;
  });
  return { members, cells };
}

/** A published total and the published parts that add up to it: subtracting shown parts reveals hidden ones. */
export interface Relation {
  total: Cell;
  parts: readonly Cell[];
}

/** Within a group: the rejection logs are the sum of the reason cells. */
export function reasonRelation(population: Population): Relation {
  return { total: population.cells.logs, parts: REASON_CATEGORIES.map((r) => population.cells[`reason:${r}`]) };
}

/** Across teams: every org total is (at most) the sum of the same count of each team. */
export function teamRelations(total: Population, teams: readonly Population[]): Relation[] {
  return CELL_KEYS.map((key) => ({ total: total.cells[key], parts: teams.map((t) => t.cells[key]) }));
}

/**
 * Complementary suppression. In each relation, hidden cells must not be recoverable by subtraction: when the
 * total is shown, at least two (non-zero) parts are hidden and the people behind the hidden parts together
 * number at least `k`; when the total is hidden, at least one part is hidden with it. The next-smallest shown
 * part is hidden until that holds. Hiding in one relation can break another, so this runs until nothing changes.
 */
export function protect(relations: readonly Relation[], k: number): void {
  for (let changed = true; changed; ) {
    changed = false;
    for (const relation of relations) if (protectRelation(relation, k)) changed = true;
  }
}

function protectRelation({ total, parts }: Relation, k: number): boolean {
  let changed = false;
  for (;;) {
    // A part that rests on nobody is a zero: hiding it protects no one, and it reveals no one when derived.
    const hidden = parts.filter((p) => p.hidden !== null && p.contributors.size > 0);
    if (total.hidden !== null) {
      if (hidden.length > 0 || !parts.some((p) => p.contributors.size > 0)) return changed;
    } else {
      if (hidden.length === 0) return changed;
      if (hidden.length >= 2 && unionReaches(hidden, k)) return changed;
    }
    const next = smallestShown(parts);
    if (next) {
      next.hidden = 'complementary';
    } else if (total.hidden === null) {
      // Every part is hidden and they still rest on fewer than k people: the total would give them away.
      total.hidden = 'complementary';
    } else {
      return changed;
    }
    changed = true;
  }
}

function smallestShown(parts: readonly Cell[]): Cell | undefined {
  let best: Cell | undefined;
  for (const p of parts) {
    if (p.hidden !== null || p.contributors.size === 0) continue;
    if (!best || p.count < best.count || (p.count === best.count && p.contributors.size < best.contributors.size)) {
      best = p;
    }
  }
  return best;
}

function unionReaches(cells: readonly Cell[], k: number): boolean {
  const people = new Set<string>();
  for (const cell of cells) {
    for (const person of cell.contributors) {
      people.add(person);
      if (people.size >= k) return true;
    }
  }
  return false;
}
