import {
  addDays,
  answerManagerRequestInput,
  idSchema,
  isTimeZone,
  localDateOf,
  localDateSchema,
  logRejectionInput,
  parseInput,
  personSchema,
  privacySettingsSchema,
  promptAnswerSchema,
  recordOutcomeInput,
  replyInput,
  requestManagerInput,
  scheduleSchema,
  setVisibilityInput,
  submitCheckInInput,
  visibilitySchema,
  zonedTimeToInstant,
} from '@rebound/core';
import { z } from 'zod';
import { attempt, field, type ParseResult, rating, type Submitted, toggle } from './submitted';

/** Where and when the person submitted: needed to turn local dates into instants. */
export interface SubmitContext {
  timeZone: string;
  now: Date;
}

const isDate = (v: unknown): v is string => typeof v === 'string' && localDateSchema.safeParse(v).success;

// Every form is validated by the schema of the core use case it feeds (one source of truth).
export type LogInput = z.output<typeof logRejectionInput>;

export interface LogSubmission {
  /** Set when the form edited an existing log. */
  logId: string | null;
  input: LogInput;
}

/** The rejection log form (`log.submit`) → the log input, validated by core's schema. */
export function parseLogForm(data: Submitted, ctx: SubmitContext): ParseResult<LogSubmission> {
  return attempt(() => {
    const occurredOn = field(data, 'occurredOn');
    let occurredAt: unknown = occurredOn;
    if (isDate(occurredOn) && isTimeZone(ctx.timeZone)) {
      // Today: the moment of logging. Another day: its local noon, so the date reads the same everywhere.
      occurredAt =
        occurredOn === localDateOf(ctx.now, ctx.timeZone)
          ? ctx.now.toISOString()
          : zonedTimeToInstant(occurredOn, '12:00', ctx.timeZone);
    }
    const nextStepKind = field(data, 'nextStepKind');
    const nextStepNote = field(data, 'nextStepNote');
    const nextStepDate = field(data, 'nextStepDate');
    const hasNextStep = nextStepKind !== undefined || nextStepNote !== undefined || nextStepDate !== undefined;
    const logId = field(data, 'logId');
    const input = parseInput(logRejectionInput, {
      customerLabel: field(data, 'customerLabel'),
      occurredAt,
      stage: field(data, 'stage'),
      askedWhy: toggle(data, 'askedWhy'),
      reason: field(data, 'reason'),
      customerWords: field(data, 'customerWords'),
      discovery: field(data, 'discovery'),
      nextStep: hasNextStep ? { kind: nextStepKind, note: nextStepNote, dueDate: nextStepDate } : undefined,
      feeling: field(data, 'feeling'),
      learned: field(data, 'learned'),
      answerPreference: field(data, 'answerPreference'),
      visibility: field(data, 'visibility'),
    } satisfies Record<keyof LogInput, unknown>);
    return { logId: logId === undefined ? null : parseInput(idSchema, logId), input };
  });
}

const answerKindSchema = z.enum(['text', 'scale', 'choice']);
const promptRefsSchema = z.array(z.strictObject({ id: z.string().min(1).max(100), kind: answerKindSchema })).max(5);

function answerValue(kind: z.infer<typeof answerKindSchema>, data: Submitted, key: string): unknown {
  const value = kind === 'scale' ? rating(data, key) : field(data, key);
  return value === undefined ? null : value;
}

export type CheckInInput = z.output<typeof submitCheckInInput>;

/** The check-in card (`checkIn.submit`) → the check-in input, validated by core's schema. */
export function parseCheckInForm(data: Submitted): ParseResult<CheckInInput> {
  return attempt(() => {
    const refs = parseInput(promptRefsSchema, data.prompts ?? []);
    const answers = refs.map((ref, i) => ({ promptId: ref.id, answer: answerValue(ref.kind, data, `answer_${i}`) }));
    return parseInput(submitCheckInInput, {
      cadence: field(data, 'cadence'),
      periodKey: field(data, 'periodKey'),
      answers,
      pressure: rating(data, 'pressure'),
      energy: rating(data, 'energy'),
      lastPeriodRating: rating(data, 'lastPeriodRating'),
      onTrack: rating(data, 'onTrack'),
      permissionToNotSell: toggle(data, 'permissionToNotSell'),
      supportRequested: toggle(data, 'supportRequested'),
      answerPreference: field(data, 'answerPreference'),
      note: field(data, 'note'),
      visibility: field(data, 'visibility'),
    } satisfies Record<keyof CheckInInput, unknown>);
  });
}

