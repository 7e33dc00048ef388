import type { Locale, ReplySuggestion, SelectedPrompt, SupportContact, ToneFinding } from '@rebound/core';
import { safeLinkUrl } from './plain-text';
import type { PromptView, ReplySuggestionView, SupportContactView, ToneFindingView } from './views';

// Core's rules answer in both languages; a card shows one. These pick the card's language from rule results.

export function promptView(selected: SelectedPrompt, locale: Locale): PromptView {
  const { prompt, reason } = selected;
  return {
    id: prompt.id,
    text: prompt.text[locale],
    answerKind: prompt.answerKind,
    ...(prompt.choices ? { choices: prompt.choices.map((c) => ({ id: c.id, text: c.label[locale] })) } : {}),
    reason: reason[locale],
  };
}

export function replySuggestionView(suggestion: ReplySuggestion, locale: Locale): ReplySuggestionView {
  return { templateId: suggestion.templateId, text: suggestion.text, reason: suggestion.reason[locale] };
}

export function toneFindingView(finding: ToneFinding, locale: Locale): ToneFindingView {
  return {
    category: finding.category,
    excerpt: finding.excerpt,
    reason: finding.reason[locale],
    alternative: finding.alternative,
  };
}

/** A configured support contact: its contact line shown as text, and as a link when it is an https address. */
export function supportContactView(contact: SupportContact): SupportContactView {
  const url = safeLinkUrl(contact.contact);
  return { kind: contact.kind, name: contact.name, detail: contact.contact, ...(url ? { url } : {}) };
}
