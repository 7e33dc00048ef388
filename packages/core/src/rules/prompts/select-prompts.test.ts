import { describe, expect, it } from 'vitest';
import { isReboundError, ReboundError } from '../../errors';
import { defaultPromptCatalog } from './default-prompts';
import { definePromptCatalog, extendPromptCatalog, withoutPrompts } from './prompt-schema';
import { selectPrompts } from './select-prompts';
import { makeCheckIn, makeLog } from './test-fixtures';

const tz = 'Asia/Tokyo';
// Wednesday 18 November 2026, 10:00 in Tokyo: mid-quarter for an April fiscal year.
const now = '2026-11-18T10:00:00+09:00';
const base = { now, timeZone: tz };

const countWords = /how many|number of|visits|calls made|何件|件数|訪問数|架電/i;

function intents(result: ReturnType<typeof selectPrompts>) {
  return result.prompts.map((p) => p.prompt.intent);
}
function ids(result: ReturnType<typeof selectPrompts>) {
  return result.prompts.map((p) => p.prompt.id);
}

describe('a streak of rejections (3 or more in two days)', () => {
  const streak = [
    makeLog({ occurredAt: '2026-11-17T02:00:00Z' }),
    makeLog({ occurredAt: '2026-11-17T07:00:00Z' }),
    makeLog({ occurredAt: '2026-11-18T00:30:00Z' }),
  ];

  it('asks for permission and self-compassion first', () => {
    const result = selectPrompts({ ...base, recentLogs: streak });
    expect(result.situations[0]?.id).toBe('rejection-streak');
    expect(intents(result)).toEqual(['permission', 'self-compassion']);
    expect(result.prompts.every((p) => p.situation === 'rejection-streak')).toBe(true);
  });

  it('never asks about activity counts, even with three prompts at quarter end', () => {
    for (const day of ['2026-11-18', '2026-12-24', '2026-12-30']) {
      const logs = streak.map((l, i) => ({ ...l, occurredAt: `${day}T0${i}:00:00+09:00` }));
      const result = selectPrompts({ ...base, now: `${day}T18:00:00+09:00`, recentLogs: logs, count: 3 });
      expect(result.prompts).toHaveLength(3);
      for (const chosen of result.prompts) {
        expect(['permission', 'self-compassion']).toContain(chosen.prompt.intent);
        expect(chosen.prompt.text.en).not.toMatch(countWords);
        expect(chosen.prompt.text.ja).not.toMatch(countWords);
      }
    }
  });

  it('says why without counting the rejections back at the rep', () => {
    const result = selectPrompts({ ...base, recentLogs: streak });
    expect(result.prompts[0]?.reason.en).toContain('last two days');
    expect(result.prompts[0]?.reason.ja).toContain('ここ2日');
    expect(result.prompts[0]?.reason.en).not.toMatch(/\d/);
  });

  it('is not a streak with two rejections, or with three spread over three days', () => {
    const two = selectPrompts({ ...base, recentLogs: streak.slice(1) });
    expect(two.situations.map((s) => s.id)).not.toContain('rejection-streak');
    const spread = selectPrompts({
      ...base,
      recentLogs: [...streak.slice(1), makeLog({ occurredAt: '2026-11-16T01:00:00Z' })],
    });
    expect(spread.situations.map((s) => s.id)).not.toContain('rejection-streak');
  });

  it("counts days in the rep's own time zone", () => {
    // The same moment: the 18th, 22:00 in Tokyo but 08:00 in New York. The log at 15:30 UTC on the 16th
    // is already the 17th in Tokyo ("yesterday") but still the 16th in New York (two days ago).
    const logs = [...streak.slice(1), makeLog({ occurredAt: '2026-11-16T15:30:00Z' })];
    const moment = '2026-11-18T13:00:00Z';
    const tokyo = selectPrompts({ now: moment, timeZone: 'Asia/Tokyo', recentLogs: logs });
    expect(tokyo.situations[0]?.id).toBe('rejection-streak');
    const ny = selectPrompts({ now: moment, timeZone: 'America/New_York', recentLogs: logs });
    expect(ny.situations.map((s) => s.id)).not.toContain('rejection-streak');
  });
});

