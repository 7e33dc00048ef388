import { defineReplyCatalog, type ReplyTemplateInput } from './reply-template-schema';

// Reply suggestions for managers, written for Rebound in both languages. The Japanese is the casual voice of
// a trusted senior colleague; the English is plain and kind. No comparisons, no figures, no guilt.

const all = ['advice', 'think-together', 'just-listen'] as const;

export const DEFAULT_REPLY_TEMPLATES: readonly ReplyTemplateInput[] = [
  // --- Asked why ---
  {
    id: 'asked-why.thank-you',
    situations: ['asked-why'],
    tone: 'grateful',
    preferences: [...all],
    text: {
      ja: '{repName}さん、{customer}で断られた理由をちゃんと聞いてきたんだね。それができるのは本当に大きいよ。共有してくれてありがとう。',
      en: '{repName}, you asked {customer} why they said no. That takes nerve, and it is exactly the habit that pays off over time. Thanks for sharing it.',
    },
  },
  {
    id: 'asked-why.how-did-it-land',
    situations: ['asked-why'],
    tone: 'curious',
    preferences: ['think-together'],
    text: {
      ja: '理由を聞けたの、いいね。{customer}の答えを聞いて、{repName}さん自身はどう感じた？よかったら一緒に整理しよう。',
      en: 'Good that you asked why. How did the answer from {customer} land with you, {repName}? Happy to think it through together.',
    },
  },
  {
    id: 'asked-why.keep-their-words',
    situations: ['asked-why'],
    tone: 'practical',
    preferences: ['advice'],
    text: {
      ja: '理由を聞けたのは大きな収穫だね。聞いた言葉はそのまま残しておくと、次に{customer}と話すときにきっと効いてくるよ。',
      en: 'Asking why was the valuable part. Keep their exact words somewhere handy; they will help the next time you talk with {customer}.',
    },
  },

  // --- Discovery ---
  {
    id: 'discovery.something-new',
    situations: ['discovery-made'],
    tone: 'grateful',
    preferences: [...all],
    text: {
      ja: '断られた中から新しい発見を持ち帰ってきたんだね。{customer}のこと、前よりよく見えてきたんじゃないかな。',
      en: 'You came away from a no with something new about {customer}. That is real progress, and it counts.',
    },
  },
  {
    id: 'discovery.what-it-could-mean',
    situations: ['discovery-made'],
    tone: 'curious',
    preferences: ['think-together'],
    text: {
      ja: 'その発見、面白いね。{customer}にとってどんな意味がありそうか、今度一緒に考えてみない？',
      en: 'That is an interesting find. Want to think together about what it might mean for {customer}?',
    },
  },
  {
    id: 'discovery.tell-the-team',
    situations: ['discovery-made'],
    tone: 'practical',
    preferences: ['advice'],
    text: {
      ja: 'この発見、チームの誰かのヒントにもなりそう。気が向いたら断られ話として共有してみてくれない？',
      en: 'This discovery could help someone else on the team. If you feel like it, consider sharing it as a rejection story.',
    },
    avoid: ['rejection-streak', 'feeling-hard', 'shared-with-team'],
  },

  // --- First log ---
  {
    id: 'first-log.welcome',
    situations: ['first-log'],
    tone: 'warm',
    preferences: [...all],
    text: {
      ja: '{repName}さん、初めての断られ記録を共有してくれてありがとう。うまくいかなかった日の話も聞かせてもらえるのは、本当にありがたいよ。',
      en: 'Thank you for sharing your first rejection log, {repName}. Hearing about the hard days matters to me as much as hearing about the good ones.',
    },
  },
  {
    id: 'first-log.no-need-to-polish',
    situations: ['first-log'],
    tone: 'reassuring',
    preferences: ['just-listen', 'think-together'],
    text: {
      ja: '記録してくれてありがとう。きれいにまとめなくて大丈夫だから、これからも気楽に使ってね。',
      en: 'Thanks for logging this. It does not need to be polished; use it in whatever way suits you.',
    },
  },

  // --- A run of rejections ---
  {
    id: 'streak.rough-few-days',
    situations: ['rejection-streak'],
    tone: 'reassuring',
    preferences: [...all],
    text: {
      ja: '{repName}さん、ここ数日は断られることが続いてしんどかったよね。それでもちゃんと向き合ってるのは見てるよ。今日は無理しないでね。',
      en: '{repName}, the last few days have brought one no after another, and that wears anyone down. I can see you are still facing it. Go easy on yourself today.',
    },
  },
  {
    id: 'streak.not-about-you',
    situations: ['rejection-streak'],
    tone: 'reassuring',
    preferences: ['just-listen', 'think-together'],
    text: {
      ja: '断られるのが続くと、自分のせいかなって思っちゃうよね。でも相手の事情で決まることも多いから、{repName}さんの価値とは別の話だよ。',
      en: 'When the no’s pile up it is easy to take them personally. Often they are about the customer’s situation, and they say nothing about who you are, {repName}.',
    },
  },
  {
    id: 'streak.here-to-listen',
    situations: ['rejection-streak', 'feeling-hard'],
    tone: 'listening',
    preferences: ['just-listen'],
    text: {
      ja: '話したくなったら、いつでも声かけてね。聞くだけでもいいから。',
      en: 'If you would like to talk, I am around. I am happy just to listen.',
    },
  },
  {
    id: 'streak.lighter-day',
    situations: ['rejection-streak'],
    tone: 'practical',
    preferences: ['advice'],
    text: {
      ja: '今日は新しいお客様より、話しやすいお客様とのやり取りを優先してもいいと思うよ。予定の調整が必要なら手伝うから言ってね。',
      en: 'It is fine to spend today with customers you get on well with, rather than new ones. If anything needs moving around, I can help.',
    },
  },

  // --- Feelings ---
  {
    id: 'feeling.that-stings',
    situations: ['feeling-hard'],
    tone: 'listening',
    preferences: [...all],
    text: {
      ja: 'そういう断られ方は堪えるよね。正直な気持ちを書いてくれてありがとう。',
      en: 'That kind of no stings. Thank you for being honest about how it felt.',
    },
  },
  {
    id: 'feeling.look-back-together',
    situations: ['feeling-hard'],
    tone: 'curious',
    preferences: ['think-together'],
    text: {
      ja: 'もしモヤモヤが残ってたら、少し時間をとって一緒に振り返ろうか。{repName}さんのペースでいいよ。',
      en: 'If it is still nagging at you, shall we take a little time to look back at it together? At your pace, {repName}.',
    },
  },

  // --- Next step ---
  {
    id: 'next-step.already-planned',
    situations: ['next-step-planned'],
    tone: 'grateful',
    preferences: ['advice', 'think-together'],
    text: {
      ja: 'もう次の一手まで考えてあるの、いいね。{customer}とのつながりが続くのは大事だよ。手伝えることがあったら言ってね。',
      en: 'I like that you have already thought about a next step with {customer}. Keeping that connection matters. Tell me if I can help.',
    },
  },
  {
    id: 'next-step.timing',
    situations: ['next-step-planned'],
    tone: 'practical',
    preferences: ['advice'],
    text: {
      ja: '次の一手は、相手の状況が変わりそうなタイミング（新しい期や新しいプロジェクト）に合わせると話しやすいと思うよ。',
      en: 'For the next step, it often helps to time it with a change on their side, such as a new fiscal period or a new project.',
    },
    avoid: ['rejection-streak'],
  },

  // --- Shared with the team ---
  {
    id: 'team.thanks-for-sharing',
    situations: ['shared-with-team'],
    tone: 'grateful',
    preferences: [...all],
    text: {
      ja: 'チームに共有してくれてありがとう。こういう話が出てくると、みんなも自分の断られ話をしやすくなるよ。',
      en: 'Thanks for sharing this with the team. Stories like this make it easier for everyone to talk about their own no’s.',
    },
  },
  {
    id: 'team.easy-atmosphere',
    situations: ['shared-with-team'],
    tone: 'warm',
    preferences: ['just-listen', 'think-together'],
    text: {
      ja: 'こういう断られ話をチームで気軽に話せるの、いいよね。この空気はみんなで大事にしていきたいな。',
      en: 'I am glad rejection stories like this can be told in our team. I would like us to keep that easy atmosphere.',
    },
  },

  // --- Any shared log ---
  {
    id: 'log.thanks-for-trusting',
    situations: ['log-shared'],
    tone: 'warm',
    preferences: [...all],
    text: {
      ja: '{repName}さん、共有してくれてありがとう。断られた話を聞かせてもらえるのは、信頼してもらえてるってことだと思ってる。',
      en: 'Thank you for sharing this, {repName}. I take it as a sign of trust, and I appreciate it.',
    },
  },
  {
    id: 'log.read-it',
    situations: ['log-shared'],
    tone: 'listening',
    preferences: ['just-listen', 'think-together'],
    text: {
      ja: '読んだよ。{customer}の件、聞かせてくれてありがとう。おつかれさま。',
      en: 'I have read it, and I appreciate you telling me how it went with {customer}.',
    },
  },
  {
    id: 'log.received',
    situations: ['log-shared'],
    tone: 'listening',
    preferences: ['just-listen'],
    text: {
      ja: 'ちゃんと受け取ったよ。書いてくれてありがとう。',
      en: 'Received, and thank you for writing it down.',
    },
  },
  {
    id: 'log.rest-well',
    situations: ['log-shared', 'feeling-hard'],
    tone: 'reassuring',
    preferences: ['just-listen', 'think-together'],
    text: {
      ja: '断られた日は、それだけでもう十分がんばった日だよ。今日はゆっくり休んでね。',
      en: 'A day with a rejection in it is already a full day’s effort. Rest well tonight.',
    },
  },
  {
    id: 'log.what-stays-with-you',
    situations: ['log-shared'],
    tone: 'curious',
    preferences: ['think-together'],
    text: {
      ja: '読ませてもらったよ。この件で、{repName}さんが特に引っかかっているのはどのあたり？',
      en: 'Thanks for sharing. Which part of this is staying with you, {repName}?',
    },
  },
  {
    id: 'log.ask-for-next-time',
    situations: ['log-shared'],
    tone: 'practical',
    preferences: ['advice'],
    text: {
      ja: '共有ありがとう。理由がはっきりしないままなら、少し時間をおいて「今後のために教えてください」と聞いてみるのも手だよ。',
      en: 'Thanks for sharing. If the reason is still unclear, it can be worth asking them later, simply “for next time”.',
    },
    avoid: ['asked-why', 'rejection-streak', 'feeling-hard'],
  },
  {
    id: 'log.start-with-them',
    situations: ['log-shared'],
    tone: 'practical',
    preferences: ['advice'],
    text: {
      ja: 'おつかれさま。次に{customer}と会うときは、提案より先に相手の近況を聞くところから始めてみるといいかも。',
      en: 'Thanks for logging this. Next time you meet {customer}, starting with how things are on their side, before any proposal, often opens more.',
    },
  },
  {
    id: 'log.compare-notes',
    situations: ['log-shared'],
    tone: 'practical',
    preferences: ['advice', 'think-together'],
    text: {
      ja: 'ありがとう。似た断られ方を経験したメンバーもいると思うから、今度その人も交えて話してみようか。',
      en: 'Thanks for this. Others on the team have probably heard a similar no; shall we swap notes with them sometime?',
    },
  },
  {
    id: 'log.jot-it-down',
    situations: ['log-shared'],
    tone: 'practical',
    preferences: ['advice'],
    text: {
      ja: '共有ありがとう。{customer}の言葉で印象に残ったものがあれば、メモしておくと次の提案のヒントになるよ。',
      en: 'Thanks for sharing. If anything {customer} said stuck with you, jot it down; it often becomes the hint for the next proposal.',
    },
  },

  // --- Asked for support ---
  {
    id: 'support.making-time',
    situations: ['support-requested'],
    tone: 'reassuring',
    preferences: [...all],
    text: {
      ja: '{repName}さん、「相談したい」って伝えてくれてありがとう。ちゃんと時間をとるね。都合のいいタイミングを教えてくれる？',
      en: '{repName}, thank you for telling me you would like to talk. I will make time. When would suit you?',
    },
  },
  {
    id: 'support.no-need-to-organise',
    situations: ['support-requested'],
    tone: 'listening',
    preferences: ['just-listen', 'think-together'],
    text: {
      ja: '話したいこと、まとまってなくて大丈夫だよ。まずはそのまま聞かせてね。',
      en: 'It does not need to be organised. I would just like to hear it, as it is.',
    },
  },
  {
    id: 'support.other-people-too',
    situations: ['support-requested'],
    tone: 'practical',
    preferences: ['advice'],
    text: {
      ja: '声をかけてくれてありがとう。私には話しにくいことなら、人事や産業医、社外の相談窓口に話す道もあるからね。どれを選んでも大丈夫だよ。',
      en: 'Thanks for reaching out. If some of it is easier to talk about with someone other than me, HR and the employee assistance programme are there too, and that is completely fine.',
    },
  },
  {
    id: 'support.signed',
    situations: ['support-requested'],
    tone: 'warm',
    preferences: [...all],
    text: {
      ja: '{repName}さん、相談したいって気持ち、受け取ったよ。今週のどこかで必ず時間をつくるね。（{managerName}）',
      en: '{repName}, I have seen that you would like to talk, and I will keep time free this week. – {managerName}',
    },
  },

  // --- Off track after a strong period ---
  {
    id: 'off-track.natural-after-strong',
    situations: ['strong-then-off-track'],
    tone: 'reassuring',
    preferences: [...all],
    text: {
      ja: '少し前にあれだけやり切ったんだから、今そう感じるのは自然なことだよ。お客様との関係づくりは{repName}さんがずっと大事にしてきたことだし、そこを続けていけば大丈夫。',
      en: 'After a period like your last one, feeling this way now is natural. You have always put real care into your customer relationships, {repName}; keep doing that and you will be fine.',
    },
  },
  {
    id: 'off-track.look-at-relationships',
    situations: ['strong-then-off-track'],
    tone: 'curious',
    preferences: ['think-together'],
    text: {
      ja: '好調だったころを支えてくれたお客様との関係、今どうなってるか一緒に振り返ってみない？{repName}さんの強みはそこにあると思うんだ。',
      en: 'Shall we look together at the customer relationships that carried your last period? That is where your strength is, {repName}.',
    },
  },
  {
    id: 'off-track.honest',
    situations: ['strong-then-off-track'],
    tone: 'listening',
    preferences: ['just-listen'],
    text: {
      ja: '正直に書いてくれてありがとう。好調だった時期のあとに不安になるのは、ちっともおかしなことじゃないよ。',
      en: 'Thank you for being honest about this. Feeling uneasy after a strong stretch is nothing strange at all.',
    },
  },

  // --- Pressure and energy ---
  {
    id: 'pressure.lets-lighten',
    situations: ['high-pressure'],
    tone: 'reassuring',
    preferences: ['advice', 'think-together'],
    text: {
      ja: 'プレッシャーが大きい時期だね。ひとりで抱え込まなくていいから、減らせることがないか一緒に考えよう。',
      en: 'This sounds like a high-pressure stretch. You do not have to carry it alone; let’s look together at what could come off your plate.',
    },
  },
  {
    id: 'pressure.heavy-week',
    situations: ['high-pressure', 'low-energy'],
    tone: 'listening',
    preferences: ['just-listen'],
    text: {
      ja: '今週は重たかったね。教えてくれてありがとう。',
      en: 'It sounds like this week has been heavy. Thank you for telling me.',
    },
  },
  {
    id: 'pressure.what-can-wait',
    situations: ['high-pressure'],
    tone: 'practical',
    preferences: ['advice'],
    text: {
      ja: '今抱えている案件の中で、後回しにできるものがないか一度見直してみよう。調整はこっちでも手伝えるよ。',
      en: 'Let’s go through what you are carrying and see what can wait. I can help rearrange things.',
    },
  },
  {
    id: 'energy.wrap-up-early',
    situations: ['low-energy'],
    tone: 'reassuring',
    preferences: ['advice', 'think-together'],
    text: {
      ja: '元気が出ない日もあるよね。今日は早めに切り上げるのもありだよ。',
      en: 'Some days the tank runs low. It is fine to wrap up early today.',
    },
  },

  // --- Today I don't have to sell ---
  {
    id: 'not-selling.good-call',
    situations: ['permission-to-not-sell'],
    tone: 'warm',
    preferences: [...all],
    text: {
      ja: '「今日は売らなくていい」って自分に許せたの、すごくいいと思う。そういう日の会話が、あとで信頼につながったりするんだよね。',
      en: 'I am glad you gave yourself a day when you don’t have to sell. Conversations on days like that often build real trust.',
    },
  },
  {
    id: 'not-selling.enjoy-the-talk',
    situations: ['permission-to-not-sell'],
    tone: 'listening',
    preferences: ['just-listen', 'think-together'],
    text: {
      ja: 'いいね。今日はお客様との会話そのものを楽しんでね。',
      en: 'Good. Enjoy the conversations themselves today.',
    },
  },

  // --- Answers to the reflection questions ---
  {
    id: 'reflection.thanks',
    situations: ['reflection-shared'],
    tone: 'grateful',
    preferences: [...all],
    text: {
      ja: '振り返りを共有してくれてありがとう。{repName}さんが何を考えているのか分かって、うれしいよ。',
      en: 'Thanks for sharing your check-in, {repName}. It helps me understand where you are.',
    },
  },
  {
    id: 'reflection.tell-me-more',
    situations: ['reflection-shared'],
    tone: 'curious',
    preferences: ['think-together'],
    text: {
      ja: '書いてくれたこと、もう少し聞いてみたいな。今度少しだけ話せる？',
      en: 'I would like to hear a little more about what you wrote. Could we find a few minutes to talk?',
    },
  },

  // --- Any shared check-in ---
  {
    id: 'check-in.open-and-honest',
    situations: ['check-in-shared'],
    tone: 'warm',
    preferences: [...all],
    text: {
      ja: '振り返り、読んだよ。いつも正直に書いてくれてありがとう。',
      en: 'I have read your check-in. Thank you for being so open.',
    },
  },
  {
    id: 'check-in.received',
    situations: ['check-in-shared'],
    tone: 'listening',
    preferences: ['just-listen'],
    text: {
      ja: '受け取ったよ。今週もおつかれさま。',
      en: 'Received, with thanks. Take care this week.',
    },
  },
  {
    id: 'check-in.anything-on-your-mind',
    situations: ['check-in-shared'],
    tone: 'curious',
    preferences: ['think-together'],
    text: {
      ja: '読ませてもらったよ。最近の仕事で、{repName}さんが気になってることはある？',
      en: 'Thanks for this, {repName}. Is anything on your mind at work lately that you would like to think through together?',
    },
  },
  {
    id: 'check-in.visit-one-customer',
    situations: ['check-in-shared'],
    tone: 'practical',
    preferences: ['advice'],
    text: {
      ja: 'ありがとう。来週は、関係を深めたいお客様をひとり決めて、売り込み抜きで会いに行ってみるのはどうかな。',
      en: 'Thanks. For next week, how about picking one customer you would like to know better and visiting with nothing to sell?',
    },
    avoid: ['support-requested', 'high-pressure', 'low-energy', 'strong-then-off-track'],
  },
  {
    id: 'check-in.next-one-on-one',
    situations: ['check-in-shared'],
    tone: 'practical',
    preferences: ['advice', 'think-together'],
    text: {
      ja: '共有ありがとう。うまくいったことも、そうじゃなかったことも、今度ふたりで話すときに一緒に見ていこう。',
      en: 'Thank you. Let’s go over what went well and what did not, together, next time we sit down.',
    },
  },
  {
    id: 'check-in.come-early',
    situations: ['check-in-shared'],
    tone: 'practical',
    preferences: ['advice'],
    text: {
      ja: 'ありがとう。迷っている案件があれば、早めに声をかけてくれたら一緒に作戦を考えるよ。',
      en: 'Thanks. If a deal has you unsure, come to me early and we will work out an approach together.',
    },
  },
  {
    id: 'check-in.here-when-you-want',
    situations: ['check-in-shared'],
    tone: 'listening',
    preferences: ['just-listen', 'think-together'],
    text: {
      ja: 'ちゃんと読んだよ。話したくなったら、いつでもどうぞ。',
      en: 'I have read it carefully. Whenever you want to talk, I am here.',
    },
  },
  {
    id: 'check-in.time-for-yourself',
    situations: ['check-in-shared'],
    tone: 'listening',
    preferences: ['just-listen'],
    text: {
      ja: '振り返ってくれてありがとう。書く時間が、自分をいたわるひとときにもなっていたらいいな。',
      en: 'Thanks for taking the time to reflect. I hope writing it down was also a small moment for yourself.',
    },
  },
  {
    id: 'check-in.whys-you-heard',
    situations: ['check-in-shared'],
    tone: 'practical',
    preferences: ['advice'],
    text: {
      ja: '共有ありがとう。今週お客様から聞けた「なぜ」があったら、ぜひ教えてね。次の提案のいいヒントになるから。',
      en: 'Thanks. If a customer told you “why” about something this week, I would love to hear it; those make great hints for the next proposal.',
    },
  },
];

/** The templates Rebound ships with. Extend or replace them with `extendReplyCatalog` / `defineReplyCatalog`. */
export const defaultReplyCatalog = defineReplyCatalog(DEFAULT_REPLY_TEMPLATES);