const reflectionSchema = z.strictObject({
  logId: idSchema,
  answer: promptAnswerSchema,
  visibility: visibilitySchema,
});
export type LogReflectionInput = z.output<typeof reflectionSchema>;

/** The log acknowledgement (`log.reflect`): the answer to its one question and the chosen visibility. */
export function parseLogReflection(data: Submitted): ParseResult<LogReflectionInput> {
  return attempt(() => {
    const kind = answerKindSchema.safeParse(data.answerKind);
    const promptId = field(data, 'promptId');
    return parseInput(reflectionSchema, {
      logId: field(data, 'logId'),
      answer: {
        promptId: promptId ?? 'none',
        answer: kind.success && promptId !== undefined ? answerValue(kind.data, data, 'answer') : null,
      },
      visibility: field(data, 'visibility'),
    });
  });
}

export type VisibilityChange = z.output<typeof setVisibilityInput>;

/**
 * My items: `item.visibility` (the menu entry's `to`, or the slot's choice on cards sent before the menu) or
 * `item.withdraw` (back to only me).
 */
export function parseVisibilityChange(data: Submitted): ParseResult<VisibilityChange> {
  return attempt(() =>
    parseInput(setVisibilityInput, {
      itemKind: field(data, 'itemKind'),
      itemId: field(data, 'itemId'),
      visibility:
        data.action === 'item.withdraw' ? 'private' : (field(data, 'to') ?? field(data, `visibility_${slotOf(data)}`)),
    }),
  );
}

function slotOf(data: Submitted): string {
  const slot = data.slot;
  return typeof slot === 'string' && /^\d{1,2}$/.test(slot) ? slot : 'x';
}

export type OutcomeInput = z.output<typeof recordOutcomeInput>;

/** My items: `item.outcome` → what happened later to a log. */
export function parseOutcomeForm(data: Submitted): ParseResult<OutcomeInput> {
  const slot = slotOf(data);
  return attempt(() =>
    parseInput(recordOutcomeInput, {
      logId: field(data, 'logId'),
      kind: field(data, `outcomeKind_${slot}`),
      occurredOn: field(data, `outcomeDate_${slot}`),
      note: field(data, `outcomeNote_${slot}`),
    }),
  );
}

export type ReplyInput = z.output<typeof replyInput>;

/** Manager notification: `reply.review` or `reply.send` → the draft and what it answers. */
export function parseReplyDraft(data: Submitted): ParseResult<ReplyInput> {
  return attempt(() =>
    parseInput(replyInput, {
      itemKind: field(data, 'itemKind'),
      itemId: field(data, 'itemId'),
      templateId: field(data, 'templateId'),
      text: field(data, 'draft'),
    }),
  );
}

// Flat, as the card's inputs are; each field is checked by the record schema the settings use case stores.
export const settingsInputSchema = z.strictObject({
  enabled: scheduleSchema.shape.enabled,
  cadence: scheduleSchema.shape.cadence,
  checkInDays: scheduleSchema.shape.checkInDays,
  checkInTime: scheduleSchema.shape.checkInTime,
  quietHours: scheduleSchema.shape.quietHours,
  snoozeUntil: scheduleSchema.shape.snoozeUntil,
  outOfOffice: scheduleSchema.shape.outOfOffice,
  skipDates: scheduleSchema.shape.skipDates,
  reminderAfterHours: scheduleSchema.shape.reminderAfterHours,
  timeZone: personSchema.shape.timeZone,
  language: personSchema.shape.language,
  answerPreference: personSchema.shape.answerPreference,
  privacy: privacySettingsSchema,
});
export type SettingsInput = z.output<typeof settingsInputSchema>;

/** What the welcome card's check-in offer changes: check-ins on, on the chosen days at the chosen time. */
export const scheduleOptInSchema = settingsInputSchema
  .pick({ enabled: true, cadence: true, checkInDays: true, checkInTime: true })
  .extend({ enabled: z.literal(true), checkInDays: scheduleSchema.shape.checkInDays.min(1) });
export type ScheduleOptIn = z.output<typeof scheduleOptInSchema>;

/** What a `settings.save` submission changes: every setting from the settings card, or the welcome card's opt-in. */
export type SettingsUpdate = Partial<SettingsInput>;

/** Marks the welcome card's check-in offer in `settings.save` data (`data.form`). */
export const SCHEDULE_OPT_IN_FORM = 'schedule-opt-in';

/** "1,3,5" (a multi-select's value) → [1, 3, 5]; anything else goes to zod as it is. */
function weekdays(data: Submitted): unknown {
  const days = field(data, 'checkInDays');
  return typeof days === 'string' ? days.split(',').map((d) => (/^\d$/.test(d) ? Number(d) : d)) : (days ?? []);
}

