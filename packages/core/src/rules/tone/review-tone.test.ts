import { describe, expect, it } from 'vitest';
import { isReboundError, ReboundError } from '../../errors';
import type { Locale } from '../../i18n/catalog';
import type { ToneCategory } from '../../records/share';
import { reviewTone, TONE_TEXT_MAX } from './review-tone';
import { TONE_MESSAGE_GROUPS, toneMessages } from './tone-messages';

function categories(text: string, locale: Locale): ToneCategory[] {
  return [...new Set(reviewTone(text, { locale }).findings.map((f) => f.category))].sort();
}

function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

describe('reviewTone: Japanese drafts', () => {
  it.each([
    ['田中さんはもう達成してるのに', 'comparison'],
    ['佐藤くんを見習ってほしいな。', 'comparison'],
    ['みゆきちゃんはもう3件決めてるよ。', 'comparison'],
    ['田中様はもう達成してるのに。', 'comparison'],
    ['高橋様みたいにやればいいのに。', 'comparison'],
    ['あなたのミスだよ。', 'blame'],
    ['どうして理由を聞かなかったの？', 'blame'],
    ['今月中に受注しないと困るよ。', 'numbers-pressure'],
    ['ノルマ達成しないとまずいです。', 'numbers-pressure'],
    ['そんなことで落ち込まないで。', 'dismissing-feelings'],
    ['もっと頑張りましょう。', 'empty-exhortation'],
    ['もっと頑張れよ', 'empty-exhortation'],
    ['頑張りが足りないと思う。', 'empty-exhortation'],
    ['今月の売上、全然足りてないよ。', 'numbers-pressure'],
    ['断られるのは仕事のうち。慣れるしかないよ。', 'dismissing-feelings'],
  ] as const)('flags %s as %s', (text, category) => {
    expect(categories(text, 'ja')).toEqual([category]);
  });

  it.each([
    '誰かと比べる必要はないよ',
    'あなたのせいじゃない',
    'あなたのせいじゃないです。',
    '数字がすべてじゃないよ。',
    '話してくれてありがとう。理由を聞けたのはすごくいいですね。',
    '高橋様の案件、次の一手を一緒に考えましょう。',
    '高橋様の案件、無事に受注しました。ありがとう。',
  ])('does not flag the reassurance or supportive message %s', (text) => {
    expect(reviewTone(text, { locale: 'ja' }).findings).toEqual([]);
  });

  it.each([
    ['もっと頑張ってください。', 'もっと頑張れ。', 'empty-exhortation'],
    ['あなたのせいです。', 'お前のせいだ。', 'blame'],
    ['数字を出してください。', '数字出せよ。', 'numbers-pressure'],
    ['気にしすぎですよ。', '気にしすぎだって。', 'dismissing-feelings'],
    ['佐藤さんを見習ってください。', '佐藤くんを見習えよ。', 'comparison'],
  ] as const)('flags the polite %s and the casual %s alike', (polite, casual, category) => {
    expect(categories(polite, 'ja')).toEqual([category]);
    expect(categories(casual, 'ja')).toEqual([category]);
  });

  it('reads half-width katakana and full-width latin, and highlights the span as typed', () => {
    const text = 'ええと、ﾉﾙﾏ達成しないとまずいよ。ＫＰＩ未達だし。';
    const findings = reviewTone(text, { locale: 'ja' }).findings;
    expect(findings.map((f) => [f.category, f.excerpt])).toEqual([
      ['numbers-pressure', 'ﾉﾙﾏ達成しないと'],
      ['numbers-pressure', 'ＫＰＩ未達'],
    ]);
    for (const f of findings) expect(text.slice(f.start, f.end)).toBe(f.excerpt);
  });

  it('maps spans back through characters that change length when normalised', () => {
    // ｶﾞﾝﾊﾞﾚ is 6 units typed, 4 when read; ㍿ is 1 unit typed, 4 when read (株式会社).
    const text = 'ｶﾞﾝﾊﾞﾚ！もっとｶﾞﾝﾊﾞﾚ。㍿の件はあなたのせいだよ。';
    const findings = reviewTone(text, { locale: 'ja' }).findings;
    expect(findings.map((f) => [f.category, f.start, f.end, f.excerpt])).toEqual([
      ['empty-exhortation', 7, 15, 'もっとｶﾞﾝﾊﾞ'],
      ['blame', 21, 27, 'あなたのせい'],
    ]);
  });

  it('treats katakana and hiragana spellings alike', () => {
    expect(categories('モット頑張レ', 'ja')).toEqual(['empty-exhortation']);
    expect(categories('ヤマダさんはもう達成してるよ。', 'ja')).toEqual(['comparison']);
    expect(categories('きにしすぎだよ', 'ja')).toEqual(['dismissing-feelings']);
  });

  it('keeps a reassurance in one clause from excusing pressure in the next', () => {
    expect(categories('あなたのせいじゃないけど、今月は数字を出してもらわないと困る。', 'ja')).toEqual([
      'numbers-pressure',
    ]);
    expect(categories('比べるつもりはないけど、中島さんはもう3件取ってるよ。', 'ja')).toEqual(['comparison']);
  });

  it('flags 「無理にでも切り替えて」 but not 「無理に切り替えなくて大丈夫」', () => {
    expect(categories('無理にでも気持ちを切り替えて。', 'ja')).toEqual(['dismissing-feelings']);
    expect(categories('無理に気持ちを切り替えなくて大丈夫。', 'ja')).toEqual([]);
  });

  it('does not flag words quoted from someone else', () => {
    expect(reviewTone('「もっと頑張れ」なんて言うつもりはないです。', { locale: 'ja' }).findings).toEqual([]);
    expect(reviewTone('お客様に「今月中に決めないと」と言われたんですね。', { locale: 'ja' }).findings).toEqual([]);
  });
});

