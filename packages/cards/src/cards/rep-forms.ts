import { errorBlockData } from '../error-summary';
import { aroundName, label } from '../label-tree';
import { plain } from '../plain-text';
import { type AdaptiveCardJson, CardTemplate } from '../template-engine';
import checkInJson from '../templates/check-in.json';
import logAckJson from '../templates/log-ack.json';
import logFormJson from '../templates/log-form.json';
import welcomeJson from '../templates/welcome.json';
import type { CheckInCardData, LogAckCardData, LogFormCardData, PromptView, WelcomeCardData } from '../views';
import { localeData, str } from './common';

export const welcomeTemplate = new CardTemplate<object>('welcome', welcomeJson);
export const logFormTemplate = new CardTemplate<object>('log-form', logFormJson);
export const logAckTemplate = new CardTemplate<object>('log-ack', logAckJson);
export const checkInTemplate = new CardTemplate<object>('check-in', checkInJson);

export function welcomeCard(view: WelcomeCardData): AdaptiveCardJson {
  return welcomeTemplate.expand({
    ...localeData(view.locale),
    name: plain(view.displayName),
    greeting: aroundName(view.locale, 'welcome.greeting'),
    statsOn: view.countInTeamStats,
    statsText: label(view.locale, 'welcome.statsText', { k: view.k ?? 5 }),
    checkInsOn: view.checkInsOn === true,
    timeZone: plain(view.timeZone),
  });
}

export function logFormData(view: LogFormCardData): object {
  const v = view.values ?? {};
  return {
    ...localeData(view.locale),
    title: label(view.locale, view.logId ? 'log.editTitle' : 'log.title'),
    errors: errorBlockData(view.errors),
    logId: str(view.logId),
    today: view.today,
    v: {
      customerLabel: str(v.customerLabel),
      occurredOn: v.occurredOn ?? view.today,
      stage: str(v.stage),
      askedWhy: v.askedWhy ? 'true' : 'false',
      reason: str(v.reason),
      customerWords: str(v.customerWords),
      discovery: str(v.discovery),
      nextStepKind: str(v.nextStepKind),
      nextStepNote: str(v.nextStepNote),
      nextStepDate: str(v.nextStepDate),
      feeling: str(v.feeling),
      learned: str(v.learned),
      answerPreference: str(v.answerPreference ?? view.answerPreference),
      visibility: v.visibility ?? view.defaultVisibility,
    },
  };
}

export function logFormCard(view: LogFormCardData): AdaptiveCardJson {
  return logFormTemplate.expand(logFormData(view));
}

function promptData(prompt: PromptView, index: number, value: string | undefined) {
  return {
    id: prompt.id,
    inputId: `answer_${index}`,
    text: plain(prompt.text),
    reason: plain(prompt.reason),
    kind: prompt.answerKind,
    choices: (prompt.choices ?? []).map((c) => ({ title: plain(c.text), value: c.id })),
    value: str(value),
  };
}

export function logAckCard(view: LogAckCardData): AdaptiveCardJson {
  return logAckTemplate.expand({
    ...localeData(view.locale),
    logId: view.logId,
    hasPrompt: view.prompt !== null,
    prompt: view.prompt
      ? promptData(view.prompt, 0, undefined)
      : { id: '', text: '', reason: '', kind: '', choices: [] },
    visibility: view.visibility,
  });
}

export function checkInData(view: CheckInCardData): object {
  const v = view.values ?? {};
  return {
    ...localeData(view.locale),
    lead: view.reminder
      ? label(view.locale, 'checkIn.reminder')
      : view.scheduled
        ? label(view.locale, 'checkIn.scheduled')
        : '',
    intro: label(view.locale, 'checkIn.intro', { period: plain(view.periodLabel) }),
    errors: errorBlockData(view.errors),
    cadence: view.cadence,
    lastPeriodLabel: label(
      view.locale,
      view.cadence === 'weekly' ? 'checkIn.lastPeriod.weekly' : 'checkIn.lastPeriod.daily',
    ),
    periodKey: view.periodKey,
    prompts: view.prompts.slice(0, 3).map((p, i) => promptData(p, i, v.answers?.[p.id])),
    promptRefs: view.prompts.slice(0, 3).map((p) => ({ id: p.id, kind: p.answerKind })),
    v: {
      pressure: str(v.pressure),
      energy: str(v.energy),
      lastPeriodRating: str(v.lastPeriodRating),
      onTrack: str(v.onTrack),
      permissionToNotSell: v.permissionToNotSell ? 'true' : 'false',
      supportRequested: v.supportRequested ? 'true' : 'false',
      answerPreference: str(v.answerPreference ?? view.answerPreference),
      note: str(v.note),
      visibility: v.visibility ?? view.defaultVisibility,
    },
  };
}

export function checkInCard(view: CheckInCardData): AdaptiveCardJson {
  return checkInTemplate.expand(checkInData(view));
}
