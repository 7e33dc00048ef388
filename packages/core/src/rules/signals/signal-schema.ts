import { z } from 'zod';
import { checkInSchema } from '../../records/check-in';
import { personSchema } from '../../records/person';
import { idSchema, instantSchema } from '../../records/primitives';
import { rejectionLogSchema } from '../../records/rejection-log';
import { shareSchema } from '../../records/share';

export const SIGNAL_KINDS = ['asked-for-support', 'must-not-be-rejected', 'pressure-trend', 'energy-trend'] as const;
export type SignalKind = (typeof SIGNAL_KINDS)[number];

/** `attention`: worth a gentle look (rising pressure, falling energy, the pattern, a support request). */
export const signalLevelSchema = z.enum(['info', 'attention']);
export type SignalLevel = z.infer<typeof signalLevelSchema>;

export const TRENDS = ['rising', 'falling', 'steady', 'not-enough-data'] as const;
export type Trend = (typeof TRENDS)[number];

const localizedSchema = z.strictObject({ ja: z.string().min(1), en: z.string().min(1) });

/** One item a signal was computed from, so the rep can see exactly what it rests on. */
export const signalDataPointSchema = z.strictObject({
  itemKind: z.enum(['check-in', 'log', 'share']),
  itemId: idSchema,
  at: z.string(),
  measure: z.enum(['pressure', 'energy', 'shared', 'reflected', 'support-requested']),
  value: z.number(),
  /** `baseline`: the rep's own earlier weeks; `recent`: the last days the signal looks at. */
  window: z.enum(['baseline', 'recent']),
});
export type SignalDataPoint = z.infer<typeof signalDataPointSchema>;

const common = {
  level: signalLevelSchema,
  /** Addressed to the rep ("your pressure ..."). */
  explanation: localizedSchema,
  /** The same finding worded for a manager, used only by `signalsVisibleToManager`. */
  explanationForManager: localizedSchema,
  dataPoints: z.array(signalDataPointSchema).max(5000),
};

const beforeAfter = z.strictObject({ baseline: z.number(), recent: z.number() });

export const trendSignalSchema = z.strictObject({
  kind: z.enum(['pressure-trend', 'energy-trend']),
  ...common,
  /** Mean of the rep's own check-ins in the baseline weeks (1-5), or null without enough of them. */
  baseline: z.number().nullable(),
  recent: z.number().nullable(),
  change: z.number().nullable(),
  trend: z.enum(TRENDS),
});

export const mustNotBeRejectedSignalSchema = z.strictObject({
  kind: z.literal('must-not-be-rejected'),
  ...common,
  pressure: beforeAfter,
  sharingPerWeek: beforeAfter,
  reflectionPerWeek: beforeAfter,
});

export const askedForSupportSignalSchema = z.strictObject({
  kind: z.literal('asked-for-support'),
  ...common,
  lastRequestedAt: z.string(),
});

export const signalSchema = z.discriminatedUnion('kind', [
  askedForSupportSignalSchema,
  mustNotBeRejectedSignalSchema,
  trendSignalSchema,
]);
export type Signal = z.infer<typeof signalSchema>;
export type TrendSignal = z.infer<typeof trendSignalSchema>;
export type MustNotBeRejectedSignal = z.infer<typeof mustNotBeRejectedSignalSchema>;
export type AskedForSupportSignal = z.infer<typeof askedForSupportSignalSchema>;

/** One rep's signals at one moment. */
export const personalSignalsSchema = z.strictObject({
  personId: idSchema,
  asOf: z.string(),
  signals: z.array(signalSchema).max(SIGNAL_KINDS.length),
});
export type PersonalSignals = z.infer<typeof personalSignalsSchema>;

export const signalOptionsSchema = z.strictObject({
  /** Days (the rep's local days, today included) that count as "recent". */
  recentDays: z.number().int().min(7).max(90).default(14),
  /** Days before the recent ones that make up the rep's own baseline. */
  baselineDays: z.number().int().min(14).max(365).default(56),
  /** How far (on the 1-5 scale) the recent mean must move from the baseline to count as rising or falling. */
  trendThreshold: z.number().min(0.1).max(4).default(0.5),
});
export type SignalOptions = z.output<typeof signalOptionsSchema>;

export const signalsInputSchema = z
  .strictObject({
    person: personSchema,
    now: instantSchema,
    checkIns: z.array(checkInSchema).max(2000),
    logs: z.array(rejectionLogSchema).max(5000),
    /** The rep's own shares; when given, sharing is counted from them instead of from item visibility. */
    shares: z.array(shareSchema).max(10_000).optional(),
    options: signalOptionsSchema.prefault({}),
  })
  .superRefine((input, ctx) => {
    // Signals are about one rep: an item of anyone else (or another tenant) is a caller's mistake.
    const { id, tenantId } = input.person;
    const notOwn = (field: string, i: number) =>
      ctx.addIssue({ code: 'custom', message: 'not-own-item', path: [field, i] });
    for (const [i, c] of input.checkIns.entries())
      if (c.tenantId !== tenantId || c.authorId !== id) notOwn('checkIns', i);
    for (const [i, l] of input.logs.entries()) if (l.tenantId !== tenantId || l.authorId !== id) notOwn('logs', i);
    for (const [i, s] of (input.shares ?? []).entries()) {
      if (s.tenantId !== tenantId || s.ownerId !== id) notOwn('shares', i);
    }
  });
export type SignalsInput = z.input<typeof signalsInputSchema>;
