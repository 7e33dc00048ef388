import { defineCatalog, type Localized, type MessageParams } from '../../i18n/catalog';

/**
 * Why each signal was raised. `rep.*` texts speak to the rep about their own data; `manager.*` texts describe
 * the same finding to a manager, who sees them only with the rep's consent (or a support request).
 */
export const signalMessages = defineCatalog({
  en: {
    'rep.pressure.rising':
      '{days, plural, one {Over the last day} other {Over the last # days}} your pressure averaged {recent}, above your own usual level of {baseline} (your check-ins in the {weeks, plural, one {week} other {# weeks}} before). Noticing it is already something; what you do with it is up to you.',
    'rep.pressure.falling':
      '{days, plural, one {Over the last day} other {Over the last # days}} your pressure averaged {recent}, below your own usual level of {baseline} (your check-ins in the {weeks, plural, one {week} other {# weeks}} before). Things seem a little lighter.',
    'rep.pressure.steady':
      '{days, plural, one {Over the last day} other {Over the last # days}} your pressure averaged {recent}, close to your own usual level of {baseline}.',
    'rep.pressure.not-enough-data':
      'There are not enough check-ins yet to show your usual pressure level. A few weeks of check-ins are enough; only your own are compared.',
    'rep.energy.rising':
      '{days, plural, one {Over the last day} other {Over the last # days}} your energy averaged {recent}, above your own usual level of {baseline} (your check-ins in the {weeks, plural, one {week} other {# weeks}} before).',
    'rep.energy.falling':
      '{days, plural, one {Over the last day} other {Over the last # days}} your energy averaged {recent}, below your own usual level of {baseline} (your check-ins in the {weeks, plural, one {week} other {# weeks}} before). Low stretches happen to everyone; it is fine to go easy on yourself.',
    'rep.energy.steady':
      '{days, plural, one {Over the last day} other {Over the last # days}} your energy averaged {recent}, close to your own usual level of {baseline}.',
    'rep.energy.not-enough-data':
      'There are not enough check-ins yet to show your usual energy level. A few weeks of check-ins are enough; only your own are compared.',
    'rep.must-not-be-rejected':
      'Your pressure has gone up (from {pressureBefore} to {pressureNow}) while you have been sharing less (from {sharedBefore} to {sharedNow} a week) and reflecting less (from {reflectedBefore} to {reflectedNow} a week). This mix often shows up when it starts to feel as if you must not be rejected. A rejection is part of the work, not a verdict on you. If talking to someone would help, that door is open.',
    'rep.asked-for-support':
      'You said you would like to talk (most recently on {date}). The people you can talk to are listed for you; reach out whenever it suits you.',
    'manager.pressure.rising':
      "{days, plural, one {Over the last day} other {Over the last # days}} this member's pressure averaged {recent}, above their own usual level of {baseline}. It is compared only with their own check-ins.",
    'manager.pressure.falling':
      "{days, plural, one {Over the last day} other {Over the last # days}} this member's pressure averaged {recent}, below their own usual level of {baseline}.",
    'manager.pressure.steady':
      "{days, plural, one {Over the last day} other {Over the last # days}} this member's pressure averaged {recent}, close to their own usual level of {baseline}.",
    'manager.pressure.not-enough-data':
      'There are not enough check-ins yet to show this member’s usual pressure level.',
    'manager.energy.rising':
      "{days, plural, one {Over the last day} other {Over the last # days}} this member's energy averaged {recent}, above their own usual level of {baseline}.",
    'manager.energy.falling':
      "{days, plural, one {Over the last day} other {Over the last # days}} this member's energy averaged {recent}, below their own usual level of {baseline}. It is compared only with their own check-ins.",
    'manager.energy.steady':
      "{days, plural, one {Over the last day} other {Over the last # days}} this member's energy averaged {recent}, close to their own usual level of {baseline}.",
    'manager.energy.not-enough-data': 'There are not enough check-ins yet to show this member’s usual energy level.',
    'manager.must-not-be-rejected':
      'This member’s pressure has gone up while they share and reflect less than before. This mix often shows up when it starts to feel as if one must not be rejected. A short, low-key conversation about how they are doing, not about numbers, may help.',
    'manager.asked-for-support':
      'This member said they would like to talk (most recently on {date}). Reaching out soon, in the way they prefer, lets them know the door is open.',
  },
  ja: {
    'rep.pressure.rising':
      'この{days}日間のプレッシャーは平均{recent}で、あなたのふだんの水準（その前の{weeks}週間の振り返りで{baseline}）より高めです。気づけたこと自体に意味があります。どうするかは、あなたが決めて大丈夫です。',
    'rep.pressure.falling':
      'この{days}日間のプレッシャーは平均{recent}で、あなたのふだんの水準（その前の{weeks}週間の振り返りで{baseline}）より低めです。少し気持ちが軽くなっているようですね。',
    'rep.pressure.steady':
      'この{days}日間のプレッシャーは平均{recent}で、あなたのふだんの水準（{baseline}）とほぼ同じです。',
    'rep.pressure.not-enough-data':
      'ふだんのプレッシャーの水準がわかるほど、まだ振り返りが集まっていません。数週間分あれば見えてきます。比べるのはあなた自身の記録だけです。',
    'rep.energy.rising':
      'この{days}日間の元気は平均{recent}で、あなたのふだんの水準（その前の{weeks}週間の振り返りで{baseline}）より高めです。',
    'rep.energy.falling':
      'この{days}日間の元気は平均{recent}で、あなたのふだんの水準（その前の{weeks}週間の振り返りで{baseline}）より低めです。誰にでもそういう時期はあります。自分に少しやさしくしてあげてください。',
    'rep.energy.steady': 'この{days}日間の元気は平均{recent}で、あなたのふだんの水準（{baseline}）とほぼ同じです。',
    'rep.energy.not-enough-data':
      'ふだんの元気の水準がわかるほど、まだ振り返りが集まっていません。数週間分あれば見えてきます。比べるのはあなた自身の記録だけです。',
    'rep.must-not-be-rejected':
      'プレッシャーが上がる（{pressureBefore}→{pressureNow}）一方で、共有（週{sharedBefore}件→{sharedNow}件）と振り返り（週{reflectedBefore}件→{reflectedNow}件）が減っています。「断られてはいけない」と感じ始めたときによく見られる組み合わせです。断られるのは仕事の一部で、あなたの価値を決めるものではありません。誰かと話したくなったら、いつでも相談できます。',
    'rep.asked-for-support':
      '{date}に「相談したい」と伝えてくれましたね。相談窓口を表示していますので、話しやすいときに連絡してみてください。',
    'manager.pressure.rising':
      'この{days}日間、このメンバーのプレッシャーは平均{recent}で、本人のふだんの水準（{baseline}）より高めです。比べているのは本人自身の振り返りだけです。',
    'manager.pressure.falling':
      'この{days}日間、このメンバーのプレッシャーは平均{recent}で、本人のふだんの水準（{baseline}）より低めです。',
    'manager.pressure.steady':
      'この{days}日間、このメンバーのプレッシャーは平均{recent}で、本人のふだんの水準（{baseline}）とほぼ同じです。',
    'manager.pressure.not-enough-data':
      'このメンバーのふだんのプレッシャーの水準がわかるほど、まだ振り返りが集まっていません。',
    'manager.energy.rising':
      'この{days}日間、このメンバーの元気は平均{recent}で、本人のふだんの水準（{baseline}）より高めです。',
    'manager.energy.falling':
      'この{days}日間、このメンバーの元気は平均{recent}で、本人のふだんの水準（{baseline}）より低めです。比べているのは本人自身の振り返りだけです。',
    'manager.energy.steady':
      'この{days}日間、このメンバーの元気は平均{recent}で、本人のふだんの水準（{baseline}）とほぼ同じです。',
    'manager.energy.not-enough-data': 'このメンバーのふだんの元気の水準がわかるほど、まだ振り返りが集まっていません。',
    'manager.must-not-be-rejected':
      'このメンバーは、プレッシャーが上がる一方で、共有や振り返りが以前より減っています。「断られてはいけない」と感じ始めたときによく見られる組み合わせです。数字の話ではなく、調子を気づかう短い声かけが助けになるかもしれません。',
    'manager.asked-for-support':
      'このメンバーが{date}に「相談したい」と伝えています。本人の望む形で、早めに声をかけてみてください。',
  },
});
export type SignalMessageKey = (typeof signalMessages.keys)[number];

export function signalText(key: SignalMessageKey, params?: MessageParams): Localized {
  return { ja: signalMessages.t('ja', key, params), en: signalMessages.t('en', key, params) };
}
