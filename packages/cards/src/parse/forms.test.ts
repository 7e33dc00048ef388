import { isReboundError } from '@rebound/core';
import { describe, expect, it } from 'vitest';
import { managerNotificationCard } from '../cards/manager';
import { settingsCard } from '../cards/me';
import { nextStepReminderCard } from '../cards/reminders';
import { checkInCard, logAckCard, logFormCard, welcomeCard } from '../cards/rep-forms';
import { myItemsCard } from '../cards/rep-views';
import { errorCardFor } from '../error-card';
import { errorSummary } from '../error-summary';
import type { AdaptiveCardJson } from '../template-engine';
import {
  parseCheckInForm,
  parseLogForm,
  parseLogReflection,
  parseManagerDecision,
  parseOutcomeForm,
  parseReplyDraft,
  parseSettingsForm,
  parseVisibilityChange,
} from './forms';
import { actionOf, type ParseResult } from './submitted';

/** What a host sends back when `action` is pressed: the action's data plus every input's current value. */
function submit(card: AdaptiveCardJson, action: string, typed: Record<string, string> = {}): Record<string, unknown> {
  const inputs: Record<string, string> = {};
  let data: Record<string, unknown> | undefined;
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (node && typeof node === 'object') {
      const n = node as Record<string, unknown>;
      if (typeof n.type === 'string' && n.type.startsWith('Input.')) inputs[String(n.id)] = String(n.value ?? '');
      if (n.type === 'Action.Execute' && actionOf(n.data) === action) data = n.data as Record<string, unknown>;
      Object.values(n).forEach(visit);
    }
  };
  visit(card);
  if (!data) throw new Error(`no ${action} action on the card`);
  return { ...data, ...inputs, ...typed };
}

function failed<T>(result: ParseResult<T>): { path: string; message: string }[] {
  if (result.ok) throw new Error('expected a validation error');
  return result.error.localize('en').fields;
}

const ctx = { timeZone: 'Asia/Tokyo', now: new Date('2026-11-24T03:00:00Z') };

describe('rejection log form', () => {
  const card = logFormCard({ locale: 'ja', today: '2026-11-24', defaultVisibility: 'manager' });

  it('turns a filled form into the log input core validates', () => {
    const result = parseLogForm(
      submit(card, 'log.submit', {
        customerLabel: '  渋谷のパン屋さん ',
        occurredOn: '2026-11-20',
        stage: 'proposal',
        reason: 'budget',
        askedWhy: 'true',
        customerWords: '来期にまた',
        nextStepKind: 'follow-up',
        nextStepDate: '2027-03-01',
        feeling: 'disappointed',
      }),
      ctx,
    );
    expect(result).toEqual({
      ok: true,
      value: {
        logId: null,
        input: {
          customerLabel: '渋谷のパン屋さん',
          // Another day than today: that day's local noon in Tokyo.
          occurredAt: '2026-11-20T03:00:00.000Z',
          stage: 'proposal',
          askedWhy: true,
          reason: 'budget',
          customerWords: '来期にまた',
          nextStep: { kind: 'follow-up', dueDate: '2027-03-01' },
          feeling: 'disappointed',
          visibility: 'manager',
        },
      },
    });
  });

  it('takes the moment of logging for a log of today, and keeps the id of an edited log', () => {
    const edit = logFormCard({ locale: 'en', logId: 'log-7', today: '2026-11-24', defaultVisibility: 'private' });
    const result = parseLogForm(
      submit(edit, 'log.submit', { customerLabel: 'A', stage: 'hearing', reason: 'price' }),
      ctx,
    );
    expect(result.ok && result.value).toMatchObject({
      logId: 'log-7',
      input: { occurredAt: '2026-11-24T03:00:00.000Z', askedWhy: false, visibility: 'private' },
    });
  });

  it('names every bad field, in the person’s language, and the error card lists them', () => {
    const result = parseLogForm(
      submit(card, 'log.submit', { customerLabel: '   ', stage: 'bribery', reason: '', visibility: 'everyone' }),
      ctx,
    );
    expect(failed(result).map((f) => f.path)).toEqual(['customerLabel', 'stage', 'reason', 'visibility']);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const errorCard = JSON.stringify(errorCardFor(result.error, 'ja'));
    expect(errorCard).toContain('お客様を入力してください。');
    expect(errorCard).toContain('段階は選択肢の中から選んでください。');
  });

  it('refuses text over the schema limit and control characters', () => {
    const result = parseLogForm(
      submit(card, 'log.submit', {
        customerLabel: 'x'.repeat(121),
        stage: 'proposal',
        reason: 'price',
        learned: 'bell\u0007',
      }),
      ctx,
    );
    expect(failed(result)).toEqual([
      { path: 'customerLabel', message: 'Customer can be at most 120 characters.' },
      { path: 'learned', message: 'What I learned contains characters that cannot be stored.' },
    ]);
  });
});