describe('a rejection where the rep asked why', () => {
  const asked = makeLog({ occurredAt: '2026-11-17T05:00:00Z', askedWhy: true, customerLabel: 'Kobe <Tools> & Co' });

  it('turns the check-in to discovery and follow-up', () => {
    const result = selectPrompts({ ...base, recentLogs: [asked] });
    expect(result.situations[0]?.id).toBe('asked-why');
    expect(intents(result)).toEqual(['discovery', 'follow-up']);
  });

  it('names the customer in the reason exactly as the rep wrote it', () => {
    const result = selectPrompts({ ...base, recentLogs: [asked] });
    expect(result.prompts[0]?.reason.en).toContain('You asked Kobe <Tools> & Co why');
    expect(result.prompts[0]?.reason.ja).toContain('Kobe <Tools> & Coに断られた理由を聞けました');
  });

  it('after logging it, acknowledges with one discovery question about that log', () => {
    const result = selectPrompts({ ...base, trigger: { kind: 'log', log: asked } });
    expect(result.prompts).toHaveLength(1);
    expect(result.prompts[0]?.prompt.intent).toBe('discovery');
    expect(result.prompts[0]?.situation).toBe('asked-why');
  });

  it('a log without asking why gets a light look back instead', () => {
    const log = makeLog({ occurredAt: '2026-11-18T00:00:00Z' });
    const result = selectPrompts({ ...base, trigger: { kind: 'log', log } });
    expect(result.prompts[0]?.situation).toBe('just-logged');
    expect(result.prompts[0]?.prompt.intent).toBe('dialogue');
  });

  it('the third log of a streak is acknowledged with permission, not with homework', () => {
    const earlier = [makeLog({ occurredAt: '2026-11-17T02:00:00Z' }), makeLog({ occurredAt: '2026-11-17T03:00:00Z' })];
    const result = selectPrompts({ ...base, recentLogs: earlier, trigger: { kind: 'log', log: asked } });
    expect(result.prompts[0]?.prompt.intent).toBe('permission');
  });

  it('a discovery leads to follow-up and sharing with the team', () => {
    const found = makeLog({ occurredAt: '2026-11-17T05:00:00Z', discovery: 'They are moving offices in spring.' });
    const result = selectPrompts({ ...base, recentLogs: [found] });
    expect(result.situations[0]?.id).toBe('discovery-made');
    expect(intents(result)).toEqual(['follow-up', 'team-share']);
  });
});

describe('pressure rising for two weeks or more', () => {
  const rising = [
    makeCheckIn({ submittedAt: '2026-11-03T09:00:00Z', pressure: 2 }),
    makeCheckIn({ submittedAt: '2026-11-10T09:00:00Z', pressure: 3 }),
    makeCheckIn({ submittedAt: '2026-11-12T09:00:00Z', pressure: 3 }),
    makeCheckIn({ submittedAt: '2026-11-17T09:00:00Z', pressure: 4 }),
  ];

  it('offers self-compassion and a way to ask for support', () => {
    const result = selectPrompts({ ...base, recentCheckIns: rising });
    expect(result.situations[0]?.id).toBe('pressure-rising');
    expect(intents(result)).toEqual(['self-compassion', 'dialogue']);
    const offer = result.prompts[1]!.prompt;
    expect(offer.id).toBe('dialogue.talk-to-someone');
    expect(offer.choices?.map((c) => c.id)).toContain('talk-manager');
    expect(result.prompts[0]?.reason.en).toContain('2 weeks');
    expect(result.prompts[0]?.reason.ja).toContain('2週間');
  });

  it('one week of rising is not enough, and a week without check-ins breaks the run', () => {
    expect(selectPrompts({ ...base, recentCheckIns: rising.slice(1) }).situations[0]?.id).toBe('default');
    const withGap = [
      makeCheckIn({ submittedAt: '2026-10-27T09:00:00Z', pressure: 1 }),
      makeCheckIn({ submittedAt: '2026-11-03T09:00:00Z', pressure: 2 }),
      makeCheckIn({ submittedAt: '2026-11-17T09:00:00Z', pressure: 4 }),
    ];
    expect(selectPrompts({ ...base, recentCheckIns: withGap }).situations.map((s) => s.id)).not.toContain(
      'pressure-rising',
    );
  });

  it('a rise that is over (an older run) does not count', () => {
    const old = rising.map((c) => ({ ...c, submittedAt: c.submittedAt.replace('2026-11', '2026-10') }));
    expect(selectPrompts({ ...base, recentCheckIns: old }).situations.map((s) => s.id)).not.toContain(
      'pressure-rising',
    );
  });
});

