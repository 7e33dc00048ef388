import { label } from '../label-tree';
import { excerpt, plain } from '../plain-text';
import { type AdaptiveCardJson, CardTemplate } from '../template-engine';
import nextStepReminderJson from '../templates/next-step-reminder.json';
import type { NextStepReminderCardData } from '../views';
import { localeData } from './common';
import { MAX_EXCERPT } from './rep-views';

export const nextStepReminderTemplate = new CardTemplate<object>('next-step-reminder', nextStepReminderJson);

/**
 * The next step a rep wrote in a rejection log, on the day they set: what they planned, kindly, with a way to
 * record what happened (`item.outcome`, the same form as in my items), change the plan (`item.edit`) or open
 * their items (`mine.refresh`).
 */
export function nextStepReminderCard(view: NextStepReminderCardData): AdaptiveCardJson {
  return nextStepReminderTemplate.expand({
    ...localeData(view.locale),
    logId: view.logId,
    customerLabel: excerpt(view.customerLabel, MAX_EXCERPT),
    kindLabel: label(view.locale, `nextStep.${view.nextStepKind}`),
    note: excerpt(view.nextStepNote, 1000),
    dateLabel: plain(view.dateLabel),
    loggedOnLabel: plain(view.loggedOnLabel),
    today: view.today,
  });
}
