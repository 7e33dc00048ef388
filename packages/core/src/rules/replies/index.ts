export { DEFAULT_REPLY_TEMPLATES, defaultReplyCatalog } from './default-templates';
export { replyReasons } from './reply-reasons';
export {
  GENERAL_SITUATION,
  REPLY_PLACEHOLDERS,
  REPLY_SITUATION_INFO,
  REPLY_SITUATIONS,
  REPLY_TONES,
  type ReplyPlaceholder,
  type ReplySituation,
  type ReplyTone,
} from './reply-situations';
export {
  defineReplyCatalog,
  extendReplyCatalog,
  GENERAL_TEMPLATES_NEEDED,
  isReplyCatalog,
  placeholdersOf,
  type ReplyCatalog,
  type ReplyTemplate,
  type ReplyTemplateInput,
  replyTemplateSchema,
  withoutTemplates,
} from './reply-template-schema';
export {
  REPLY_RULES,
  type ReplyItem,
  type ReplySuggestion,
  replyItemSchema,
  replySituationsOf,
  type SuggestRepliesOptions,
  suggestReplies,
  suggestRepliesOptionsSchema,
} from './suggest-replies';
