import { z } from 'zod';
import { parseInput } from '../../errors';
import { ANSWER_PREFERENCES, ITEM_KINDS, type ItemKind } from '../../records/enums';
import { deepFreeze } from '../prompts/deep-freeze';
import {
  GENERAL_SITUATION,
  isLogOnly,
  REPLY_PLACEHOLDERS,
  REPLY_SITUATIONS,
  REPLY_TONES,
  type ReplyPlaceholder,
} from './reply-situations';

const placeholderPattern = /\{(\w+)\}/g;

/** The `{name}` placeholders a text uses, each once, sorted. */
export function placeholdersOf(text: string): string[] {
  return [...new Set([...text.matchAll(placeholderPattern)].map((m) => m[1]!))].sort();
}

export const replyTemplateSchema = z
  .strictObject({
    id: z
      .string()
      .min(1)
      .max(100)
      .regex(/^[a-z0-9][a-z0-9.-]*$/, { message: 'id' }),
    /** Situations it fits; it is suggested only when at least one of them applies. */
    situations: z.array(z.enum(REPLY_SITUATIONS)).min(1).max(REPLY_SITUATIONS.length),
    tone: z.enum(REPLY_TONES),
    /** The ways of being answered it suits. A "just listen" template holds no advice. */
    preferences: z.array(z.enum(ANSWER_PREFERENCES)).min(1).max(3),
    /** Texts with `{repName}`, `{customer}` (logs only) and `{managerName}`. */
    text: z.strictObject({
      ja: z.string().trim().min(1).max(600),
      en: z.string().trim().min(1).max(600),
    }),
    /** Situations in which it must not be suggested (e.g. a planning nudge in a run of rejections). */
    avoid: z.array(z.enum(REPLY_SITUATIONS)).max(REPLY_SITUATIONS.length).default([]),
  })
  .superRefine((t, ctx) => {
    const ja = placeholdersOf(t.text.ja);
    const en = placeholdersOf(t.text.en);
    if (ja.join() !== en.join()) {
      ctx.addIssue({ code: 'custom', path: ['text', 'ja'], message: 'placeholders-differ' });
    }
    for (const name of [...ja, ...en]) {
      if (!(REPLY_PLACEHOLDERS as readonly string[]).includes(name)) {
        ctx.addIssue({ code: 'custom', path: ['text'], message: 'unknown-placeholder' });
      }
    }
    // A check-in has no customer, so {customer} is only allowed where every situation is about a log.
    if (en.includes('customer') && !t.situations.every(isLogOnly)) {
      ctx.addIssue({ code: 'custom', path: ['situations'], message: 'customer-needs-log' });
    }
  });
export type ReplyTemplate = z.output<typeof replyTemplateSchema>;
export type ReplyTemplateInput = z.input<typeof replyTemplateSchema>;

/** General templates each item kind and preference needs, so that 3 suggestions always exist. */
export const GENERAL_TEMPLATES_NEEDED = 4;

/** True when the template can be filled for any item of `kind` whatever the situation. */
function isGeneral(t: ReplyTemplate, kind: ItemKind): boolean {
  const uses = placeholdersOf(t.text.en) as ReplyPlaceholder[];
  return (
    t.situations.includes(GENERAL_SITUATION[kind]) &&
    t.avoid.length === 0 &&
    !uses.includes('managerName') &&
    (kind === 'log' || !uses.includes('customer'))
  );
}

const catalogInputSchema = z
  .array(replyTemplateSchema)
  .min(1)
  .max(5000)
  .superRefine((templates, ctx) => {
    const seen = new Set<string>();
    templates.forEach((t, i) => {
      if (seen.has(t.id)) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: 'duplicate-id' });
      seen.add(t.id);
    });
    for (const kind of ITEM_KINDS) {
      for (const preference of ANSWER_PREFERENCES) {
        const general = templates.filter((t) => t.preferences.includes(preference) && isGeneral(t, kind));
        if (general.length < GENERAL_TEMPLATES_NEEDED) {
          ctx.addIssue({ code: 'custom', path: [], message: `too-few-general:${kind}:${preference}` });
        }
      }
    }
  });

export interface ReplyCatalog {
  readonly templates: readonly ReplyTemplate[];
  get(id: string): ReplyTemplate | undefined;
}

const madeHere = new WeakSet<ReplyCatalog>();

export function isReplyCatalog(value: unknown): value is ReplyCatalog {
  return typeof value === 'object' && value !== null && madeHere.has(value as ReplyCatalog);
}

/**
 * Validates templates into a catalog. Besides each template's schema, a catalog must hold, for each item
 * kind (log, check-in) and each answer preference, at least 4 general templates (fitting `log-shared` or
 * `check-in-shared`, avoiding nothing, without `{managerName}`), so that 3 suggestions always exist even
 * when the last one used is left out.
 */
export function defineReplyCatalog(templates: readonly ReplyTemplateInput[]): ReplyCatalog {
  const parsed = parseInput(catalogInputSchema, templates);
  const frozen = Object.freeze(parsed.map((t) => deepFreeze(t)));
  const byId = new Map(frozen.map((t) => [t.id, t]));
  const catalog: ReplyCatalog = Object.freeze({ templates: frozen, get: (id: string) => byId.get(id) });
  madeHere.add(catalog);
  return catalog;
}

/** A new catalog with `extra` added; an extra template with an id already in `base` replaces it. */
export function extendReplyCatalog(base: ReplyCatalog, extra: readonly ReplyTemplateInput[]): ReplyCatalog {
  const replaced = new Set(extra.map((t) => (t as { id?: unknown }).id));
  return defineReplyCatalog([...base.templates.filter((t) => !replaced.has(t.id)), ...extra]);
}

/** A new catalog without the listed templates (it must still hold enough general ones). */
export function withoutTemplates(base: ReplyCatalog, ids: readonly string[]): ReplyCatalog {
  const drop = new Set(ids);
  return defineReplyCatalog(base.templates.filter((t) => !drop.has(t.id)));
}
