import { describe, expect, it } from 'vitest';
import { ReboundError } from '../../errors';
import type { AnswerPreference } from '../../records/enums';
import { makeCheckIn, makeLog } from '../prompts/test-fixtures';
import { defaultReplyCatalog } from './default-templates';
import { defineReplyCatalog, extendReplyCatalog, withoutTemplates } from './reply-template-schema';
import { type ReplyItem, type ReplySuggestion, suggestReplies } from './suggest-replies';

const en = { locale: 'en' as const, repName: 'Aki' };
const ja = { locale: 'ja' as const, repName: '佐藤' };

function logItem(overrides: Parameters<typeof makeLog>[0] = {}, extra: Partial<ReplyItem> = {}): ReplyItem {
  return { kind: 'log', log: makeLog(overrides), ...extra } as ReplyItem;
}
function checkInItem(
  overrides: Parameters<typeof makeCheckIn>[0] = {},
  previous = [] as ReturnType<typeof makeCheckIn>[],
) {
  return { kind: 'check-in' as const, checkIn: makeCheckIn(overrides), previousCheckIns: previous };
}
const template = (s: ReplySuggestion) => defaultReplyCatalog.get(s.templateId)!;
const situationsOf = (list: ReplySuggestion[]) => list.flatMap((s) => s.situations);

describe('ranking by situation', () => {
  it('a rep who asked why is first of all thanked for asking', () => {
    const result = suggestReplies(logItem({ askedWhy: true }), en);
    expect(result).toHaveLength(3);
    expect(result[0]?.situations[0]).toBe('asked-why');
    expect(result[0]?.templateId).toBe('asked-why.thank-you');
    expect(result[0]?.text).toBe(
      'Aki, you asked Sakura Bakery why they said no. That takes nerve, and it is exactly the habit that pays off over time. Thanks for sharing it.',
    );
    expect(result[0]?.reason.en).toContain('Aki asked the customer why');
    expect(result[0]?.reason.ja).toContain('Akiさんはお客様に理由を聞いています');
  });

  it('a discovery is valued for itself', () => {
    const result = suggestReplies(logItem({ discovery: 'They are merging with another company.' }), en);
    expect(result[0]?.situations).toContain('discovery-made');
    expect(result[0]?.reason.en).toContain('discovered something');
  });

  it('asking why and discovering both get answered, not just the heavier one', () => {
    const result = suggestReplies(logItem({ askedWhy: true, discovery: 'New budget owner from April.' }), en);
    expect(situationsOf(result)).toEqual(expect.arrayContaining(['asked-why', 'discovery-made']));
  });

  it('feeling off track after a very strong period: natural, and relationships matter', () => {
    const before = makeCheckIn({ submittedAt: '2026-10-01T09:00:00Z', lastPeriodRating: 5 });
    const result = suggestReplies(checkInItem({ onTrack: 2 }, [before]), en);
    expect(result[0]?.situations[0]).toBe('strong-then-off-track');
    expect(result[0]?.text).toContain('natural');
    expect(result[0]?.text).toContain('relationships');
    const inJapanese = suggestReplies(checkInItem({ onTrack: 1, lastPeriodRating: 5 }), ja);
    expect(inJapanese[0]?.text).toContain('自然なこと');
  });

  it('a rating of 5 that came after feeling off track does not count as the strong period before it', () => {
    const later = makeCheckIn({ submittedAt: '2026-12-01T09:00:00Z', lastPeriodRating: 5 });
    const result = suggestReplies(checkInItem({ onTrack: 2 }, [later]), en);
    expect(situationsOf(result)).not.toContain('strong-then-off-track');
  });

  it('asking for support comes before everything else', () => {
    const result = suggestReplies(checkInItem({ supportRequested: true, pressure: 5, energy: 1 }), en);
    expect(result[0]?.situations[0]).toBe('support-requested');
    expect(result[0]?.reason.en).toContain('would like to talk');
  });

  it('sharing with the team is thanked', () => {
    const result = suggestReplies(logItem({ visibility: 'team' }), en);
    expect(situationsOf(result)).toContain('shared-with-team');
    const anonymous = suggestReplies(checkInItem({ visibility: 'team-anonymous' }), en);
    expect(situationsOf(anonymous)).toContain('shared-with-team');
  });

  it('a first log gets a welcome, a later one does not', () => {
    expect(situationsOf(suggestReplies(logItem({}, { authorLogCount: 1 }), en))).toContain('first-log');
    expect(situationsOf(suggestReplies(logItem({}, { authorLogCount: 2 }), en))).not.toContain('first-log');
  });

  it('a run of rejections is met with care, never with homework', () => {
    const earlier = [
      makeLog({ occurredAt: '2026-11-23T03:00:00Z' }),
      makeLog({ occurredAt: '2026-11-23T06:00:00Z' }),
      makeLog({ occurredAt: '2026-11-20T06:00:00Z', authorId: 'someone-else' }),
    ];
    const result = suggestReplies(
      logItem(
        { occurredAt: '2026-11-24T01:00:00Z', discovery: 'x', nextStep: { kind: 'follow-up' } },
        { recentLogs: earlier },
      ),
      en,
    );
    expect(result[0]?.situations[0]).toBe('rejection-streak');
    const ids = result.map((s) => s.templateId);
    for (const homework of ['discovery.tell-the-team', 'next-step.timing', 'log.ask-for-next-time']) {
      expect(ids).not.toContain(homework);
    }
  });

  it('five rejections in a week are a long streak; logs of other people or after this one do not count', () => {
    const week = ['2026-11-18', '2026-11-19', '2026-11-20', '2026-11-22'].map((d) =>
      makeLog({ occurredAt: `${d}T03:00:00Z` }),
    );
    const long = suggestReplies(logItem({ occurredAt: '2026-11-24T01:00:00Z' }, { recentLogs: week }), en);
    expect(long[0]?.situations[0]).toBe('rejection-streak');
    const notMine = week.map((l) => ({ ...l, authorId: 'rep-2' }));
    const later = [makeLog({ occurredAt: '2026-11-24T05:00:00Z' }), makeLog({ occurredAt: '2026-11-24T06:00:00Z' })];
    for (const recentLogs of [notMine, later]) {
      const result = suggestReplies(logItem({ occurredAt: '2026-11-24T01:00:00Z' }, { recentLogs }), en);
      expect(situationsOf(result)).not.toContain('rejection-streak');
    }
  });

  it('"today I don\'t have to sell" is backed', () => {
    const result = suggestReplies(checkInItem({ permissionToNotSell: true }), en);
    expect(result[0]?.situations).toContain('permission-to-not-sell');
  });

  it('high pressure and low energy are acknowledged', () => {
    expect(situationsOf(suggestReplies(checkInItem({ pressure: 4 }), en))).toContain('high-pressure');
    expect(situationsOf(suggestReplies(checkInItem({ energy: 2 }), en))).toContain('low-energy');
  });

  it('answers to the reflection questions are noticed', () => {
    const result = suggestReplies(checkInItem({ answers: [{ promptId: 'p', answer: 'A quiet week.' }] }), en);
    expect(situationsOf(result)).toContain('reflection-shared');
  });

  it('an ordinary log or check-in still gets three warm general replies', () => {
    for (const item of [logItem(), checkInItem()]) {
      const result = suggestReplies(item, ja);
      expect(result).toHaveLength(3);
      for (const s of result) expect(s.situations).toEqual([item.kind === 'log' ? 'log-shared' : 'check-in-shared']);
    }
  });

  it('never suggests a template for a situation the item is not in', () => {
    const result = suggestReplies(logItem({ askedWhy: false }), en);
    for (const s of result) expect(template(s).situations).not.toContain('asked-why');
  });
});