/** Skip dates typed as a list (commas, spaces, 、 or new lines; 2026/12/29 is read as 2026-12-29) plus a picked one. */
export function skipDatesOf(data: Submitted): unknown {
  const typed = field(data, 'skipDates');
  const added = field(data, 'skipDateAdd');
  if (typed !== undefined && typeof typed !== 'string') return typed;
  const dates = (typed ?? '')
    .split(/[\s,、，;]+/)
    .filter((d) => d !== '')
    .map((d) => {
      const m = /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$/.exec(d);
      return m ? `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}` : d;
    });
  if (added !== undefined) dates.push(added as string);
  return [...new Set(dates)].sort();
}

/** The reminder choice: 'off' (or nothing) is no reminder, '4' is 4 hours; anything else goes to zod. */
function reminderHours(data: Submitted): unknown {
  const value = field(data, 'reminderAfterHours');
  if (value === undefined || value === 'off') return null;
  return typeof value === 'string' && /^\d{1,3}$/.test(value) ? Number(value) : value;
}

/**
 * The welcome card's check-in offer (`settings.save` with `form: 'schedule-opt-in'`): turns check-ins on, on
 * the chosen days at the chosen time, and changes nothing else (time zone, privacy and language stay).
 */
export function parseScheduleOptIn(data: Submitted): ParseResult<ScheduleOptIn> {
  return attempt(() =>
    parseInput(scheduleOptInSchema, {
      enabled: true,
      cadence: 'daily',
      checkInDays: weekdays(data),
      checkInTime: field(data, 'checkInTime'),
    }),
  );
}

/**
 * A `settings.save` submission → what to change, validated by core's schemas: every schedule and person setting
 * from the settings card, or only the check-in schedule from the welcome card's offer (`form: 'schedule-opt-in'`).
 */
export function parseSettingsForm(data: Submitted): ParseResult<SettingsUpdate> {
  if (data.form === SCHEDULE_OPT_IN_FORM) return parseScheduleOptIn(data);
  return attempt(() => {
    const timeZone = field(data, 'timeZone');
    const quietStart = field(data, 'quietStart');
    const quietEnd = field(data, 'quietEnd');
    const awayFrom = field(data, 'awayFrom');
    const awayTo = field(data, 'awayTo');
    const snooze = field(data, 'snoozeUntil');
    const language = field(data, 'language');
    let snoozeUntil: unknown = snooze ?? null;
    // "Pause until <date>" includes that day: check-ins resume when the next day starts, in the person's zone.
    if (isDate(snooze) && typeof timeZone === 'string' && isTimeZone(timeZone)) {
      snoozeUntil = zonedTimeToInstant(addDays(snooze, 1), '00:00', timeZone);
    }
    return parseInput(settingsInputSchema, {
      enabled: toggle(data, 'enabled'),
      cadence: field(data, 'cadence'),
      checkInDays: weekdays(data),
      checkInTime: field(data, 'checkInTime'),
      quietHours: quietStart === undefined && quietEnd === undefined ? null : { start: quietStart, end: quietEnd },
      snoozeUntil,
      outOfOffice: awayFrom === undefined && awayTo === undefined ? [] : [{ from: awayFrom, to: awayTo ?? awayFrom }],
      skipDates: skipDatesOf(data),
      reminderAfterHours: reminderHours(data),
      timeZone,
      language: language === 'auto' || language === undefined ? null : language,
      answerPreference: field(data, 'answerPreference') ?? null,
      privacy: {
        defaultVisibility: field(data, 'defaultVisibility'),
        shareSignalsWithManagers: toggle(data, 'shareSignalsWithManagers'),
        countInTeamStats: toggle(data, 'countInTeamStats'),
      },
    } satisfies Record<keyof SettingsInput, unknown>);
  });
}

/** The manager request form (`managerRequest.send`). */
export function parseManagerRequest(data: Submitted): ParseResult<z.output<typeof requestManagerInput>> {
  return attempt(() => parseInput(requestManagerInput, { managerId: field(data, 'managerId') }));
}

/** The manager's answer to a request (`managerRequest.accept` / `managerRequest.decline`). */
export function parseManagerDecision(data: Submitted): ParseResult<z.output<typeof answerManagerRequestInput>> {
  return attempt(() =>
    parseInput(answerManagerRequestInput, {
      assignmentId: field(data, 'assignmentId'),
      accept:
        data.action === 'managerRequest.accept' ? true : data.action === 'managerRequest.decline' ? false : undefined,
    }),
  );
}
