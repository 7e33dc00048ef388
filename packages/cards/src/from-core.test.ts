import { createRequire } from 'node:module';
import {
  type CheckIn,
  computeTeamInsights,
  type InsightCountRow,
  insightPeriod,
  LOCALES,
  OUTCOME_KINDS,
  REASON_CATEGORIES,
  type ReasonCategory,
  type RejectionLog,
  reviewTone,
  selectPrompts,
  suggestReplies,
} from '@rebound/core';
import { describe, expect, it } from 'vitest';
import { managerNotificationCard } from './cards/manager';
import { nextStepReminderCard } from './cards/reminders';
import { checkInCard } from './cards/rep-forms';
import { myItemsCard } from './cards/rep-views';
import { digestCard, teamStoryCard } from './cards/team';
import { digestFromInsights, promptView, replySuggestionView, supportContactView, toneFindingView } from './from-core';
import {
  checkInItemView,
  formatPeriod,
  logItemView,
  myItemFromCheckIn,
  myItemFromLog,
  nextStepReminderFromLog,
  storyFromLog,
} from './item-views';
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
    expect(reviewedJson).toContain(locale === 'ja' ? 'ほかの人と比べている' : 'Compares with other people');
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
    const item = checkInItemView(checkIn, [], formatPeriod(checkIn.periodKey, 'en'), 'en', 'Asia/Tokyo');
    // Every step of a scale is named; the title is the period, so no second date is shown.
    expect(item.facts).toContainEqual({ label: 'Pressure', value: '4 · A lot' });
    expect(item.facts).toContainEqual({ label: 'Energy', value: '2 · Low' });
    expect(item).toMatchObject({ title: 'Fri 20 Nov', dateLabel: '' });
    const weekly = checkInItemView(
      { ...checkIn, cadence: 'weekly', periodKey: '2026-W48', lastPeriodRating: 5, onTrack: 2 },
      [],
      formatPeriod('2026-W48', 'ja'),
      'ja',
    );
    expect(weekly.title).toBe('11月23日の週');
    expect(weekly.facts).toContainEqual({ label: '今週はどうでしたか', value: '5 · とてもよかった' });
    expect(weekly.facts).toContainEqual({ label: '順調に進んでいると感じますか', value: '2 · あまり感じない' });
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
    // The check-in's line says what it is; its date is its title, shown once.
    expect(JSON.stringify(mine).match(/11月20日/g)).toHaveLength(1);
    expect(JSON.stringify(mine)).toContain('"text":"振り返り"');
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

/** One person's counts for a period, as the Store's `insightCounts` returns them. */
function row(
  personId: string,
  reasons: Partial<Record<ReasonCategory, number>>,
  o: { askedWhy?: number; discovery?: number; followUp?: number; reopened?: number } = {},
): InsightCountRow {
  const all = Object.fromEntries(REASON_CATEGORIES.map((r) => [r, reasons[r] ?? 0])) as Record<ReasonCategory, number>;
  const outcomes = Object.fromEntries(OUTCOME_KINDS.map((k) => [k, 0])) as InsightCountRow['outcomes'];
  outcomes.reopened = o.reopened ?? 0;
  return {
    teamId: 'team-a',
    personId,
    logs: Object.values(all).reduce((a, b) => a + b, 0),
    askedWhy: o.askedWhy ?? 0,
    discovery: o.discovery ?? 0,
    followUp: o.followUp ?? 0,
    reasons: all,
    outcomes,
    checkIns: 0,
  };
}