describe('reviewTone: English drafts', () => {
  it.each([
    ["Why can't you be more like Ken?", 'comparison'],
    ['You need to hit your number', 'numbers-pressure'],
    ['Just try harder', 'empty-exhortation'],
    ["Don't be so sensitive", 'dismissing-feelings'],
    ["That's on you", 'blame'],
    ['That’s on you.', 'blame'],
    ['ＪＵＳＴ ＴＲＹ ＨＡＲＤＥＲ', 'empty-exhortation'],
    ['You have to close more deals.', 'numbers-pressure'],
    ['Your numbers are down again.', 'numbers-pressure'],
    ['Everyone gets rejected, get used to it.', 'dismissing-feelings'],
    ["You're not trying hard enough.", 'empty-exhortation'],
  ] as const)('flags %s as %s', (text, category) => {
    expect(categories(text, 'en')).toEqual([category]);
  });

  it.each([
    'No need to compare yourself with anyone.',
    "It's not your fault.",
    "Numbers aren't everything.",
    'If you would like to talk, I am here.',
    "If you'd like to talk, I'm here.",
    'Ken went through something similar. He would be glad to chat.',
  ])('does not flag the reassurance or supportive message %s', (text) => {
    expect(reviewTone(text, { locale: 'en' }).findings).toEqual([]);
  });

  it('does not take "don\'t forget your quota" for a reassurance', () => {
    expect(categories("Don't forget your quota, hit your number this week.", 'en')).toEqual(['numbers-pressure']);
  });

  it('keeps "not your fault, but" from hiding the pressure that follows', () => {
    const text = "It's not your fault, but you need to hit your number.";
    const [finding, ...rest] = reviewTone(text, { locale: 'en' }).findings;
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ category: 'numbers-pressure', excerpt: 'hit your number' });
    expect(text.slice(finding!.start, finding!.end)).toBe('hit your number');
  });
});