describe('check-in card', () => {
  const card = checkInCard({
    locale: 'en',
    cadence: 'weekly',
    periodKey: '2026-W48',
    periodLabel: 'week 48',
    defaultVisibility: 'private',
    prompts: [
      { id: 'p-text', text: 'What went well?', answerKind: 'text' },
      { id: 'p-scale', text: 'How kind were you to yourself?', answerKind: 'scale' },
      { id: 'p-choice', text: 'Next?', answerKind: 'choice', choices: [{ id: 'ask', text: 'Ask why' }] },
    ],
  });

  it('turns answers, ratings and toggles into the check-in input', () => {
    const result = parseCheckInForm(
      submit(card, 'checkIn.submit', {
        answer_0: 'I listened.',
        answer_1: '4',
        answer_2: 'ask',
        pressure: '5',
        energy: '2',
        onTrack: '3',
        supportRequested: 'true',
        answerPreference: 'just-listen',
        visibility: 'manager',
      }),
    );
    expect(result).toEqual({
      ok: true,
      value: {
        cadence: 'weekly',
        periodKey: '2026-W48',
        answers: [
          { promptId: 'p-text', answer: 'I listened.' },
          { promptId: 'p-scale', answer: 4 },
          { promptId: 'p-choice', answer: 'ask' },
        ],
        pressure: 5,
        energy: 2,
        onTrack: 3,
        permissionToNotSell: false,
        supportRequested: true,
        answerPreference: 'just-listen',
        visibility: 'manager',
      },
    });
  });

  it('keeps unanswered questions as null and rejects ratings outside 1-5', () => {
    const result = parseCheckInForm(submit(card, 'checkIn.submit', { pressure: '9', energy: '' }));
    expect(failed(result)).toEqual([
      { path: 'pressure', message: 'Pressure can be at most 5.' },
      { path: 'energy', message: 'Energy is required.' },
    ]);
    const ok = parseCheckInForm(submit(card, 'checkIn.submit', { pressure: '1', energy: '1' }));
    expect(ok.ok && ok.value.answers.map((a) => a.answer)).toEqual([null, null, null]);
  });
});

