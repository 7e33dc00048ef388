import { defineCatalog } from '../../i18n/catalog';

/** Why a prompt was chosen, one text per situation, in words a rep understands. */
export const promptReasons = defineCatalog({
  en: {
    'rejection-streak':
      "You've run into several rejections over the last two days. These questions are about looking after yourself, not about doing more.",
    'strong-then-off-track':
      'You rated your last period as very strong and now feel off track. That swing is natural, so these questions turn to what carried you: your customer relationships.',
    'pressure-rising':
      'Your pressure ratings have gone up for {weeks, plural, one {a week} other {# weeks in a row}}. These questions make room to ease off, and to ask for support if you would like it.',
    'running-low': 'Your energy was low at your last check-in, so these questions are gentle ones.',
    'asked-why':
      'You asked {customer} why they said no. That is worth building on: what you heard, and where it could lead.',
    'discovery-made':
      'You noted something you discovered with {customer}. These questions help you put it to use, and perhaps share it.',
    'just-logged':
      'You have just logged a rejection. A short look back while it is fresh often shows more than it seems.',
    'back-from-away': 'You are back from time away. There is nothing to catch up on; this is a gentle start.',
    'quiet-spell':
      'It has been a little while since we last heard from you, and that is fine. These are light questions, with nothing to catch up on.',
    'quarter-end':
      "Your team's quarter closes on {endDate}. These questions look at how you worked and who you worked with, not at figures.",
    default: 'A regular check-in question, rotated so that you do not see the same ones too often.',
  },
  ja: {
    'rejection-streak':
      'ここ2日、断られることが続いていますね。今日は「もっと動く」ためではなく、自分をいたわるための問いかけです。',
    'strong-then-off-track':
      '少し前に「とてもよかった」と振り返っていたのに、いまは思うように進んでいないと感じているようです。そう感じるのは自然なことなので、あなたを支えてきたお客様との関係に目を向ける問いかけにしました。',
    'pressure-rising':
      'この{weeks}週間、プレッシャーの自己評価が続けて上がっています。肩の力を抜くための問いかけと、よければ誰かに相談するきっかけを用意しました。',
    'running-low': '前回の振り返りで元気が少なめだったので、負担の少ない問いかけにしました。',
    'asked-why':
      '{customer}に断られた理由を聞けましたね。そこで聞けたことと、その先につながることを考える問いかけです。',
    'discovery-made':
      '{customer}との件で発見があったようですね。それを次に生かしたり、チームと分かち合ったりするための問いかけです。',
    'just-logged': '断られ記録をつけたばかりなので、記憶が新しいうちに少しだけ振り返る問いかけです。',
    'back-from-away': 'お休み明けですね。取り戻すことは何もないので、ゆっくり始めるための問いかけにしました。',
    'quiet-spell': '少し間が空きましたが、それで大丈夫です。さかのぼる必要のない、軽い問いかけにしました。',
    'quarter-end':
      'チームの会計カレンダーでは、この四半期は{endDate}までです。数字ではなく、働き方や人とのつながりを振り返る問いかけです。',
    default: 'いつもの振り返りの問いかけです。同じものばかりにならないよう、入れ替えています。',
  },
});