describe('reviewTone: findings', () => {
  it('explains each finding in both languages and offers an alternative in the language of the draft', () => {
    const [ja] = reviewTone('田中さんはもう達成してるのに', { locale: 'ja' }).findings;
    expect(ja).toEqual({
      category: 'comparison',
      start: 0,
      end: 12,
      excerpt: '田中さんはもう達成してる',
      reason: {
        ja: toneMessages.texts.ja['reason.comparison.peer'],
        en: toneMessages.texts.en['reason.comparison.peer'],
      },
      alternative: toneMessages.texts.ja['alternative.comparison.peer'],
    });
    const [en] = reviewTone('Just try harder', { locale: 'en' }).findings;
    expect(en?.alternative).toBe(toneMessages.texts.en['alternative.exhort.effort']);
    expect(en?.reason.ja).toBe(toneMessages.texts.ja['reason.exhort.effort']);
  });

  it('has a reason and an alternative in both languages for every kind of finding', () => {
    for (const group of TONE_MESSAGE_GROUPS) {
      for (const locale of ['ja', 'en'] as const) {
        expect(toneMessages.texts[locale][`reason.${group}`].length).toBeGreaterThan(20);
        expect(toneMessages.texts[locale][`alternative.${group}`].length).toBeGreaterThan(10);
      }
    }
  });

  it('checks a mixed-language draft in both languages, each finding with an alternative in its own language', () => {
    const findings = reviewTone('Just try harder. 田中さんはもう達成してるのに。', { locale: 'en' }).findings;
    expect(findings.map((f) => f.category)).toEqual(['empty-exhortation', 'comparison']);
    expect(findings[0]?.alternative).toBe(toneMessages.texts.en['alternative.exhort.effort']);
    expect(findings[1]?.alternative).toBe(toneMessages.texts.ja['alternative.comparison.peer']);
  });

  it('checks full-width English inside a Japanese draft too', () => {
    expect(categories('今日はおつかれさま。ＪＵＳＴ　ＴＲＹ　ＨＡＲＤＥＲ', 'ja')).toEqual(['empty-exhortation']);
  });

  it('returns findings in text order, one per category per stretch of text', () => {
    const findings = reviewTone('数を打てば当たるから、とにかく電話して。君のせいだよ。', { locale: 'ja' }).findings;
    expect(findings.map((f) => [f.category, f.excerpt])).toEqual([
      ['empty-exhortation', '数を打て'],
      ['empty-exhortation', 'とにかく電話'],
      ['blame', '君のせい'],
    ]);
    expect(findings.map((f) => f.start)).toEqual([...findings.map((f) => f.start)].sort((a, b) => a - b));
  });

  it('gives the same answer for the same draft', () => {
    const text = 'Ken already hit his target. Why did you not ask? Just try harder.';
    expect(reviewTone(text, { locale: 'en' })).toEqual(reviewTone(text, { locale: 'en' }));
  });

  it('finds nothing in an empty draft', () => {
    expect(reviewTone('', { locale: 'ja' })).toEqual({ findings: [] });
  });
});

describe('reviewTone: bad input', () => {
  it('answers a draft over the limit with a validation error naming the text', () => {
    const error = thrown(() => reviewTone('a'.repeat(TONE_TEXT_MAX + 1), { locale: 'en' }));
    expect(isReboundError(error, 'validation')).toBe(true);
    expect((error as ReboundError).fields).toEqual([
      { path: 'text', messageKey: 'validation.too-long', params: { max: TONE_TEXT_MAX } },
    ]);
    expect((error as ReboundError).localize('ja').fields[0]?.message).toContain('メッセージ');
  });

  it('answers an unknown locale or a missing options object with a validation error', () => {
    const badLocale = thrown(() => reviewTone('hello', { locale: 'fr' } as unknown as { locale: Locale }));
    expect(badLocale).toBeInstanceOf(ReboundError);
    expect((badLocale as ReboundError).fields.map((f) => [f.path, f.messageKey])).toEqual([
      ['options.locale', 'validation.not-an-option'],
    ]);
    const noOptions = thrown(() => reviewTone('hello', undefined as unknown as { locale: Locale }));
    expect(isReboundError(noOptions, 'validation')).toBe(true);
  });

  it('answers options with unexpected keys, __proto__ included, with a validation error', () => {
    const options = JSON.parse('{"locale":"ja","__proto__":{"locale":"en"}}') as { locale: Locale };
    const error = thrown(() => reviewTone('もっと頑張れ', options));
    expect(isReboundError(error, 'validation')).toBe(true);
    expect((error as ReboundError).fields.map((f) => [f.path, f.messageKey])).toEqual([
      ['options', 'validation.unknown-field'],
    ]);
  });

  it('answers a text that is not a string with a validation error', () => {
    const error = thrown(() => reviewTone(42 as unknown as string, { locale: 'ja' }));
    expect(isReboundError(error, 'validation')).toBe(true);
    // Only the path: core's zod mapping decides between "required" and "wrong type".
    expect((error as ReboundError).fields.map((f) => f.path)).toEqual(['text']);
  });
});