describe('smaller forms', () => {
  it('log acknowledgement: the answer to its question and the chosen visibility', () => {
    const card = logAckCard({
      locale: 'en',
      logId: 'log-1',
      visibility: 'private',
      prompt: { id: 'p-scale', text: 'How was it?', answerKind: 'scale' },
    });
    expect(parseLogReflection(submit(card, 'log.reflect', { answer: '2', visibility: 'team-anonymous' }))).toEqual({
      ok: true,
      value: { logId: 'log-1', answer: { promptId: 'p-scale', answer: 2 }, visibility: 'team-anonymous' },
    });
  });

  it('my items: visibility of one slot, withdraw, and a later outcome', () => {
    const card = myItemsCard({
      locale: 'en',
      today: '2026-11-24',
      total: 2,
      items: ['log-a', 'log-b'].map((itemId) => ({
        itemKind: 'log' as const,
        itemId,
        title: itemId,
        dateLabel: '1 Nov',
        summary: '',
        visibility: 'manager' as const,
        outcomes: [],
      })),
    });
    // Each item's "…" menu offers the other ways to share it; the entry's data says which.
    const menu: Record<string, unknown>[] = [];
    JSON.stringify(card, (_, v) => {
      if (v?.type === 'Action.Execute' && v.verb === 'item.visibility') menu.push(v);
      return v;
    });
    expect(menu.map((a) => [(a.data as { itemId: string }).itemId, (a.data as { to: string }).to, a.mode])).toEqual([
      ['log-a', 'team', 'secondary'],
      ['log-a', 'team-anonymous', 'secondary'],
      ['log-b', 'team', 'secondary'],
      ['log-b', 'team-anonymous', 'secondary'],
    ]);
    expect(parseVisibilityChange(menu[2]!.data as Record<string, unknown>)).toEqual({
      ok: true,
      value: { itemKind: 'log', itemId: 'log-b', visibility: 'team' },
    });
    // A card sent before the menu had a choice per slot (`visibility_<slot>`); its Save still works.
    expect(
      parseVisibilityChange({
        action: 'item.visibility',
        itemKind: 'log',
        itemId: 'log-b',
        slot: '1',
        visibility_1: 'team',
      }),
    ).toEqual({ ok: true, value: { itemKind: 'log', itemId: 'log-b', visibility: 'team' } });
    expect(failed(parseVisibilityChange({ ...(menu[0]!.data as object), to: 'everyone' })).map((f) => f.path)).toEqual([
      'visibility',
    ]);
    expect(parseVisibilityChange(submit(card, 'item.withdraw'))).toMatchObject({
      ok: true,
      value: { visibility: 'private' },
    });
    const outcome = submit(card, 'item.outcome', { outcomeKind_1: 'won-later', outcomeDate_1: '2026-11-20' });
    expect(parseOutcomeForm(outcome)).toEqual({
      ok: true,
      value: { logId: 'log-b', kind: 'won-later', occurredOn: '2026-11-20' },
    });
    expect(failed(parseOutcomeForm({ ...outcome, outcomeKind_1: 'lost' })).map((f) => f.path)).toEqual(['kind']);
  });

  it('manager reply: the edited draft and the suggestion it came from', () => {
    const card = managerNotificationCard({
      locale: 'en',
      repName: 'Hana',
      item: { itemKind: 'log', itemId: 'log-1', title: 'Bakery', dateLabel: '1 Nov', facts: [], texts: [] },
      supportRequested: false,
      suggestions: [{ templateId: 'tpl-1', text: 'Thank you for sharing.', reason: 'first log' }],
      draft: 'Thank you for sharing.',
      toneFindings: null,
    });
    expect(parseReplyDraft(submit(card, 'reply.send'))).toEqual({
      ok: true,
      value: { itemKind: 'log', itemId: 'log-1', templateId: 'tpl-1', text: 'Thank you for sharing.' },
    });
    expect(failed(parseReplyDraft(submit(card, 'reply.send', { draft: ' ' }))).map((f) => f.path)).toEqual(['text']);
  });

  it('manager reply: after a tone check with findings, the send button sends anyway; without findings it does not', () => {
    const base = {
      locale: 'en' as const,
      repName: 'Hana',
      item: { itemKind: 'log' as const, itemId: 'log-1', title: 'Bakery', dateLabel: '1 Nov', facts: [], texts: [] },
      supportRequested: false,
      suggestions: [],
      draft: 'Just try harder.',
    };
    const finding = { category: 'empty-exhortation' as const, excerpt: 'try harder', reason: 'r', alternative: 'a' };
    const flagged = managerNotificationCard({ ...base, toneFindings: [finding] });
    expect(submit(flagged, 'reply.send').sendAnyway).toBe(true);
    expect(JSON.stringify(flagged)).toContain('Send as written');
    const kind = managerNotificationCard({ ...base, toneFindings: [] });
    expect(submit(kind, 'reply.send').sendAnyway).toBeUndefined();
    const unchecked = managerNotificationCard({ ...base, toneFindings: null });
    expect(submit(unchecked, 'reply.send').sendAnyway).toBeUndefined();
  });

  it('manager decision reads its action', () => {
    expect(parseManagerDecision({ action: 'managerRequest.decline', assignmentId: 'a-1' })).toEqual({
      ok: true,
      value: { assignmentId: 'a-1', accept: false },
    });
  });
});

