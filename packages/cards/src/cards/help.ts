import { aroundName, label } from '../label-tree';
import { plain } from '../plain-text';
import { type AdaptiveCardJson, CardTemplate } from '../template-engine';
import helpJson from '../templates/help.json';
import supportRequestedJson from '../templates/support-requested.json';
import type { HelpCardData, SupportRequestedCardData } from '../views';
import { localeData } from './common';

export const helpTemplate = new CardTemplate<object>('help', helpJson);
export const supportRequestedTemplate = new CardTemplate<object>('support-requested', supportRequestedJson);

/** Every command the bot understands, in the order the help card lists them. */
export const HELP_COMMANDS = [
  'log',
  'checkin',
  'mine',
  'inbox',
  'me',
  'settings',
  'export',
  'erase',
  'help',
  'channel',
] as const;

/** The commands in the card's language, each with what it does, and buttons for the common ones. */
export function helpCard(view: HelpCardData): AdaptiveCardJson {
  const l = view.locale;
  return helpTemplate.expand({
    ...localeData(l),
    unknown: view.unknownMessage === true,
    commands: HELP_COMMANDS.map((c) => ({ title: label(l, `help.cmd.${c}`), value: label(l, `help.does.${c}`) })),
  });
}

/**
 * Tells a manager that a rep would like to talk. Only that fact and the rep's name: the check-in itself stays
 * as private as the rep chose.
 */
export function supportRequestedCard(view: SupportRequestedCardData): AdaptiveCardJson {
  return supportRequestedTemplate.expand({
    ...localeData(view.locale),
    repName: plain(view.repName),
    text: aroundName(view.locale, 'supportRequested.text'),
  });
}
