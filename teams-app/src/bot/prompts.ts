import type { PromptView } from '@rebound/cards';
import { type Locale, type RejectionLog, selectPrompts } from '@rebound/core';
import type { Turn } from './turn';

/**
 * The reflection questions core's prompt rules choose for this person now, as the cards show them.
 * The rules get the person's own recent items through the service (never anyone else's).
 */
export async function promptsFor(
  turn: Turn,
  trigger: { kind: 'check-in' } | { kind: 'log'; log: RejectionLog },
): Promise<PromptView[]> {
  const { rebound, now } = turn.deps;
  const mine = await rebound.listMyItems(turn.actor, { limit: 50 });
  const selection = selectPrompts({
    now: now().toISOString(),
    timeZone: turn.person.timeZone,
    personId: turn.actor.personId,
    recentLogs: mine.logs.map((l) => l.log),
    recentCheckIns: mine.checkIns.map((c) => c.checkIn),
    trigger,
  });
  return selection.prompts.map((p) => toView(p, turn.locale));
}

function toView(selected: ReturnType<typeof selectPrompts>['prompts'][number], locale: Locale): PromptView {
  const { prompt, reason } = selected;
  return {
    id: prompt.id,
    text: prompt.text[locale],
    answerKind: prompt.answerKind,
    ...(prompt.choices ? { choices: prompt.choices.map((c) => ({ id: c.id, text: c.label[locale] })) } : {}),
    reason: reason[locale],
  };
}