describe('settings card', () => {
  const card = settingsCard({
    locale: 'en',
    values: {
      enabled: true,
      cadence: 'daily',
      checkInDays: [1, 3, 5],
      checkInTime: '17:30',
      timeZone: 'Asia/Tokyo',
      defaultVisibility: 'private',
      language: null,
      shareSignalsWithManagers: false,
      countInTeamStats: true,
    },
  });

  it('round-trips the settings it shows', () => {
    expect(parseSettingsForm(submit(card, 'settings.save'))).toEqual({
      ok: true,
      value: {
        enabled: true,
        cadence: 'daily',
        checkInDays: [1, 3, 5],
        checkInTime: '17:30',
        quietHours: null,
        snoozeUntil: null,
        outOfOffice: [],
        skipDates: [],
        reminderAfterHours: null,
        timeZone: 'Asia/Tokyo',
        language: null,
        answerPreference: null,
        privacy: { defaultVisibility: 'private', shareSignalsWithManagers: false, countInTeamStats: true },
      },
    });
  });

  it('pauses through the chosen day in the person’s time zone, and reads quiet hours and away dates', () => {
    const result = parseSettingsForm(
      submit(card, 'settings.save', {
        snoozeUntil: '2026-12-01',
        quietStart: '21:00',
        quietEnd: '08:00',
        awayFrom: '2026-12-24',
        awayTo: '2027-01-03',
        language: 'ja',
        countInTeamStats: 'false',
      }),
    );
    expect(result.ok && result.value).toMatchObject({
      snoozeUntil: '2026-12-01T15:00:00.000Z',
      quietHours: { start: '21:00', end: '08:00' },
      outOfOffice: [{ from: '2026-12-24', to: '2027-01-03' }],
      language: 'ja',
      privacy: { countInTeamStats: false },
    });
  });

  it('names a bad time zone, a half-given quiet time and an away range that ends before it starts', () => {
    const result = parseSettingsForm(
      submit(card, 'settings.save', {
        timeZone: 'Mars/Olympus',
        quietStart: '21:00',
        awayFrom: '2026-12-24',
        awayTo: '2026-12-01',
        checkInTime: '25:00',
      }),
    );
    expect(failed(result).map((f) => f.path)).toEqual([
      'checkInTime',
      'quietHours.end',
      'outOfOffice.0.to',
      'timeZone',
    ]);
  });
});

