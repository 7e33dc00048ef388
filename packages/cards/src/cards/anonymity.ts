import { plain } from '../plain-text';
import { type AdaptiveCardJson, CardTemplate } from '../template-engine';
import anonymityRefusedJson from '../templates/anonymity-refused.json';
import type { AnonymityRefusedCardData } from '../views';
import { localeData } from './common';

export const anonymityRefusedTemplate = new CardTemplate<object>('anonymity-refused', anonymityRefusedJson);

/**
 * Why an item was not shared anonymously (too few reps in the team could have written it), with the two choices
 * left: share it with one's name (`item.visibility` to `team`), or keep it private (`item.withdraw`).
 */
export function anonymityRefusedCard(view: AnonymityRefusedCardData): AdaptiveCardJson {
  return anonymityRefusedTemplate.expand({
    ...localeData(view.locale),
    itemKind: view.itemKind,
    itemId: view.itemId,
    reason: plain(view.reason),
    saved: view.saved,
  });
}
