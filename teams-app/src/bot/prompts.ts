import { type PromptView, promptView } from '@rebound/cards';
import type { Turn } from './turn';

/**
 * The reflection questions core chooses for this person now, as the cards show them. Core records them as
 * asked, so the next check-in rotates and keeps cool-downs; the same check-in period (`periodKey`: a scheduled
 * one, its reminder) or the same log asks the same questions again.
 */
export async function promptsFor(
  turn: Turn,
  trigger: { kind: 'check-in'; periodKey?: string } | { kind: 'log'; logId: string },
): Promise<PromptView[]> {
  const selection = await turn.deps.rebound.promptsFor(turn.actor, { trigger });
  return selection.prompts.map((p) => promptView(p, turn.locale));
}