describe('digest from core team insights', () => {
  // Six reps: five met price and timing once each, asked why once, discovered once in two logs; one met a
  // competitor twice. Only that one person stands behind the competitor figure.
  const rows = [
    ...['p1', 'p2', 'p3', 'p4', 'p5'].map((p, i) =>
      row(p, { price: 1, timing: 1 }, { askedWhy: 1, discovery: i % 2, followUp: 2, reopened: i === 0 ? 1 : 0 }),
    ),
    row('p6', { competitor: 2 }, { askedWhy: 2, followUp: 1 }),
  ];
  const insights = computeTeamInsights({ teamId: 'team-a', rows, k: 5 });
  const period = insightPeriod({
    kind: 'week',
    at: '2026-11-24T03:00:00Z',
    timeZone: 'Asia/Tokyo',
    fiscalYearStartMonth: 4,
  });

  it('shows the figures core shows: people, logs, and rates in percent', () => {
    const digest = digestFromInsights(insights, { teamName: 'Tokyo Sales', locale: 'en', periodLabel: 'Week 48' });
    expect(digest).toMatchObject({
      teamName: 'Tokyo Sales',
      periodLabel: 'Week 48',
      k: 5,
      participants: { value: 6, suppressed: false },
      logs: { value: 12, suppressed: false },
      askedWhyRate: { value: 58.3, suppressed: false },
      discoveryRate: { value: 16.7, suppressed: false },
      followUpRate: { value: 91.7, suppressed: false },
    });
    expect(digest.outcomes.reopened).toEqual({ value: 1, suppressed: false });
    expect(digest.askedWhyTrend).toEqual([]);
  });

  it('keeps hidden what core hid: the one-person reason and its complementary cell, in a fixed order', () => {
    const digest = digestFromInsights(insights, { teamName: 'Tokyo Sales', locale: 'en', periodLabel: 'Week 48' });
    expect(digest.reasons.map((r) => r.category)).toEqual([...REASON_CATEGORIES]);
    const byReason = Object.fromEntries(digest.reasons.map((r) => [r.category, r.count]));
    expect(byReason.competitor).toEqual({ value: null, suppressed: true });
    const hidden = digest.reasons.filter((r) => r.count.suppressed).map((r) => r.category);
    // Subtracting the shown reasons from the shown total must not give the competitor count back.
    expect(hidden.length).toBeGreaterThanOrEqual(2);
    for (const r of digest.reasons) {
      const core = insights.figures.reasons[r.category];
      expect(r.count.suppressed).toBe(core.hidden !== null);
      if (!r.count.suppressed) expect(r.count.value).toBe(core.count);
    }
    const text = JSON.stringify(digestCard(digest));
    expect(text).toContain('Some figures are hidden because fewer than 5 people contributed');
  });

  it('hides everything for a team below k, and the card shows no number of it', () => {
    const small = computeTeamInsights({ teamId: 'team-a', rows: rows.slice(0, 3), k: 5 });
    const digest = digestFromInsights(small, { teamName: 'Small team', locale: 'ja', periodLabel: '第48週' });
    const figures = [
      digest.participants,
      digest.logs,
      digest.askedWhyRate,
      digest.discoveryRate,
      digest.followUpRate,
      ...Object.values(digest.outcomes),
      ...digest.reasons.filter((r) => r.category === 'price' || r.category === 'timing').map((r) => r.count),
    ];
    for (const f of figures) expect(f).toEqual({ value: null, suppressed: true });
    const card = digestCard(digest);
    const facts = JSON.stringify(card.body);
    expect(facts).not.toMatch(/"value":"\d/);
    expect(facts).toContain('非表示');
  });

  it('names a week by its Monday, and adds the current period to a given trend', () => {
    const previous = computeTeamInsights({ teamId: 'team-a', rows: rows.slice(0, 5), k: 5 });
    for (const locale of LOCALES) {
      const digest = digestFromInsights(
        { ...insights, period },
        { teamName: 'Tokyo Sales', locale, trend: [{ label: 'W47', insights: previous }] },
      );
      const week = formatPeriod(period.key, locale);
      expect(digest.periodLabel).toBe(week);
      expect(week).toMatch(locale === 'ja' ? /^\d{1,2}月\d{1,2}日の週$/ : /^Week of \d{1,2} [A-Z][a-z]{2}$/);
      expect(digest.askedWhyTrend).toEqual([
        { label: 'W47', rate: { value: 50, suppressed: false } },
        { label: week, rate: { value: 58.3, suppressed: false } },
      ]);
      // A label the caller gives wins; a quarter keeps core's label.
      expect(digestFromInsights({ ...insights, period }, { teamName: 'T', locale, periodLabel: 'x' }).periodLabel).toBe(
        'x',
      );
      const quarter = { ...period, kind: 'fiscal-quarter' as const, key: 'FY2026-Q3' };
      expect(digestFromInsights({ ...insights, period: quarter }, { teamName: 'T', locale }).periodLabel).toBe(
        period.label[locale],
      );
      expect(parseMessages(digestCard(digest)).filter((m) => !/Chart\./.test(m))).toEqual([]);
    }
  });
});

describe('next-step reminder from a log', () => {
  it.each(LOCALES)('names the customer, the next step, its note and date (%s)', (locale) => {
    const view = nextStepReminderFromLog(log, locale, 'Asia/Tokyo', '2027-03-01');
    expect(view).toMatchObject({ logId: 'log-1', nextStepKind: 'follow-up', nextStepNote: '3月に連絡' });
    const text = JSON.stringify(nextStepReminderCard(view!));
    expect(text).toContain('渋谷のパン屋さん');
    expect(text).toContain('3月に連絡');
    expect(text).toContain(locale === 'ja' ? 'フォローする' : 'Follow up');
    expect(text).toContain(locale === 'ja' ? '2027/03/01' : '1 Mar 2027');
    expect(parseMessages(nextStepReminderCard(view!))).toEqual([]);
  });

  it('is null for a log without a dated next step, or whose next step is none', () => {
    expect(nextStepReminderFromLog({ ...log, nextStep: undefined }, 'en', 'UTC', '2027-03-01')).toBeNull();
    expect(nextStepReminderFromLog({ ...log, nextStep: { kind: 'follow-up' } }, 'en', 'UTC', '2027-03-01')).toBeNull();
    expect(
      nextStepReminderFromLog({ ...log, nextStep: { kind: 'none', dueDate: '2027-03-01' } }, 'en', 'UTC', '2027-03-01'),
    ).toBeNull();
  });
});

describe('check-in sent by the schedule', () => {
  const base = {
    cadence: 'daily' as const,
    periodKey: '2026-11-24',
    periodLabel: '24 Nov',
    prompts: [],
    defaultVisibility: 'private' as const,
  };
  const firstLine = (card: ReturnType<typeof checkInCard>) => (card.body[1] as { text?: string }).text;

  it.each(LOCALES)('a reminder opens with one kind line, no counts, and keeps the same form (%s)', (locale) => {
    const plainCard = checkInCard({ ...base, locale });
    const reminder = checkInCard({ ...base, locale, reminder: true });
    const line = firstLine(reminder)!;
    expect(line).toBe(
      locale === 'ja'
        ? '急ぎではありません。今日少し時間があれば、振り返りはこちらからどうぞ。今日は難しそうなら、それで大丈夫です。'
        : "No rush — if you have a minute today, here is your check-in. If today isn't the day, that's fine too.",
    );
    expect(line).not.toMatch(/\d/);
    // The same inputs and actions as the plain check-in: only the line was added.
    const shape = (card: unknown) => JSON.stringify(card).match(/"(id|verb)":"[^"]+"/g);
    expect(shape(reminder)).toEqual(shape(plainCard));
    expect(reminder.body.length).toBe(plainCard.body.length + 1);
  });

  it('a scheduled check-in says it came at the chosen time; a reminder says only the reminder line', () => {
    expect(firstLine(checkInCard({ ...base, locale: 'en', scheduled: true }))).toBe(
      'Here is your check-in, at the time you chose. A couple of minutes is plenty.',
    );
    const both = JSON.stringify(checkInCard({ ...base, locale: 'en', scheduled: true, reminder: true }));
    expect(both).toContain('No rush');
    expect(both).not.toContain('at the time you chose');
  });
});
