import { createRequire } from 'node:module';
import { type CheckIn, LOCALES, type RejectionLog, reviewTone, selectPrompts, suggestReplies } from '@rebound/core';
import { describe, expect, it } from 'vitest';
import { managerNotificationCard } from './cards/manager';
import { checkInCard } from './cards/rep-forms';
import { myItemsCard } from './cards/rep-views';
import { teamStoryCard } from './cards/team';
import { promptView, replySuggestionView, supportContactView, toneFindingView } from './from-core';
import { checkInItemView, logItemView, myItemFromCheckIn, myItemFromLog, storyFromLog } from './item-views';
import { checkInValuesFrom, logFormValuesFrom } from './parse/form-values';

const AC = createRequire(import.meta.url)('adaptivecards/dist/adaptivecards.js');

function parseMessages(card: unknown): string[] {
  const ctx = new AC.SerializationContext();
  new AC.AdaptiveCard().parse(card, ctx);
  return Array.from({ length: ctx.eventCount }, (_, i) => ctx.getEventAt(i).message as string);
}

const at = '2026-11-20T05:00:00.000Z';
const log: RejectionLog = {
  tenantId: 't',
  id: 'log-1',
  authorId: 'rep-1',
  occurredAt: at,
  customerLabel: '渋谷のパン屋さん',
  stage: 'proposal',
  askedWhy: true,
  reason: 'budget',
  customerWords: '来期にまた声をかけてください。',
  discovery: '春に二号店を出す予定がある。',
  nextStep: { kind: 'follow-up', dueDate: '2027-03-01', note: '3月に連絡' },
  feeling: 'disappointed',
  visibility: 'manager',
  createdAt: at,
  updatedAt: at,
};
const checkIn: CheckIn = {
  tenantId: 't',
  id: 'ci-1',
  authorId: 'rep-1',
  cadence: 'daily',
  periodKey: '2026-11-20',
  answers: [{ promptId: 'unknown-prompt', answer: 'I listened more than I talked.' }],
  pressure: 4,
  energy: 2,
  permissionToNotSell: true,
  supportRequested: true,
  answerPreference: 'just-listen',
  visibility: 'manager',
  submittedAt: at,
  updatedAt: at,
};

describe('cards built from core records and core rule results', () => {
  it.each(LOCALES)('manager notification from suggestReplies and reviewTone (%s)', (locale) => {
    const suggestions = suggestReplies({ kind: 'log', log, authorLogCount: 1 }, { locale, repName: '山田 花子' });
    expect(suggestions.length).toBeGreaterThan(0);
    const draft =
      locale === 'ja' ? '佐藤さんはできているのに、なぜあなたはできないの？' : 'Ken closed his deal, why can’t you?';
    const findings = reviewTone(draft, { locale }).findings;
    expect(findings.length).toBeGreaterThan(0);
    const view = {
      locale,
      repName: '山田 花子',
      item: logItemView(log, locale, 'Asia/Tokyo'),
      supportRequested: false,
      suggestions: suggestions.slice(0, 3).map((s) => replySuggestionView(s, locale)),
      draft,
      toneFindings: null,
    };
    const card = managerNotificationCard(view);
    const reviewed = managerNotificationCard({
      ...view,
      toneFindings: findings.map((f) => toneFindingView(f, locale)),
    });
    expect(parseMessages(card)).toEqual([]);
    expect(parseMessages(reviewed)).toEqual([]);
    const json = JSON.stringify(card);
    expect(json).toContain(suggestions[0]!.reason[locale]);
    const reviewedJson = JSON.stringify(reviewed);
    expect(reviewedJson).toContain(findings[0]!.alternative);
    expect(reviewedJson).toContain(locale === 'ja' ? '他の人との比較' : 'Compares with other people');
    // The log's facts in the manager's language, its dates in the rep's time zone.
    expect(json).toContain(locale === 'ja' ? '予算' : 'Budget');
    expect(json).toContain(locale === 'ja' ? '2026/11/20' : '20 Nov 2026');
  });

  it.each(LOCALES)('check-in card from selectPrompts (%s)', (locale) => {
    const selection = selectPrompts({
      now: '2026-11-24T09:00:00.000Z',
      timeZone: 'Asia/Tokyo',
      personId: 'rep-1',
      recentLogs: [log],
      recentCheckIns: [checkIn],
      trigger: { kind: 'check-in' },
    });
    const prompts = selection.prompts.map((p) => promptView(p, locale));
    expect(prompts.length).toBeGreaterThanOrEqual(2);
    const card = checkInCard({
      locale,
      cadence: 'daily',
      periodKey: '2026-11-24',
      periodLabel: '2026-11-24',
      prompts,
      defaultVisibility: 'private',
    });
    expect(parseMessages(card)).toEqual([]);
    for (const p of prompts) {
      expect(JSON.stringify(card)).toContain(JSON.stringify(p.text).slice(1, -1));
      expect(p.reason).toBe(selection.prompts.find((s) => s.prompt.id === p.id)!.reason[locale]);
    }
  });

  it('check-in item, my items and a story from records', () => {
    const item = checkInItemView(checkIn, [], '20 Nov', 'en', 'Asia/Tokyo');
    expect(item.facts).toContainEqual({ label: 'Pressure', value: '4' });
    expect(item.facts).toContainEqual({ label: "Today I don't have to sell", value: 'Yes' });
    expect(item.texts).toEqual([{ label: 'Your answer', text: 'I listened more than I talked.' }]);
    const mine = myItemsCard({
      locale: 'ja',
      today: '2026-11-24',
      total: 2,
      items: [
        myItemFromLog(log, [{ kind: 'reopened' }], 'ja', 'Asia/Tokyo'),
        myItemFromCheckIn(checkIn, '11月20日', 'ja', 'Asia/Tokyo'),
      ],
    });
    expect(parseMessages(mine)).toEqual([]);
    expect(JSON.stringify(mine)).toContain('その後: 再開');
    const story = teamStoryCard(storyFromLog(log, 'ja', { anonymous: true }));
    expect(JSON.stringify(story)).not.toContain('渋谷のパン屋さん');
  });

  it('support contacts link only https addresses', () => {
    expect(supportContactView({ kind: 'eap', name: 'EAP', contact: 'https://eap.example.com' }).url).toBe(
      'https://eap.example.com/',
    );
    expect(supportContactView({ kind: 'hr', name: 'HR', contact: 'javascript:alert(1)' })).toEqual({
      kind: 'hr',
      name: 'HR',
      detail: 'javascript:alert(1)',
    });
  });
});

describe('a form sent back keeps what was typed', () => {
  it('keeps free text as typed and drops choices that were never offered', () => {
    expect(
      logFormValuesFrom({
        customerLabel: '  ${1+1} **x** ',
        stage: 'bribery',
        reason: 'price',
        askedWhy: 'true',
        occurredOn: 'yesterday',
        visibility: 'team',
      }),
    ).toMatchObject({
      customerLabel: '  ${1+1} **x** ',
      stage: undefined,
      reason: 'price',
      askedWhy: true,
      occurredOn: undefined,
      visibility: 'team',
    });
    expect(
      checkInValuesFrom({ answer_0: 'fine', answer_1: '', pressure: '9', energy: '3' }, ['p1', 'p2']),
    ).toMatchObject({ answers: { p1: 'fine' }, pressure: undefined, energy: 3 });
  });
});
