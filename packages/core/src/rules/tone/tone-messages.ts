import { defineCatalog, type Locale, type Localized } from '../../i18n/catalog';

/** The kinds of wording a rule can point at; each has its reason and a gentler alternative. */
export const TONE_MESSAGE_GROUPS = [
  'comparison.peer',
  'comparison.ranking',
  'blame.fault',
  'blame.why',
  'blame.hindsight',
  'blame.shortfall',
  'blame.mocking',
  'numbers.target',
  'numbers.only-results',
  'dismiss.minimise',
  'dismiss.toughen',
  'exhort.effort',
  'exhort.volume',
  'exhort.positivity',
] as const;
export type ToneMessageGroup = (typeof TONE_MESSAGE_GROUPS)[number];

export const toneMessages = defineCatalog({
  en: {
    'reason.comparison.peer':
      'Being set beside a colleague right after a rejection is easily heard as "you fall short", and it makes asking for help harder.',
    'reason.comparison.ranking':
      'Talking in places and rankings turns the team into a contest. Even when meant as praise, after a rejection it mostly leaves shame.',
    'reason.blame.fault':
      'Calling the rejection their fault adds guilt to a moment that already hurts, and makes the next one harder to share.',
    'reason.blame.why':
      'A "why didn\'t you…" question sounds like an accusation rather than curiosity. People answer it by defending themselves, not by reflecting.',
    'reason.blame.hindsight':
      'Hindsight ("if you had…") points at what can no longer be changed, and it usually lands as blame.',
    'reason.blame.shortfall':
      'Words like "unprepared" or "no excuses" judge the person instead of looking at what happened in the conversation.',
    'reason.blame.mocking':
      'Sarcastic praise about a rejection mocks them for it. Even meant as a joke, it is heard as contempt and shuts the conversation down.',
    'reason.numbers.target':
      'Pressing for a target or an amount right after a rejection says the number matters more than the person and what they learned.',
    'reason.numbers.only-results':
      'Saying only results count erases asking why, listening and following up, which are the habits that help next time.',
    'reason.dismiss.minimise':
      'Calling the feeling too much or no big deal tells them their reaction is wrong, and people then stop saying how they feel.',
    'reason.dismiss.toughen':
      'Being told to toughen up or move on skips the feeling instead of acknowledging it, and can sound like "don\'t bring this to me".',
    'reason.exhort.effort':
      '"Try harder" without saying how, or offering help, suggests they were not trying, and leaves them alone with it.',
    'reason.exhort.volume':
      'Telling them to simply do more calls or visits skips what this rejection could teach and adds pressure without support.',
    'reason.exhort.positivity':
      'Being told to stay positive or want it more puts the outcome on their mindset, without any concrete help.',
    'alternative.comparison.peer': 'Everyone finds their own way with this. What did you notice in this conversation?',
    'alternative.comparison.ranking':
      'I noticed how carefully you handled this one, and that is what I want to talk about.',
    'alternative.blame.fault': "This one didn't go the way we hoped. Shall we look at what happened together?",
    'alternative.blame.why': "What do you think got in the way? I'm asking to understand, not to judge.",
    'alternative.blame.hindsight': 'Is there something you would like to try next time? I can help you prepare.',
    'alternative.blame.shortfall':
      'Is there anything that would make preparing easier next time? We can work on it together.',
    'alternative.blame.mocking': 'That was a tough one. How are you doing?',
    'alternative.numbers.target': 'Let the numbers wait for a moment. What did you learn about this customer?',
    'alternative.numbers.only-results': 'Asking why and following up count too. What did this one teach you?',
    'alternative.dismiss.minimise': 'It makes sense that this one stings. Thank you for telling me.',
    'alternative.dismiss.toughen': "Take the time you need. I'm here if you want to talk.",
    'alternative.exhort.effort': "You've been putting real effort in. What would help most for the next one?",
    'alternative.exhort.volume': 'Before the next call, shall we look at what this rejection taught us?',
    'alternative.exhort.positivity': 'How are you feeling about it? Is there something concrete I can help with?',
  },
  ja: {
    'reason.comparison.peer':
      '断られた直後に同僚と並べられると、「自分は足りていない」と受け取りやすく、相談もしにくくなります。',
    'reason.comparison.ranking':
      '順位で語ると、チームが競争の場になります。ほめるつもりでも、断られた直後には引け目として残りがちです。',
    'reason.blame.fault':
      '断られたことを本人の落ち度とすると、つらい気持ちに責められた気持ちが重なり、次の断られ記録も共有しにくくなります。',
    'reason.blame.why':
      '「なんで〜しなかったの」は、質問の形でも責める言葉として届きます。振り返るより、言い訳を考える気持ちにさせてしまいます。',
    'reason.blame.hindsight':
      '「〜していれば」は、もう変えられない過去を指す言葉です。多くの場合、責められていると受け取られます。',
    'reason.blame.shortfall':
      '「準備不足」「言い訳」といった言葉は、商談で起きたことではなく本人を評価する言葉として届きます。',
    'reason.blame.mocking':
      '断られたことを皮肉ってほめると、冗談のつもりでも見下されたと受け取られ、話してもらえなくなります。',
    'reason.numbers.target':
      '断られた直後に目標や金額を求めると、本人や学んだことより数字が大事だというメッセージになります。',
    'reason.numbers.only-results':
      '結果だけが大事だと伝えると、理由を聞く・話を聴く・フォローするといった、次につながる行動の価値が消えてしまいます。',
    'reason.dismiss.minimise':
      '「気にしすぎ」「大したことない」は、感じ方そのものを否定する言葉です。次から気持ちを話してもらえなくなります。',
    'reason.dismiss.toughen':
      '「切り替えて」「甘えるな」は、気持ちを受け止めずに飛ばしてしまう言葉です。「相談しないで」と聞こえることもあります。',
    'reason.exhort.effort':
      'やり方や手助けのない「もっと頑張れ」は、これまで頑張っていなかったように聞こえ、一人で抱えさせてしまいます。',
    'reason.exhort.volume':
      '「とにかく数をこなせ」は、今回の断られ方から学べることを飛ばし、支えのないまま負担だけを増やします。',
    'reason.exhort.positivity':
      '「前向きに」「やる気を出せば」は、結果を気持ちの問題にしてしまい、具体的な助けになりません。',
    'alternative.comparison.peer': '進み方は人それぞれです。今回の商談で気づいたことを聞かせてもらえますか。',
    'alternative.comparison.ranking': '今回の進め方、丁寧だったと思います。そこをもう少し聞かせてください。',
    'alternative.blame.fault': '思うような結果になりませんでしたね。何が起きたか、一緒に振り返ってみませんか。',
    'alternative.blame.why': '何が難しかったと思いますか。責めるためではなく、一緒に考えたくて聞いています。',
    'alternative.blame.hindsight': '次に試してみたいことはありますか。準備なら手伝います。',
    'alternative.blame.shortfall': '次の準備が少しでも楽になるように、一緒に考えましょう。',
    'alternative.blame.mocking': '今回は大変でしたね。今の気持ちはどうですか。',
    'alternative.numbers.target': '数字のことは一旦置いて、今回お客様について分かったことを教えてください。',
    'alternative.numbers.only-results': '理由を聞くこともフォローすることも、大切な仕事です。今回の学びは何でしたか。',
    'alternative.dismiss.minimise': '悔しいと感じるのは自然なことです。話してくれてありがとうございます。',
    'alternative.dismiss.toughen': '気持ちが落ち着くまで、無理しなくて大丈夫です。話したくなったらいつでもどうぞ。',
    'alternative.exhort.effort': 'ここまでしっかり取り組んでいると思います。次に向けて、私に手伝えることはありますか。',
    'alternative.exhort.volume': '次の連絡の前に、今回の断られ方から分かったことを一緒に見てみませんか。',
    'alternative.exhort.positivity': '今の気持ちはどうですか。具体的に手伝えることがあれば教えてください。',
  },
});

const reasons = new Map<ToneMessageGroup, Localized>(
  TONE_MESSAGE_GROUPS.map((group) => [
    group,
    Object.freeze({ ja: toneMessages.texts.ja[`reason.${group}`], en: toneMessages.texts.en[`reason.${group}`] }),
  ]),
);

/** The reason in both languages (one frozen object per group, shared by every finding). */
export function toneReason(group: ToneMessageGroup): Localized {
  return reasons.get(group)!;
}

export function toneAlternative(group: ToneMessageGroup, language: Locale): string {
  return toneMessages.texts[language][`alternative.${group}`];
}