describe('a very strong previous period, then feeling off track', () => {
  const strong = makeCheckIn({ submittedAt: '2026-10-28T09:00:00Z', lastPeriodRating: 5, onTrack: 4 });
  const offTrack = makeCheckIn({ submittedAt: '2026-11-17T09:00:00Z', onTrack: 2 });

  it('reassures that this is natural and turns to relationships', () => {
    const result = selectPrompts({ ...base, recentCheckIns: [strong, offTrack] });
    expect(result.situations[0]?.id).toBe('strong-then-off-track');
    expect(intents(result)).toEqual(['reassurance', 'relationship']);
    expect(result.prompts[0]?.reason.en).toContain('natural');
    expect(result.prompts[0]?.reason.ja).toContain('自然なこと');
  });

  it('also when both feelings are in the same check-in', () => {
    const both = makeCheckIn({ submittedAt: '2026-11-17T09:00:00Z', lastPeriodRating: 5, onTrack: 1 });
    expect(selectPrompts({ ...base, recentCheckIns: [both] }).situations[0]?.id).toBe('strong-then-off-track');
  });

  it('feeling off track without a strong period before is not this situation', () => {
    const plain = makeCheckIn({ submittedAt: '2026-10-28T09:00:00Z', lastPeriodRating: 4 });
    const result = selectPrompts({ ...base, recentCheckIns: [plain, offTrack] });
    expect(result.situations.map((s) => s.id)).not.toContain('strong-then-off-track');
  });
});

describe("quarter end by the team's fiscal calendar", () => {
  const dec24 = '2026-12-24T10:00:00+09:00';

  it('in the last ten days of the quarter looks at relationships and how the rep worked', () => {
    const result = selectPrompts({ ...base, now: dec24, fiscalYearStartMonth: 4 });
    const quarterEnd = result.situations.find((s) => s.id === 'quarter-end');
    expect(quarterEnd?.evidence.endDate).toBe('2026-12-31');
    expect(result.situations[0]?.id).toBe('quarter-end');
    expect(intents(result)).toEqual(['relationship', 'self-compassion']);
    expect(result.prompts[0]?.reason.en).toContain('2026-12-31');
    expect(result.prompts[0]?.reason.en).toContain('not at figures');
  });

  it('follows the fiscal year start month, not the calendar quarter', () => {
    // A fiscal year starting in February has quarters ending in January, April, July and October.
    const feb = selectPrompts({ ...base, now: dec24, fiscalYearStartMonth: 2 });
    expect(feb.situations.map((s) => s.id)).not.toContain('quarter-end');
    const jan = selectPrompts({ ...base, now: '2027-01-25T10:00:00+09:00', fiscalYearStartMonth: 2 });
    expect(jan.situations.map((s) => s.id)).toContain('quarter-end');
  });

  it('is not quarter end twelve days before', () => {
    const early = selectPrompts({ ...base, now: '2026-12-20T10:00:00+09:00' });
    expect(early.situations.map((s) => s.id)).not.toContain('quarter-end');
  });
});