describe('settings card: skip dates and the one gentle reminder', () => {
  const card = (
    values: { skipDates?: string[]; reminderAfterHours?: number | null } = {},
    locale: 'ja' | 'en' = 'en',
  ) =>
    settingsCard({
      locale,
      values: {
        enabled: true,
        cadence: 'daily',
        checkInDays: [1, 2, 3, 4, 5],
        checkInTime: '17:30',
        timeZone: 'Asia/Tokyo',
        defaultVisibility: 'private',
        language: null,
        shareSignalsWithManagers: false,
        countInTeamStats: true,
        ...values,
      },
    });

  it('shows the stored skip dates and reminder, and saving the card unchanged keeps them', () => {
    const shown = card({ skipDates: ['2026-12-29', '2027-01-02'], reminderAfterHours: 4 });
    expect(parseSettingsForm(submit(shown, 'settings.save'))).toMatchObject({
      ok: true,
      value: { skipDates: ['2026-12-29', '2027-01-02'], reminderAfterHours: 4 },
    });
  });

  it('is off by default: no reminder and no skip dates', () => {
    const result = parseSettingsForm(submit(card(), 'settings.save'));
    expect(result).toMatchObject({ ok: true, value: { skipDates: [], reminderAfterHours: null } });
  });

  it('offers off, a few hours and a day or two, and keeps an hour set elsewhere', () => {
    const values = (c: AdaptiveCardJson) => {
      const json = JSON.stringify(c);
      const set = json.slice(json.indexOf('"id":"reminderAfterHours"'));
      return [...set.slice(0, set.indexOf(']')).matchAll(/"value":"(\w+)"/g)].map((m) => m[1]);
    };
    expect(values(card())).toEqual(['off', 'off', '2', '4', '12', '24', '48']);
    expect(values(card({ reminderAfterHours: 6 }))).toEqual(['6', 'off', '2', '4', '6', '12', '24', '48']);
  });

  it('reads skip dates typed with commas, spaces, 、 or slashes, adds the picked one, and sorts them once each', () => {
    const result = parseSettingsForm(
      submit(card(), 'settings.save', {
        skipDates: '2027-01-02、2026/12/29, 2026-12-30\n2027-01-02',
        skipDateAdd: '2026-12-28',
        reminderAfterHours: '24',
      }),
    );
    expect(result).toMatchObject({
      ok: true,
      value: { skipDates: ['2026-12-28', '2026-12-29', '2026-12-30', '2027-01-02'], reminderAfterHours: 24 },
    });
  });

  it('names a bad skip date and a reminder outside 1-72 hours, in English and Japanese', () => {
    const result = parseSettingsForm(
      submit(card(), 'settings.save', { skipDates: '2026-12-29, friday', reminderAfterHours: '73' }),
    );
    expect(failed(result).map((f) => f.path)).toEqual(['skipDates.1', 'reminderAfterHours']);
    if (result.ok) return;
    // Core has no label for the reminder field; the cards' error summary names it in the person's language.
    expect(errorSummary(result.error, 'en').fields).toEqual([
      { path: 'skipDates.1', message: 'Skip dates must be a date such as 2026-11-24.' },
      { path: 'reminderAfterHours', message: 'Reminder can be at most 72.' },
    ]);
    const ja = JSON.stringify(errorCardFor(result.error, 'ja'));
    expect(ja).toContain('お休みする日は日付で入力してください（例: 2026-11-24）。');
    expect(ja).toContain('お知らせは72以下にしてください。');
    const en = JSON.stringify(errorCardFor(result.error, 'en'));
    expect(en).toContain('Reminder can be at most 72.');
  });

  it('refuses a zero, a fraction or a word as the reminder, and more than 366 skip dates', () => {
    for (const bad of ['0', '2.5', 'soon']) {
      const result = parseSettingsForm(submit(card(), 'settings.save', { reminderAfterHours: bad }));
      expect(failed(result).map((f) => f.path)).toEqual(['reminderAfterHours']);
    }
    const many = Array.from({ length: 367 }, (_, i) => new Date(Date.UTC(2026, 0, 1 + i)).toISOString().slice(0, 10));
    const result = parseSettingsForm(submit(card(), 'settings.save', { skipDates: many.join(',') }));
    expect(failed(result)).toEqual([{ path: 'skipDates', message: 'Skip dates can be at most 366.' }]);
  });
});

