import { z } from 'zod';
import {
  addDays,
  fiscalQuarterOf,
  fiscalYearOf,
  isoWeekKey,
  localDateOf,
  startOfIsoWeek,
  startOfLocalDay,
} from '../../calendar/calendar';
import { parseInput } from '../../errors';
import type { Localized } from '../../i18n/catalog';
import type { Instant, LocalDate } from '../../records/primitives';
import { idSchema, instantSchema, localDateSchema, timeZoneSchema } from '../../records/primitives';
import type { Team } from '../../records/team';
import type { InsightCountsQuery } from '../../store/port';
import { insightText } from './insight-messages';

export const INSIGHT_PERIOD_KINDS = ['week', 'fiscal-quarter', 'fiscal-year'] as const;
export type InsightPeriodKind = (typeof INSIGHT_PERIOD_KINDS)[number];

export const insightPeriodInputSchema = z
  .strictObject({
    kind: z.enum(INSIGHT_PERIOD_KINDS),
    /** Any day inside the period, on the team's calendar. Give this or `at`. */
    date: localDateSchema.optional(),
    /** Any moment inside the period, read in `timeZone`. */
    at: instantSchema.optional(),
    timeZone: timeZoneSchema,
    fiscalYearStartMonth: z.number().int().min(1).max(12).default(4),
  })
  .refine((p) => (p.date === undefined) !== (p.at === undefined), { message: 'date-or-at', path: ['date'] });

/** A week (ISO, Monday first), fiscal quarter or fiscal year on a team's calendar, as local dates and instants. */
export interface InsightPeriod {
  kind: InsightPeriodKind;
  /** `2026-W48`, `FY2026-Q3`, `FY2026` (fiscal years are named after the year they start in). */
  key: string;
  label: Localized;
  /** First local day, inclusive. */
  startDate: LocalDate;
  /** Local day after the last one (exclusive). */
  endDate: LocalDate;
  /** `startDate` 00:00 in `timeZone`: the query's inclusive start. */
  from: Instant;
  /** `endDate` 00:00 in `timeZone`: the query's exclusive end. */
  to: Instant;
  timeZone: string;
  fiscalYearStartMonth: number;
}

export function insightPeriod(input: unknown): InsightPeriod {
  const p = parseInput(insightPeriodInputSchema, input);
  const date = p.date ?? localDateOf(p.at!, p.timeZone);
  return periodOf(p.kind, date, p.timeZone, p.fiscalYearStartMonth);
}

/** The period for `kind` that contains `at`, on the team's own time zone and fiscal calendar. */
export function teamInsightPeriod(
  team: Pick<Team, 'timeZone' | 'fiscalYearStartMonth'>,
  kind: InsightPeriodKind,
  at: Instant,
) {
  return insightPeriod({ kind, at, timeZone: team.timeZone, fiscalYearStartMonth: team.fiscalYearStartMonth });
}

const periodRefSchema = z.object({
  kind: z.enum(INSIGHT_PERIOD_KINDS),
  startDate: localDateSchema,
  timeZone: timeZoneSchema,
  fiscalYearStartMonth: z.number().int().min(1).max(12),
});

/** The period just before `period`, of the same kind and calendar. */
export function previousInsightPeriod(period: InsightPeriod): InsightPeriod {
  const p = parseInput(periodRefSchema, period);
  return periodOf(p.kind, addDays(p.startDate, -1), p.timeZone, p.fiscalYearStartMonth);
}

function periodOf(
  kind: InsightPeriodKind,
  date: LocalDate,
  timeZone: string,
  fiscalYearStartMonth: number,
): InsightPeriod {
  let key: string;
  let label: Localized;
  let startDate: LocalDate;
  let endDate: LocalDate;
  if (kind === 'week') {
    startDate = startOfIsoWeek(date);
    endDate = addDays(startDate, 7);
    key = isoWeekKey(date);
    label = insightText('period.week', { start: startDate });
  } else if (kind === 'fiscal-quarter') {
    const q = fiscalQuarterOf(date, fiscalYearStartMonth);
    ({ start: startDate, end: endDate } = q);
    key = `FY${q.fiscalYear}-Q${q.quarter}`;
    label = insightText('period.fiscal-quarter', { year: q.fiscalYear, quarter: q.quarter });
  } else {
    const y = fiscalYearOf(date, fiscalYearStartMonth);
    ({ start: startDate, end: endDate } = y);
    key = `FY${y.fiscalYear}`;
    label = insightText('period.fiscal-year', { year: y.fiscalYear });
  }
  return {
    kind,
    key,
    label,
    startDate,
    endDate,
    from: startOfLocalDay(startDate, timeZone),
    to: startOfLocalDay(endDate, timeZone),
    timeZone,
    fiscalYearStartMonth,
  };
}

const countsQueryInputSchema = z.strictObject({
  tenantId: idSchema,
  teamIds: z.array(idSchema).min(1).max(10_000),
  period: z.object({ from: instantSchema, to: instantSchema }),
});

/** The Store query (`store.insightCounts`) that yields the rows for `period`. */
export function insightCountsQuery(input: {
  tenantId: string;
  teamIds: readonly string[];
  period: Pick<InsightPeriod, 'from' | 'to'>;
}): InsightCountsQuery {
  const p = parseInput(countsQueryInputSchema, input);
  return { tenantId: p.tenantId, teamIds: [...new Set(p.teamIds)], from: p.period.from, to: p.period.to };
}