describe('no activity for a while', () => {
  const old = [makeCheckIn({ submittedAt: '2026-10-30T09:00:00Z' }), makeLog({ occurredAt: '2026-11-02T01:00:00Z' })];

  it('is gentle: reassurance and an open question, no catching up, no follow-up homework', () => {
    const result = selectPrompts({
      ...base,
      recentCheckIns: [old[0] as ReturnType<typeof makeCheckIn>],
      recentLogs: [old[1] as ReturnType<typeof makeLog>],
      count: 3,
    });
    expect(result.situations[0]?.id).toBe('quiet-spell');
    for (const chosen of result.prompts) {
      expect(['reassurance', 'dialogue', 'self-compassion']).toContain(chosen.prompt.intent);
      expect(chosen.prompt.text.en).not.toMatch(/haven't|should|catch up on your|missed/i);
    }
    expect(result.prompts[0]?.reason.en).toContain('that is fine');
    expect(result.prompts[0]?.reason.en).not.toMatch(/\d/);
  });

  it('stays gentle even when the quiet-spell prompts are all cooling down', () => {
    const quietIds = defaultPromptCatalog.prompts
      .filter((p) => p.conditions.situations.includes('quiet-spell'))
      .map((p) => p.id);
    const result = selectPrompts({
      ...base,
      recentCheckIns: [makeCheckIn({ submittedAt: '2026-10-30T09:00:00Z' })],
      recentlyAsked: quietIds.map((promptId) => ({ promptId, askedAt: '2026-11-17T09:00:00Z' })),
      count: 3,
    });
    expect(result.situations[0]?.id).toBe('quiet-spell');
    expect(result.prompts).toHaveLength(3);
    for (const chosen of result.prompts) {
      expect(quietIds).not.toContain(chosen.prompt.id);
      expect(chosen.prompt.intent).not.toBe('follow-up');
      expect(chosen.prompt.text.en).not.toMatch(/follow-up|next step|haven't|catch up on your/i);
      expect(chosen.prompt.conditions.avoid).not.toContain('quiet-spell');
    }
  });

  it('prompts that went unanswered for a while also mean quiet, but a new rep is not quiet', () => {
    const unanswered = selectPrompts({
      ...base,
      recentlyAsked: [{ promptId: 'dialogue.how-are-you-really', askedAt: '2026-11-01T09:00:00Z' }],
    });
    expect(unanswered.situations[0]?.id).toBe('quiet-spell');
    expect(selectPrompts(base).situations.map((s) => s.id)).toEqual(['default']);
  });

  it('coming back from time away is welcomed rather than called quiet', () => {
    const result = selectPrompts({
      ...base,
      recentCheckIns: [makeCheckIn({ submittedAt: '2026-10-30T09:00:00Z' })],
      schedule: {
        tenantId: 'tenant-1',
        personId: 'rep-1',
        enabled: true,
        cadence: 'daily',
        checkInDays: [1, 2, 3, 4, 5],
        checkInTime: '17:30',
        quietHours: null,
        snoozeUntil: null,
        outOfOffice: [{ from: '2026-11-02', to: '2026-11-16' }],
        skipDates: [],
        reminderAfterHours: null,
        updatedAt: '2026-11-01T00:00:00Z',
      },
    });
    expect(result.situations[0]?.id).toBe('back-from-away');
    expect(result.situations.map((s) => s.id)).not.toContain('quiet-spell');
    expect(result.prompts[0]?.prompt.intent).toBe('reassurance');
  });
});

describe('low energy at the last check-in', () => {
  it('gets gentle self-compassion and permission', () => {
    const tired = makeCheckIn({ submittedAt: '2026-11-17T09:00:00Z', energy: 1 });
    const result = selectPrompts({ ...base, recentCheckIns: [tired] });
    expect(result.situations[0]?.id).toBe('running-low');
    expect(intents(result)).toEqual(['self-compassion', 'permission']);
  });
});

describe('an ordinary day', () => {
  it('chooses two everyday prompts, each with its reason in both languages', () => {
    const result = selectPrompts({ ...base, recentCheckIns: [makeCheckIn({ submittedAt: '2026-11-17T09:00:00Z' })] });
    expect(result.prompts).toHaveLength(2);
    for (const chosen of result.prompts) {
      expect(chosen.situation).toBe('default');
      expect(chosen.prompt.conditions.always).toBe(true);
      expect(chosen.reason.en.length).toBeGreaterThan(10);
      expect(chosen.reason.ja).toMatch(/[ぁ-ん]/);
    }
    expect(new Set(intents(result)).size).toBe(2);
  });

  it('honours a count of one to three', () => {
    for (const count of [1, 2, 3]) expect(selectPrompts({ ...base, count }).prompts).toHaveLength(count);
  });
});

describe('rotation and cool-down', () => {
  it('gives the same prompts for the same input', () => {
    const input = { ...base, recentLogs: [makeLog({ occurredAt: '2026-11-17T05:00:00Z', askedWhy: true })] };
    expect(selectPrompts(input)).toEqual(selectPrompts(structuredClone(input)));
  });

  it('rotates between days and between people', () => {
    const days = new Set<string>();
    const people = new Set<string>();
    for (let d = 1; d <= 14; d++) {
      const day = String(d).padStart(2, '0');
      days.add(ids(selectPrompts({ ...base, now: `2026-11-${day}T10:00:00+09:00`, personId: 'rep-1' })).join());
      people.add(ids(selectPrompts({ ...base, personId: `rep-${d}` })).join());
    }
    expect(days.size).toBeGreaterThan(3);
    expect(people.size).toBeGreaterThan(3);
  });

  it('never repeats a prompt within its cool-down, whether asked or answered', () => {
    const first = selectPrompts({ ...base, count: 3 });
    const recentlyAsked = first.prompts.map((p) => ({ promptId: p.prompt.id, askedAt: '2026-11-17T09:00:00Z' }));
    const second = selectPrompts({ ...base, count: 3, recentlyAsked });
    expect(ids(second).filter((id) => ids(first).includes(id))).toEqual([]);

    const answered = makeCheckIn({
      submittedAt: '2026-11-17T09:00:00Z',
      answers: first.prompts.map((p) => ({ promptId: p.prompt.id, answer: 'something' })),
    });
    const third = selectPrompts({ ...base, count: 3, recentCheckIns: [answered] });
    expect(ids(third).filter((id) => ids(first).includes(id))).toEqual([]);
  });

  it('asks the same request’s prompts again first, in their order, cool-down or not, where they still fit', () => {
    const first = selectPrompts({ ...base, personId: 'rep-1' });
    const asked = first.prompts.map((p) => ({ promptId: p.prompt.id, askedAt: now }));
    const repeat = [...ids(first)].reverse();
    // The next day the rotation would choose others; shown again for the same check-in, it keeps them.
    const nextDay = { ...base, now: '2026-11-19T10:00:00+09:00', personId: 'rep-1', recentlyAsked: asked };
    expect(ids(selectPrompts(nextDay)).filter((id) => ids(first).includes(id))).toEqual([]);
    expect(ids(selectPrompts({ ...nextDay, repeat }))).toEqual(repeat);
    // One that no longer fits the rep's situation (a run of rejections asks only about the rep) is not forced.
    const streak = ['2026-11-19T01:00:00Z', '2026-11-19T02:00:00Z', '2026-11-19T03:00:00Z'].map((occurredAt) =>
      makeLog({ occurredAt }),
    );
    const inStreak = selectPrompts({ ...nextDay, repeat, recentLogs: streak });
    expect(inStreak.prompts.every((p) => p.situation === 'rejection-streak')).toBe(true);
  });

  it('asks a prompt again once its cool-down has passed', () => {
    const only = definePromptCatalog([
      {
        id: 'only-one',
        intent: 'dialogue',
        answerKind: 'text',
        text: { en: 'How was today?', ja: '今日はどうでしたか。' },
        conditions: { always: true },
        cooldownDays: 7,
      },
    ]);
    const askedAt = (daysAgo: number) => [{ promptId: 'only-one', askedAt: `2026-11-${18 - daysAgo}T09:00:00+09:00` }];
    expect(selectPrompts({ ...base, catalog: only, recentlyAsked: askedAt(6) }).prompts).toEqual([]);
    expect(ids(selectPrompts({ ...base, catalog: only, recentlyAsked: askedAt(7) }))).toEqual(['only-one']);
  });
});

describe('catalogs are data', () => {
  const extra = {
    id: 'acme.gratitude',
    intent: 'relationship' as const,
    answerKind: 'text' as const,
    text: { en: 'Who helped you this week?', ja: '今週、助けてくれたのは誰ですか。' },
    conditions: { situations: ['quarter-end' as const] },
    cooldownDays: 0,
    weight: 100,
  };

  it('an embedding tool can add prompts and they are chosen when they fit', () => {
    const catalog = extendPromptCatalog(defaultPromptCatalog, [extra]);
    expect(catalog.prompts.length).toBe(defaultPromptCatalog.prompts.length + 1);
    const result = selectPrompts({ ...base, now: '2026-12-24T10:00:00+09:00', catalog, count: 1 });
    expect(ids(result)).toEqual(['acme.gratitude']);
  });

  it('an extra prompt with an existing id replaces it, and prompts can be removed', () => {
    const replaced = extendPromptCatalog(defaultPromptCatalog, [{ ...extra, id: 'dialogue.how-are-you-really' }]);
    expect(replaced.prompts.length).toBe(defaultPromptCatalog.prompts.length);
    expect(replaced.get('dialogue.how-are-you-really')?.text.en).toBe('Who helped you this week?');
    const fewer = withoutPrompts(defaultPromptCatalog, ['dialogue.how-are-you-really']);
    expect(fewer.get('dialogue.how-are-you-really')).toBeUndefined();
    expect(fewer.prompts.length).toBe(defaultPromptCatalog.prompts.length - 1);
  });

  it('can replace the whole catalog', () => {
    const catalog = definePromptCatalog([{ ...extra, conditions: { always: true } }]);
    expect(ids(selectPrompts({ ...base, catalog }))).toEqual(['acme.gratitude']);
  });

  it('refuses a prompt that breaks the schema, naming the field', () => {
    const bad = [{ ...extra, answerKind: 'choice' }];
    const error = catchError(() => definePromptCatalog(bad as never));
    expect(isReboundError(error, 'validation')).toBe(true);
    expect((error as ReboundError).fields.map((f) => f.path)).toContain('0.choices');
    expect(() => definePromptCatalog([extra, extra])).toThrow(ReboundError);
    expect(() => definePromptCatalog([{ ...extra, text: { en: 'Only English' } }] as never)).toThrow(ReboundError);
  });

  it('a catalog must come from definePromptCatalog', () => {
    const error = catchError(() => selectPrompts({ ...base, catalog: { prompts: [] } as never }));
    expect(isReboundError(error, 'validation')).toBe(true);
  });
});

describe('bad input', () => {
  it('answers ReboundError naming each bad field', () => {
    const error = catchError(() =>
      selectPrompts({ now: 'yesterday', timeZone: 'Mars/Olympus', count: 4 } as never),
    ) as ReboundError;
    expect(error).toBeInstanceOf(ReboundError);
    expect(error.code).toBe('validation');
    expect(error.fields.map((f) => f.path).sort()).toEqual(['count', 'now', 'timeZone']);
  });

  it('refuses a log that breaks the record schema', () => {
    const log = { ...makeLog(), askedWhy: 'yes' };
    const error = catchError(() => selectPrompts({ ...base, recentLogs: [log] } as never)) as ReboundError;
    expect(error.fields.map((f) => f.path)).toEqual(['recentLogs.0.askedWhy']);
  });

  it('refuses a malformed field that selection reads, naming its path, whatever valid records come with it', () => {
    const fine = [makeLog(), makeLog()];
    const cases: [Record<string, unknown>, string, string][] = [
      [
        { recentLogs: [...fine, { ...makeLog(), occurredAt: '2026-11-31T10:00:00Z' }] },
        'recentLogs.2.occurredAt',
        'validation.instant',
      ],
      [
        { recentCheckIns: [makeCheckIn(), { ...makeCheckIn(), pressure: 9 }] },
        'recentCheckIns.1.pressure',
        'validation.too-big',
      ],
      [
        { recentCheckIns: [{ ...makeCheckIn(), answers: [{ promptId: '', answer: null }] }] },
        'recentCheckIns.0.answers.0.promptId',
        'validation.required',
      ],
      [
        { trigger: { kind: 'log', log: { ...makeLog(), discovery: 'a\u0007b' } } },
        'trigger.log.discovery',
        'validation.control-characters',
      ],
      [{ recentlyAsked: [{ promptId: 'x', askedAt: 'yesterday' }] }, 'recentlyAsked.0.askedAt', 'validation.instant'],
    ];
    for (const [input, path, messageKey] of cases) {
      const error = catchError(() => selectPrompts({ ...base, ...input } as never)) as ReboundError;
      expect(isReboundError(error, 'validation')).toBe(true);
      expect(error.fields.map((f) => [f.path, f.messageKey])).toEqual([[path, messageKey]]);
    }
  });

  it('refuses unknown fields in a record, as the record schemas do', () => {
    const error = catchError(() =>
      selectPrompts({ ...base, recentCheckIns: [{ ...makeCheckIn(), mood: 'ok' }] } as never),
    ) as ReboundError;
    expect(error.fields.map((f) => [f.path, f.messageKey])).toEqual([['recentCheckIns.0', 'validation.unknown-field']]);
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
