import { z } from 'zod';
import { parseInput } from '../../errors';
import { deepFreeze } from './deep-freeze';
import { PROMPT_INTENTS, PROMPT_SITUATIONS } from './situations';

const localizedTextSchema = (max: number) =>
  z.strictObject({
    ja: z.string().trim().min(1).max(max),
    en: z.string().trim().min(1).max(max),
  });

export const promptIdSchema = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[a-z0-9][a-z0-9.-]*$/, { message: 'id' });

export const promptChoiceSchema = z.strictObject({
  id: promptIdSchema,
  label: localizedTextSchema(80),
});
export type PromptChoice = z.infer<typeof promptChoiceSchema>;

export const promptConditionsSchema = z.strictObject({
  /** Situations the prompt fits. */
  situations: z.array(z.enum(PROMPT_SITUATIONS)).max(PROMPT_SITUATIONS.length).default([]),
  /** Fits any day: used to fill the remaining places after the situations have had theirs. */
  always: z.boolean().default(false),
  /** Situations in which it must never be asked (a planning question in a run of rejections, say). */
  avoid: z.array(z.enum(PROMPT_SITUATIONS)).max(PROMPT_SITUATIONS.length).default([]),
});

export const reflectionPromptSchema = z
  .strictObject({
    id: promptIdSchema,
    intent: z.enum(PROMPT_INTENTS),
    answerKind: z.enum(['text', 'scale', 'choice']),
    choices: z.array(promptChoiceSchema).min(2).max(6).optional(),
    text: localizedTextSchema(300),
    conditions: promptConditionsSchema,
    /** Days before the same prompt may be asked again; 0 allows it every time. */
    cooldownDays: z.number().int().min(0).max(365),
    /** Relative likelihood among prompts that fit equally well (default 1). */
    weight: z.number().positive().max(100).optional(),
  })
  .superRefine((prompt, ctx) => {
    if (prompt.answerKind === 'choice' && !prompt.choices) {
      ctx.addIssue({ code: 'custom', path: ['choices'], message: 'choices-required' });
    }
    if (prompt.answerKind !== 'choice' && prompt.choices) {
      ctx.addIssue({ code: 'custom', path: ['choices'], message: 'choices-only-for-choice' });
    }
    const ids = prompt.choices?.map((c) => c.id) ?? [];
    if (new Set(ids).size !== ids.length) {
      ctx.addIssue({ code: 'custom', path: ['choices'], message: 'duplicate-id' });
    }
    if (!prompt.conditions.always && prompt.conditions.situations.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['conditions', 'situations'], message: 'no-situation' });
    }
  });
export type ReflectionPrompt = z.output<typeof reflectionPromptSchema>;
export type ReflectionPromptInput = z.input<typeof reflectionPromptSchema>;

const catalogInputSchema = z
  .array(reflectionPromptSchema)
  .min(1)
  .max(5000)
  .superRefine((prompts, ctx) => {
    const seen = new Set<string>();
    prompts.forEach((p, i) => {
      if (seen.has(p.id)) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: 'duplicate-id' });
      seen.add(p.id);
    });
  });

/** A validated, frozen set of prompts. Only `definePromptCatalog` (and the helpers on it) make one. */
export interface PromptCatalog {
  readonly prompts: readonly ReflectionPrompt[];
  get(id: string): ReflectionPrompt | undefined;
}

const madeHere = new WeakSet<PromptCatalog>();

export function isPromptCatalog(value: unknown): value is PromptCatalog {
  return typeof value === 'object' && value !== null && madeHere.has(value as PromptCatalog);
}

/**
 * Validates prompts (any source: code, JSON, a database) into a catalog. Ids must be unique; a bad prompt
 * answers `ReboundError('validation')` naming the field.
 */
export function definePromptCatalog(prompts: readonly ReflectionPromptInput[]): PromptCatalog {
  const parsed = parseInput(catalogInputSchema, prompts);
  const frozen = Object.freeze(parsed.map((p) => deepFreeze(p)));
  const byId = new Map(frozen.map((p) => [p.id, p]));
  const catalog: PromptCatalog = Object.freeze({ prompts: frozen, get: (id: string) => byId.get(id) });
  madeHere.add(catalog);
  return catalog;
}

/** A new catalog with `extra` added; an extra prompt with an id already in `base` replaces that prompt. */
export function extendPromptCatalog(base: PromptCatalog, extra: readonly ReflectionPromptInput[]): PromptCatalog {
  const replaced = new Set(extra.map((p) => (p as { id?: unknown }).id));
  return definePromptCatalog([...base.prompts.filter((p) => !replaced.has(p.id)), ...extra]);
}

/** A new catalog without the prompts whose ids are listed. */
export function withoutPrompts(base: PromptCatalog, ids: readonly string[]): PromptCatalog {
  const drop = new Set(ids);
  return definePromptCatalog(base.prompts.filter((p) => !drop.has(p.id)));
}