describe('how the rep wants to be answered', () => {
  const items = [
    logItem({ askedWhy: true, feeling: 'frustrated' }),
    logItem({ discovery: 'x', nextStep: { kind: 'propose-again' } }),
    checkInItem({ supportRequested: true }),
    checkInItem({ pressure: 5, energy: 1 }),
    checkInItem({ onTrack: 1, lastPeriodRating: 5 }),
    checkInItem({}),
  ];

  it('"just listen" gets no advice', () => {
    for (const item of items) {
      const result = suggestReplies(item, { ...en, answerPreference: 'just-listen' });
      expect(result).toHaveLength(3);
      for (const s of result) {
        expect(template(s).preferences).toContain('just-listen');
        expect(template(s).tone).not.toBe('practical');
        expect(s.reason.en).toContain('gives no advice');
        expect(s.reason.ja).toContain('アドバイスは含めていません');
      }
    }
  });

  it('"advice" and "think it through together" get templates written for them', () => {
    for (const preference of ['advice', 'think-together'] as AnswerPreference[]) {
      for (const item of items) {
        const result = suggestReplies(item, { ...en, answerPreference: preference });
        for (const s of result) expect(template(s).preferences).toContain(preference);
        expect(result.some((s) => template(s).preferences.length === 1)).toBe(true);
      }
    }
  });

  it("the choice made on the item wins over the rep's standing setting, which counts only without one", () => {
    // "Just listen" on this check-in, "advice" in the rep's settings: this check-in is only listened to.
    const checkIn = checkInItem({ answerPreference: 'just-listen', pressure: 5 });
    for (const s of suggestReplies(checkIn, { ...en, answerPreference: 'advice' })) {
      expect(template(s).preferences).toContain('just-listen');
      expect(s.reason.en).toContain('gives no advice');
    }
    // A log carries a choice too, both ways.
    const log = logItem({ askedWhy: true, answerPreference: 'advice' });
    for (const s of suggestReplies(log, { ...en, answerPreference: 'just-listen' })) {
      expect(template(s).preferences).toContain('advice');
    }
    const listenLog = logItem({ askedWhy: true, answerPreference: 'just-listen' });
    for (const s of suggestReplies(listenLog, { ...en, answerPreference: 'advice' })) {
      expect(template(s).preferences).toContain('just-listen');
    }
    // Without a choice on the item, the standing setting applies.
    for (const s of suggestReplies(checkInItem({ pressure: 5 }), { ...en, answerPreference: 'advice' })) {
      expect(template(s).preferences).toContain('advice');
    }
    for (const s of suggestReplies(logItem({ askedWhy: true }), { ...en, answerPreference: 'just-listen' })) {
      expect(template(s).preferences).toContain('just-listen');
    }
  });
});

