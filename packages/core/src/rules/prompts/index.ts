export { DEFAULT_PROMPTS, defaultPromptCatalog } from './default-prompts';
export { SITUATION_RULES } from './detect-situations';
export { promptReasons } from './prompt-reasons';
export {
  definePromptCatalog,
  extendPromptCatalog,
  isPromptCatalog,
  type PromptCatalog,
  type PromptChoice,
  promptChoiceSchema,
  promptConditionsSchema,
  promptIdSchema,
  type ReflectionPrompt,
  type ReflectionPromptInput,
  reflectionPromptSchema,
  withoutPrompts,
} from './prompt-schema';
export { type PromptSelection, type SelectedPrompt, selectPrompts } from './select-prompts';
export {
  askedPromptSchema,
  type PromptSelectionContext,
  type PromptTrigger,
  promptSelectionContextSchema,
  promptTriggerSchema,
} from './selection-context';
export {
  type DetectedSituation,
  PROMPT_INTENTS,
  PROMPT_SITUATIONS,
  type PromptIntent,
  type PromptSituation,
  WANTED_INTENTS,
} from './situations';