describe('welcome card: opting in to scheduled check-ins', () => {
  const welcome = welcomeCard({ locale: 'ja', countInTeamStats: true, timeZone: 'Asia/Tokyo' });

  /** The data an action sends with `associatedInputs: "none"`: its own data only. */
  function actionData(card: AdaptiveCardJson, title: string): Record<string, unknown> {
    let found: Record<string, unknown> | undefined;
    const visit = (node: unknown): void => {
      if (Array.isArray(node)) node.forEach(visit);
      else if (node && typeof node === 'object') {
        const n = node as Record<string, unknown>;
        if (n.type === 'Action.Execute' && n.title === title) found = n.data as Record<string, unknown>;
        Object.values(n).forEach(visit);
      }
    };
    visit(card);
    if (!found) throw new Error(`no action ${title}`);
    return found;
  }

  it('one tap: check-ins on weekdays at 17:30, through settings.save, changing nothing else', () => {
    const data = actionData(welcome, '平日 17:30 に受け取る');
    expect(actionOf(data)).toBe('settings.save');
    expect(parseSettingsForm(data)).toEqual({
      ok: true,
      value: { enabled: true, cadence: 'daily', checkInDays: [1, 2, 3, 4, 5], checkInTime: '17:30' },
    });
  });

  it('choose days and time: the inputs of its show card', () => {
    const data = submit(welcome, 'settings.save', { checkInDays: '2,4', checkInTime: '08:45' });
    expect(data.form).toBe('schedule-opt-in');
    expect(parseSettingsForm(data)).toEqual({
      ok: true,
      value: { enabled: true, cadence: 'daily', checkInDays: [2, 4], checkInTime: '08:45' },
    });
  });

  it('refuses no days, a day outside Monday-Sunday and a bad time, and turns nothing on', () => {
    const none = parseSettingsForm({ action: 'settings.save', form: 'schedule-opt-in', checkInTime: '17:30' });
    expect(failed(none).map((f) => f.path)).toEqual(['checkInDays']);
    const bad = parseSettingsForm({
      action: 'settings.save',
      form: 'schedule-opt-in',
      checkInDays: '1,8',
      checkInTime: '7pm',
    });
    expect(failed(bad).map((f) => f.path)).toEqual(['checkInDays.1', 'checkInTime']);
    // The opt-in cannot smuggle other settings in: they are not read.
    const extra = parseSettingsForm({
      action: 'settings.save',
      form: 'schedule-opt-in',
      checkInDays: '1',
      checkInTime: '09:00',
      language: 'en',
      countInTeamStats: 'false',
    });
    expect(extra.ok && Object.keys(extra.value).sort()).toEqual(['cadence', 'checkInDays', 'checkInTime', 'enabled']);
  });

  it('is not offered once check-ins are on', () => {
    const on = JSON.stringify(welcomeCard({ locale: 'en', countInTeamStats: true, checkInsOn: true }));
    expect(on).not.toContain('schedule-opt-in');
    expect(on).toContain('Scheduled check-ins are on.');
  });
});

describe('next-step reminder card', () => {
  const card = nextStepReminderCard({
    locale: 'en',
    logId: 'log-9',
    customerLabel: 'the bakery in Shibuya',
    nextStepKind: 'send-information',
    nextStepNote: 'Send the spring catalogue',
    dateLabel: '1 Mar 2027',
    today: '2027-03-01',
  });

  it('records what happened with the same outcome form and verb as my items', () => {
    const result = parseOutcomeForm(
      submit(card, 'item.outcome', { outcomeKind_0: 'reopened', outcomeNote_0: 'They asked for a demo' }),
    );
    expect(result).toEqual({
      ok: true,
      value: { logId: 'log-9', kind: 'reopened', occurredOn: '2027-03-01', note: 'They asked for a demo' },
    });
  });

  it('offers changing the plan (the log form) and opening my items, with verbs the bot already handles', () => {
    expect(submit(card, 'item.edit')).toMatchObject({ action: 'item.edit', itemKind: 'log', itemId: 'log-9' });
    expect(actionOf(submit(card, 'mine.refresh'))).toBe('mine.refresh');
    const text = JSON.stringify(card);
    expect(text).toContain('Send information');
    expect(text).toContain('Send the spring catalogue');
  });
});

describe('error card', () => {
  it('never shows the internal message of an unexpected error', () => {
    const json = JSON.stringify(errorCardFor(new Error('connect ECONNREFUSED 10.0.0.5:5432'), 'en'));
    expect(json).not.toContain('ECONNREFUSED');
    expect(json).toContain('Something went wrong on our side');
  });

  it('is built from the ReboundError a parse returns', () => {
    const result = parseManagerDecision({ action: 'managerRequest.accept' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(isReboundError(result.error, 'validation')).toBe(true);
  });
});