describe('filling and variety', () => {
  it('never repeats the last template used with this rep', () => {
    const item = logItem({ askedWhy: true });
    const first = suggestReplies(item, en);
    const next = suggestReplies(item, { ...en, lastTemplateId: first[0]!.templateId });
    expect(next).toHaveLength(3);
    expect(next.map((s) => s.templateId)).not.toContain(first[0]!.templateId);
    expect(next[0]?.situations[0]).toBe('asked-why');
  });

  it('fills names and customers exactly as written, adding no markup and not re-reading them', () => {
    const repName = '<b>Ann</b> {customer} $& **x**';
    const customerLabel = '_Acme_ & {repName} <script>';
    const result = suggestReplies(logItem({ askedWhy: true, customerLabel }), { locale: 'en', repName });
    const top = result[0]!;
    expect(top.templateId).toBe('asked-why.thank-you');
    expect(top.text).toBe(
      `${repName}, you asked ${customerLabel} why they said no. That takes nerve, and it is exactly the habit that pays off over time. Thanks for sharing it.`,
    );
    expect(top.reason.en.startsWith(`${repName} asked`)).toBe(true);
  });

  it("uses the manager's name only when it is given", () => {
    const item = checkInItem({ supportRequested: true });
    const catalog = extendReplyCatalog(defaultReplyCatalog, [
      { ...defaultReplyCatalog.get('support.signed')!, preferences: ['advice'] },
    ]);
    const withName = suggestReplies(item, { ...en, managerName: 'Mori', answerPreference: 'advice', catalog });
    expect(withName.map((s) => s.templateId)).toContain('support.signed');
    expect(withName.find((s) => s.templateId === 'support.signed')?.text).toContain('– Mori');
    const without = suggestReplies(item, { ...en, answerPreference: 'advice', catalog });
    expect(without.map((s) => s.templateId)).not.toContain('support.signed');
  });

  it('speaks the manager’s language', () => {
    const item = logItem({ askedWhy: true });
    expect(suggestReplies(item, ja)[0]?.text).toMatch(/^佐藤さん、Sakura Bakeryで断られた理由/);
    expect(suggestReplies(item, en)[0]?.text).toMatch(/^Aki, you asked/);
  });

  it('gives the same suggestions for the same input', () => {
    const item = logItem({ askedWhy: true, discovery: 'x' }, { authorLogCount: 1 });
    expect(suggestReplies(item, en)).toEqual(suggestReplies(structuredClone(item), { ...en }));
  });
});

describe('catalogs are replaceable', () => {
  it('an added template is suggested when it fits best', () => {
    const catalog = extendReplyCatalog(defaultReplyCatalog, [
      {
        id: 'acme.asked-why',
        situations: ['asked-why', 'discovery-made'],
        tone: 'grateful',
        preferences: ['advice', 'think-together', 'just-listen'],
        text: {
          en: 'Thanks for asking {customer} why, {repName}.',
          ja: '{customer}に理由を聞いてくれてありがとう、{repName}さん。',
        },
      },
    ]);
    const result = suggestReplies(logItem({ askedWhy: true, discovery: 'x' }), { ...en, catalog });
    expect(result[0]?.templateId).toBe('acme.asked-why');
    expect(result[0]?.text).toBe('Thanks for asking Sakura Bakery why, Aki.');
  });

  it('templates can be removed while enough general ones remain', () => {
    const fewer = withoutTemplates(defaultReplyCatalog, ['asked-why.thank-you']);
    const result = suggestReplies(logItem({ askedWhy: true }), { ...en, catalog: fewer });
    expect(result.map((s) => s.templateId)).not.toContain('asked-why.thank-you');
    expect(result[0]?.situations[0]).toBe('asked-why');
  });

  it('refuses a catalog too thin to always give three replies', () => {
    const thin = defaultReplyCatalog.templates.filter((t) => !t.preferences.includes('just-listen'));
    expect(() => defineReplyCatalog(thin)).toThrow(ReboundError);
  });
});

describe('bad input', () => {
  it('answers ReboundError naming the fields', () => {
    const error = catchError(() => suggestReplies({ kind: 'log' } as never, { locale: 'fr', repName: '' } as never));
    expect(error).toBeInstanceOf(ReboundError);
    expect((error as ReboundError).code).toBe('validation');
    expect((error as ReboundError).fields.map((f) => f.path)).toEqual(['log']);
    const options = catchError(() =>
      suggestReplies(logItem(), { locale: 'fr', repName: ' ' } as never),
    ) as ReboundError;
    expect(options.fields.map((f) => f.path).sort()).toEqual(['locale', 'repName']);
  });

  it('refuses a catalog that did not come from defineReplyCatalog', () => {
    const fake = { templates: [] };
    expect(() => suggestReplies(logItem(), { ...en, catalog: fake } as never)).toThrow(ReboundError);
  });
});

function catchError(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}
