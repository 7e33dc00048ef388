import type { PromptView } from '@rebound/cards';
import type { Locale, SelectedPrompt } from '@rebound/core';
import type { Turn } from './turn';

/** The reflection questions core chooses for this person now, as the cards show them. */
export async function promptsFor(
  turn: Turn,
  trigger: { kind: 'check-in' } | { kind: 'log'; logId: string },
): Promise<PromptView[]> {
  const selection = await turn.deps.rebound.promptsFor(turn.actor, { trigger });
  return selection.prompts.map((p) => toView(p, turn.locale));
}

function toView({ prompt, reason }: SelectedPrompt, locale: Locale): PromptView {
  return {
    id: prompt.id,
    text: prompt.text[locale],
    answerKind: prompt.answerKind,
    ...(prompt.choices ? { choices: prompt.choices.map((c) => ({ id: c.id, text: c.label[locale] })) } : {}),
    reason: reason[locale],
  };
}
