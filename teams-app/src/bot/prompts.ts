import { type PromptView, promptView } from '@rebound/cards';
import type { Turn } from './turn';

/** The reflection questions core chooses for this person now, as the cards show them. */
export async function promptsFor(
  turn: Turn,
  trigger: { kind: 'check-in' } | { kind: 'log'; logId: string },
): Promise<PromptView[]> {
  const selection = await turn.deps.rebound.promptsFor(turn.actor, { trigger });
  return selection.prompts.map((p) => promptView(p, turn.locale));
}
