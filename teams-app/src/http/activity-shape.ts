import type { Activity } from 'botbuilder';
import { z } from 'zod';

// The shape of every field of an incoming activity that the bot, teams-ai or botbuilder reads, checked once,
// before authentication and before any turn: a malformed activity is refused with 400 instead of failing inside
// a turn. Objects stay loose: Teams adds fields, and the activity is passed on exactly as it came.
// Optional fields may be null: every reader treats null as absent.

const id = z.string().min(1).max(2000);
const optionalText = z.string().max(100_000).nullish();

const account = z.looseObject({
  id,
  name: z.string().max(1000).nullish(),
  aadObjectId: z.string().max(200).nullish(),
});

// botbuilder's removeRecipientMention reads `type` of every entity, and `mentioned.id` of every mention.
const entity = z.looseObject({ type: z.string() });
const mention = z.looseObject({
  type: z.string(),
  mentioned: z.looseObject({ id: z.string() }),
  text: z.string().nullish(),
});

const activitySchema = z.compile(
  z.looseObject({
    type: z.string().min(1).max(100),
    id: z.string().max(2000).nullish(),
    name: z.string().max(200).nullish(),
    action: z.string().max(200).nullish(),
    channelId: id,
    serviceUrl: z.url({ protocol: /^https?$/ }).max(2000),
    locale: z.string().max(100).nullish(),
    localTimezone: z.string().max(100).nullish(),
    text: optionalText,
    replyToId: z.string().max(2000).nullish(),
    from: account,
    recipient: account,
    conversation: z.looseObject({
      id,
      conversationType: z.string().max(100).nullish(),
      tenantId: z.string().max(200).nullish(),
    }),
    channelData: z
      .looseObject({
        tenant: z.looseObject({ id: z.string().max(200).nullish() }).nullish(),
        team: z.looseObject({ id: z.string().max(2000).nullish() }).nullish(),
        eventType: z.string().max(200).nullish(),
      })
      .nullish(),
    membersAdded: z.array(account).max(1000).nullish(),
    membersRemoved: z.array(account).max(1000).nullish(),
    entities: z.array(entity).max(1000).nullish(),
  }),
);

/** What an Adaptive Card `Action.Execute` invoke carries; the verb picks the handler. */
const cardActionValue = z.compile(
  z.looseObject({
    action: z.looseObject({
      type: z.string().max(100),
      verb: z.string().max(200).nullish(),
      data: z.record(z.string(), z.unknown()).nullish(),
    }),
  }),
);

export type ActivityCheck = { ok: true; activity: Activity } | { ok: false; problems: string[] };

/**
 * Whether `body` has the shape the bot relies on. The problems name fields and what was wrong (for the log),
 * never the values sent.
 */
export function checkActivity(body: unknown): ActivityCheck {
  const parsed = activitySchema.safeParse(body);
  if (!parsed.success) return { ok: false, problems: problemsOf(parsed.error) };
  const activity = parsed.data;
  if (activity.type === 'invoke' && activity.name === 'adaptiveCard/action') {
    const value = cardActionValue.safeParse(activity.value);
    if (!value.success) return { ok: false, problems: problemsOf(value.error, 'value') };
  }
  for (const [i, e] of (activity.entities ?? []).entries()) {
    if (e.type.toLowerCase() !== 'mention') continue;
    const m = mention.safeParse(e);
    if (!m.success) return { ok: false, problems: problemsOf(m.error, `entities.${i}`) };
    // A mention of the bot is cut out of the text, which must then be there.
    if (m.data.mentioned.id === activity.recipient.id && typeof activity.text !== 'string') {
      return { ok: false, problems: ['text: a message that mentions the bot carries text'] };
    }
  }
  // Checked, not rebuilt: the activity goes on as it came.
  return { ok: true, activity: body as Activity };
}

function problemsOf(error: z.ZodError, prefix?: string): string[] {
  return error.issues.slice(0, 10).map((issue) => {
    const path = [prefix, ...issue.path.map(String)].filter(Boolean).join('.');
    return `${path || '(activity)'}: ${issue.code}`;
  });
}
