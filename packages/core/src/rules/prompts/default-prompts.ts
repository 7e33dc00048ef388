import { definePromptCatalog, type ReflectionPromptInput } from './prompt-schema';

// Written for Rebound in both languages, each in its own voice (not translated word for word).
// None of them asks for counts of visits, calls or deals: process and feelings only.

const streakAndLow = ['rejection-streak', 'running-low'] as const;
const notWhenStrained = ['rejection-streak', 'pressure-rising', 'running-low'] as const;

export const DEFAULT_PROMPTS: readonly ReflectionPromptInput[] = [
  // --- Permission: "today I don't have to sell" ---
  {
    id: 'permission.not-selling-today',
    intent: 'permission',
    answerKind: 'choice',
    text: {
      en: "How about making today a day when you don't have to sell?",
      ja: '今日は「売らなくていい日」にしてみませんか。',
    },
    choices: [
      { id: 'yes', label: { en: "Yes, let's", ja: 'そうしてみる' } },
      { id: 'half-day', label: { en: 'For half the day', ja: '半日だけそうする' } },
      { id: 'not-needed', label: { en: "I'm all right today", ja: '今日は大丈夫' } },
    ],
    conditions: { situations: [...streakAndLow, 'pressure-rising'] },
    cooldownDays: 3,
    weight: 2,
  },
  {
    id: 'permission.one-good-conversation',
    intent: 'permission',
    answerKind: 'text',
    text: {
      en: 'If today were only about having one good conversation, not about a result, who would you talk to?',
      ja: '今日は結果ではなく、いい会話をひとつできれば十分だとしたら、誰と話したいですか。',
    },
    conditions: { situations: [...streakAndLow] },
    cooldownDays: 5,
  },
  {
    id: 'permission.put-something-down',
    intent: 'permission',
    answerKind: 'text',
    text: {
      en: 'Is there one thing you could set down for today and pick up later?',
      ja: '今日はいったん手放して、あとで拾い直せばいいことはありますか。',
    },
    conditions: { situations: [...streakAndLow, 'pressure-rising'] },
    cooldownDays: 7,
  },
  {
    id: 'permission.enough-for-today',
    intent: 'permission',
    answerKind: 'text',
    text: {
      en: "What would 'that's enough for today' look like for you?",
      ja: 'あなたにとって「今日はここまでで十分」と言えるのは、どんな状態ですか。',
    },
    conditions: { situations: [...streakAndLow, 'pressure-rising'] },
    cooldownDays: 7,
  },
  {
    id: 'permission.just-listen',
    intent: 'permission',
    answerKind: 'text',
    text: {
      en: 'Is there a meeting where you could stop trying to sell and simply listen?',
      ja: '売ろうとするのをやめて、ただ話を聞くだけにできそうな商談はありますか。',
    },
    conditions: { situations: ['running-low'], always: true },
    cooldownDays: 10,
  },

  // --- Self-compassion ---
  {
    id: 'self-compassion.words-for-a-friend',
    intent: 'self-compassion',
    answerKind: 'text',
    text: {
      en: "If a teammate had had the last couple of days you've had, what would you say to them?",
      ja: 'もし仲間があなたと同じここ数日を過ごしていたら、どんな言葉をかけますか。',
    },
    conditions: { situations: ['rejection-streak'] },
    cooldownDays: 10,
    weight: 2,
  },
  {
    id: 'self-compassion.a-no-is-not-you',
    intent: 'self-compassion',
    answerKind: 'text',
    text: {
      en: "A 'no' is an answer to a proposal at one moment, not a verdict on you. What do you want to remember about yourself today?",
      ja: '断られたのはその時の提案で、あなたという人ではありません。今日の自分に、覚えておいてほしいことは何ですか。',
    },
    conditions: { situations: [...streakAndLow] },
    cooldownDays: 14,
  },
  {
    id: 'self-compassion.rest',
    intent: 'self-compassion',
    answerKind: 'scale',
    text: {
      en: 'How much rest have you had this week? (1 = hardly any, 5 = plenty)',
      ja: '今週は、どれくらい休めていますか。（1 = ほとんど休めていない、5 = しっかり休めている）',
    },
    conditions: { situations: [...streakAndLow, 'pressure-rising'] },
    cooldownDays: 7,
  },
  {
    id: 'self-compassion.one-kind-thing',
    intent: 'self-compassion',
    answerKind: 'text',
    text: {
      en: 'What is one kind thing you could do for yourself today?',
      ja: '今日、自分のためにしてあげられるやさしいことをひとつ挙げるとしたら何ですか。',
    },
    conditions: { situations: [...streakAndLow, 'pressure-rising', 'quarter-end'] },
    cooldownDays: 7,
  },
  {
    id: 'self-compassion.how-it-left-you',
    intent: 'self-compassion',
    answerKind: 'choice',
    text: {
      en: 'Which comes closest to how these rejections have left you?',
      ja: '断られることが続いて、いまの気持ちに近いのはどれですか。',
    },
    choices: [
      { id: 'tired', label: { en: 'Worn out', ja: '疲れた' } },
      { id: 'frustrated', label: { en: 'Frustrated', ja: '悔しい' } },
      { id: 'okay', label: { en: 'Surprisingly okay', ja: '意外と平気' } },
      { id: 'unsure', label: { en: 'Hard to say', ja: 'うまく言えない' } },
    ],
    conditions: { situations: ['rejection-streak'] },
    cooldownDays: 5,
  },
  {
    id: 'self-compassion.where-pressure-comes-from',
    intent: 'self-compassion',
    answerKind: 'choice',
    text: {
      en: 'Where does the pressure seem to come from at the moment?',
      ja: 'いま感じているプレッシャーは、どこから来ていると思いますか。',
    },
    choices: [
      { id: 'outside', label: { en: 'From around me', ja: '周りから' } },
      { id: 'myself', label: { en: 'From my own expectations', ja: '自分への期待から' } },
      { id: 'both', label: { en: 'Both', ja: '両方' } },
      { id: 'unsure', label: { en: 'Not sure', ja: 'よくわからない' } },
    ],
    conditions: { situations: ['pressure-rising'] },
    cooldownDays: 14,
    weight: 2,
  },
  {
    id: 'self-compassion.no-need-to-beat-yourself',
    intent: 'self-compassion',
    answerKind: 'text',
    text: {
      en: "You don't have to outdo last month's version of yourself. What do you want to protect in the way you work?",
      ja: '先月の自分に勝ち続けなくても大丈夫です。自分の働き方の中で、守りたいものは何ですか。',
    },
    conditions: { situations: ['pressure-rising', 'strong-then-off-track'] },
    cooldownDays: 14,
  },
  {
    id: 'self-compassion.proud-of-how',
    intent: 'self-compassion',
    answerKind: 'text',
    text: {
      en: 'Leaving results aside, what are you proud of in how you worked this quarter?',
      ja: '結果はいったん脇に置いて、この四半期の働き方で誇れることは何ですか。',
    },
    conditions: { situations: ['quarter-end'] },
    cooldownDays: 30,
  },
  {
    id: 'self-compassion.quarter-end-care',
    intent: 'self-compassion',
    answerKind: 'text',
    text: {
      en: 'The end of a quarter can get hectic. How will you look after yourself over the next few days?',
      ja: '期末はどうしても慌ただしくなりがちです。この数日、自分をいたわるために何をしますか。',
    },
    conditions: { situations: ['quarter-end'] },
    cooldownDays: 30,
  },

  // --- Dialogue (including the offers to talk to someone) ---
  {
    id: 'dialogue.talk-to-someone',
    intent: 'dialogue',
    answerKind: 'choice',
    text: {
      en: 'Would it help to talk this through with someone?',
      ja: '誰かと少し話してみるのはどうでしょう。',
    },
    choices: [
      { id: 'talk-manager', label: { en: 'Yes, with my manager', ja: '上司と話したい' } },
      { id: 'talk-someone-else', label: { en: 'Yes, with someone else', ja: '上司以外の人と話したい' } },
      { id: 'not-now', label: { en: 'Not now, thanks', ja: '今はいい' } },
    ],
    conditions: { situations: ['pressure-rising', 'running-low', 'strong-then-off-track'] },
    cooldownDays: 7,
    weight: 3,
  },
  {
    id: 'dialogue.lighter-next-week',
    intent: 'dialogue',
    answerKind: 'text',
    text: {
      en: 'What would make next week a little lighter, and is there someone who could help with that?',
      ja: '来週を少し軽くするには何があると助かりますか。手を貸してくれそうな人はいますか。',
    },
    conditions: { situations: ['pressure-rising', 'running-low'] },
    cooldownDays: 10,
  },
  {
    id: 'dialogue.not-said-yet',
    intent: 'dialogue',
    answerKind: 'text',
    text: {
      en: "Is there something you've been carrying that you haven't told anyone yet?",
      ja: 'まだ誰にも話せていないけれど、ひとりで抱えていることはありますか。',
    },
    conditions: { situations: ['pressure-rising', 'running-low'] },
    cooldownDays: 14,
  },
  {
    id: 'dialogue.how-it-felt',
    intent: 'dialogue',
    answerKind: 'text',
    text: {
      en: 'Apart from how it ended, how did the conversation itself feel?',
      ja: '結果はさておき、会話そのものはどんな手応えでしたか。',
    },
    conditions: { situations: ['just-logged'], always: true },
    cooldownDays: 3,
  },
  {
    id: 'dialogue.moment-of-connection',
    intent: 'dialogue',
    answerKind: 'text',
    text: {
      en: 'Was there a moment when you felt you and the customer were really talking?',
      ja: 'お客様と気持ちが通じたと感じた瞬間はありましたか。',
    },
    conditions: { situations: ['just-logged'], always: true },
    cooldownDays: 5,
  },
  {
    id: 'dialogue.on-your-mind',
    intent: 'dialogue',
    answerKind: 'text',
    text: {
      en: 'What has been on your mind lately, at work or outside it?',
      ja: '最近、仕事でもそれ以外でも、気にかかっていることはありますか。',
    },
    conditions: { situations: ['quiet-spell', 'back-from-away', 'running-low'] },
    cooldownDays: 10,
  },
  {
    id: 'dialogue.small-good-thing',
    intent: 'dialogue',
    answerKind: 'text',
    text: {
      en: 'What is one small thing that went well recently? Small counts.',
      ja: '最近あった「ちょっとよかったこと」をひとつ教えてください。小さなことで構いません。',
    },
    conditions: { situations: ['quiet-spell', 'back-from-away'], always: true },
    cooldownDays: 7,
  },
  {
    id: 'dialogue.meaningful-conversation',
    intent: 'dialogue',
    answerKind: 'text',
    text: {
      en: 'Which conversation this week stayed with you, and why?',
      ja: '今週の会話で、心に残っているものはありますか。どうして残っているのでしょう。',
    },
    conditions: { situations: [], always: true },
    cooldownDays: 7,
    weight: 2,
  },
  {
    id: 'dialogue.how-are-you-really',
    intent: 'dialogue',
    answerKind: 'scale',
    text: {
      en: 'How are you, honestly, today? (1 = not great, 5 = good)',
      ja: '正直なところ、今日の調子はどうですか。（1 = よくない、5 = いい感じ）',
    },
    conditions: { situations: [], always: true },
    cooldownDays: 3,
  },

  // --- Reassurance ---
  {
    id: 'reassurance.after-a-strong-period',
    intent: 'reassurance',
    answerKind: 'text',
    text: {
      en: 'A quieter stretch after a very strong period is natural, not a sign that something is wrong. Which customer relationships carried your last period?',
      ja: '大きな成果のあとに思うように進まない時期が来るのは、ごく自然なことです。好調だったころを支えてくれたお客様との関係を思い浮かべると、誰の顔が浮かびますか。',
    },
    conditions: { situations: ['strong-then-off-track'] },
    cooldownDays: 21,
    weight: 3,
  },
  {
    id: 'reassurance.still-yours',
    intent: 'reassurance',
    answerKind: 'text',
    text: {
      en: 'The way of working that made your last period go well is still yours. Which part of it feels most like you?',
      ja: '好調だったころの働き方は、今もちゃんとあなたの中にあります。その中で、特に自分らしいと感じるところはどこですか。',
    },
    conditions: { situations: ['strong-then-off-track'] },
    cooldownDays: 21,
  },
  {
    id: 'reassurance.measuring-against-yourself',
    intent: 'reassurance',
    answerKind: 'scale',
    text: {
      en: 'How much of this feeling comes from measuring yourself against your strongest stretch? (1 = hardly, 5 = a lot)',
      ja: 'いまの気持ちは、絶好調だった頃の自分と比べることから、どれくらい来ていると思いますか。（1 = ほとんどない、5 = かなりある）',
    },
    conditions: { situations: ['strong-then-off-track', 'pressure-rising'] },
    cooldownDays: 21,
  },
  {
    id: 'reassurance.welcome-back',
    intent: 'reassurance',
    answerKind: 'text',
    text: {
      en: "Welcome back. There's nothing here you need to catch up on. How are you feeling as you start again?",
      ja: 'おかえりなさい。ここで取り戻さなければいけないことは何もありません。再開するいま、どんな気分ですか。',
    },
    conditions: { situations: ['back-from-away'] },
    cooldownDays: 14,
    weight: 3,
  },
  {
    id: 'reassurance.energy-any-answer',
    intent: 'reassurance',
    answerKind: 'scale',
    text: {
      en: 'How much energy do you have today? (1 = very little, 5 = plenty) Any answer is fine.',
      ja: '今日の元気はどれくらいですか。（1 = ほとんどない、5 = たっぷり）どの答えでも大丈夫です。',
    },
    conditions: { situations: ['quiet-spell', 'back-from-away'] },
    cooldownDays: 7,
  },
  {
    id: 'reassurance.here-when-you-want',
    intent: 'reassurance',
    answerKind: 'choice',
    text: {
      en: 'Use this space whenever it suits you. What would be useful right now?',
      ja: '気が向いたときに、いつでも使ってください。いまのあなたに役立ちそうなのはどれですか。',
    },
    choices: [
      { id: 'occasional-question', label: { en: 'A question now and then', ja: 'ときどき問いかけがあれば十分' } },
      { id: 'think-through', label: { en: 'Help thinking a rejection through', ja: '断られた件を一緒に整理したい' } },
      { id: 'nothing-now', label: { en: 'Nothing for now', ja: '今は特にない' } },
    ],
    conditions: { situations: ['quiet-spell'] },
    cooldownDays: 30,
    weight: 2,
  },

  // --- Discovery ---
  {
    id: 'discovery.unexpected-answer',
    intent: 'discovery',
    answerKind: 'text',
    text: {
      en: "When you asked why, what did you hear that you hadn't expected?",
      ja: '理由を聞いてみて、思っていたのと違う答えはありましたか。',
    },
    conditions: { situations: ['asked-why'] },
    cooldownDays: 3,
    weight: 2,
  },
  {
    id: 'discovery.need-beneath-the-reason',
    intent: 'discovery',
    answerKind: 'text',
    text: {
      en: 'Beneath the reason they gave, what do you think they actually need?',
      ja: '断られた理由の奥で、お客様が本当に求めているものは何だと思いますか。',
    },
    conditions: { situations: ['asked-why', 'discovery-made', 'just-logged'] },
    cooldownDays: 5,
  },
  {
    id: 'discovery.what-kind-of-reason',
    intent: 'discovery',
    answerKind: 'choice',
    text: {
      en: 'Was the reason you heard more about the proposal, the timing, or something else?',
      ja: '聞けた理由は、提案の中身・時期・それ以外のどれに近いですか。',
    },
    choices: [
      { id: 'proposal', label: { en: 'The proposal', ja: '提案の中身' } },
      { id: 'timing', label: { en: 'The timing', ja: '時期' } },
      { id: 'relationship', label: { en: 'How well we know each other', ja: 'お互いの関係' } },
      { id: 'unclear', label: { en: 'Still unclear', ja: 'まだはっきりしない' } },
    ],
    conditions: { situations: ['asked-why'] },
    cooldownDays: 7,
  },
  {
    id: 'discovery.one-more-question',
    intent: 'discovery',
    answerKind: 'text',
    text: {
      en: 'If you could ask them one more question, what would it be?',
      ja: 'もうひとつだけ質問できるとしたら、何を聞いてみたいですか。',
    },
    conditions: { situations: ['asked-why', 'just-logged'] },
    cooldownDays: 5,
  },
  {
    id: 'discovery.guess-what-led-to-no',
    intent: 'discovery',
    answerKind: 'text',
    text: {
      en: 'If you had to guess, what might have led to their no?',
      ja: '想像でかまいません。お断りの背景には何があったと思いますか。',
    },
    conditions: { situations: ['just-logged'] },
    cooldownDays: 3,
  },
  {
    id: 'discovery.ask-next-time',
    intent: 'discovery',
    answerKind: 'text',
    text: {
      en: 'Next time you find yourself in a moment like this, what would you like to ask?',
      ja: '次に似た場面になったら、お客様にどんなことを聞いてみたいですか。',
    },
    conditions: { situations: ['just-logged'] },
    cooldownDays: 7,
  },
  {
    id: 'discovery.carry-into-next-quarter',
    intent: 'discovery',
    answerKind: 'text',
    text: {
      en: 'What has this quarter taught you that you want to take into the next one?',
      ja: 'この四半期で学んだことのうち、次の四半期にも持っていきたいことは何ですか。',
    },
    conditions: { situations: ['quarter-end'] },
    cooldownDays: 30,
  },
  {
    id: 'discovery.something-new-about-a-customer',
    intent: 'discovery',
    answerKind: 'text',
    text: {
      en: "What did you learn about a customer recently that you didn't know before?",
      ja: '最近、お客様について新しく知ったことはありますか。',
    },
    conditions: { situations: [], always: true },
    cooldownDays: 7,
  },
  {
    id: 'discovery.asked-why-lately',
    intent: 'discovery',
    answerKind: 'text',
    text: {
      en: "Did you get a chance to ask a customer 'why' recently? How did it go?",
      ja: '最近、お客様に「なぜ」を聞けた場面はありましたか。どうでしたか。',
    },
    conditions: { situations: [], always: true, avoid: ['rejection-streak', 'quiet-spell', 'back-from-away'] },
    cooldownDays: 14,
  },

  // --- Follow-up ---
  {
    id: 'follow-up.stay-in-touch',
    intent: 'follow-up',
    answerKind: 'text',
    text: {
      en: 'Is there a small, no-pressure way to stay in touch with them?',
      ja: '相手の負担にならない形で、つながりを保つ小さな方法はありますか。',
    },
    conditions: { situations: ['asked-why', 'discovery-made'], avoid: [...notWhenStrained] },
    cooldownDays: 5,
  },
  {
    id: 'follow-up.when-to-return',
    intent: 'follow-up',
    answerKind: 'choice',
    text: {
      en: 'When might it make sense to get back in touch?',
      ja: '次に連絡してみるなら、いつ頃がよさそうですか。',
    },
    choices: [
      { id: 'few-weeks', label: { en: 'In a few weeks', ja: '数週間後' } },
      { id: 'next-quarter', label: { en: 'Next quarter', ja: '来期' } },
      { id: 'when-things-change', label: { en: 'When something changes for them', ja: '先方に変化があったとき' } },
      { id: 'probably-not', label: { en: 'Probably not', ja: 'たぶん連絡しない' } },
    ],
    conditions: { situations: ['asked-why'], avoid: [...notWhenStrained] },
    cooldownDays: 5,
  },
  {
    id: 'follow-up.useful-anyway',
    intent: 'follow-up',
    answerKind: 'text',
    text: {
      en: 'What could you pass on to them that would be useful even if they never buy?',
      ja: 'たとえ契約にならなくても、このお客様の役に立ちそうな情報やひと言はありますか。',
    },
    conditions: { situations: ['asked-why', 'discovery-made'] },
    cooldownDays: 7,
  },
  {
    id: 'follow-up.try-differently',
    intent: 'follow-up',
    answerKind: 'text',
    text: {
      en: "What is one thing you'd like to try differently because of what you found?",
      ja: '今回の発見をふまえて、次に変えてみたいことをひとつ挙げるとしたら何ですか。',
    },
    conditions: { situations: ['discovery-made', 'asked-why'], avoid: [...notWhenStrained] },
    cooldownDays: 7,
  },
  {
    id: 'follow-up.make-time',
    intent: 'follow-up',
    answerKind: 'text',
    text: {
      en: "Is there a follow-up you'd like to make time for this week?",
      ja: '今週、時間をとってやっておきたいフォローはありますか。',
    },
    conditions: { situations: [], always: true, avoid: [...notWhenStrained, 'quiet-spell', 'back-from-away'] },
    cooldownDays: 7,
  },

  // --- Relationship ---
  {
    id: 'relationship.visit-with-nothing-to-sell',
    intent: 'relationship',
    answerKind: 'text',
    text: {
      en: 'Which customer would you like to check in with, with nothing to sell?',
      ja: '売り込みなしで、ただ近況を伺いに行きたいお客様はいますか。',
    },
    conditions: { situations: ['strong-then-off-track', 'quarter-end'] },
    cooldownDays: 14,
    weight: 2,
  },
  {
    id: 'relationship.quietly-proud',
    intent: 'relationship',
    answerKind: 'text',
    text: {
      en: 'Which customer relationship are you quietly proud of right now?',
      ja: 'いま、ひそかに誇りに思っているお客様との関係はありますか。',
    },
    conditions: { situations: ['strong-then-off-track', 'quarter-end'], always: true },
    cooldownDays: 14,
  },
  {
    id: 'relationship.thank-someone',
    intent: 'relationship',
    answerKind: 'text',
    text: {
      en: "Before the quarter closes, is there a customer or colleague you'd like to thank?",
      ja: 'この四半期が終わる前に、お礼を伝えておきたいお客様や仲間はいますか。',
    },
    conditions: { situations: ['quarter-end'] },
    cooldownDays: 30,
    weight: 2,
  },
  {
    id: 'relationship.grow-next',
    intent: 'relationship',
    answerKind: 'text',
    text: {
      en: 'Which customer relationship would you like to give a little more time to next?',
      ja: '次に少し時間をかけて育てていきたいお客様との関係はありますか。',
    },
    conditions: { situations: [], always: true, avoid: [...streakAndLow, 'quiet-spell', 'back-from-away'] },
    cooldownDays: 10,
  },

  // --- Team share ---
  {
    id: 'team-share.as-a-story',
    intent: 'team-share',
    answerKind: 'choice',
    text: {
      en: 'Would this one be worth sharing with the team as a rejection story?',
      ja: '今回の件、チームに断られ話として共有してみませんか。',
    },
    choices: [
      { id: 'named', label: { en: 'Yes, with my name', ja: '名前を出して共有する' } },
      { id: 'anonymous', label: { en: 'Yes, anonymously', ja: '匿名で共有する' } },
      { id: 'not-this-one', label: { en: 'Not this one', ja: '今回はやめておく' } },
    ],
    conditions: { situations: ['discovery-made'] },
    cooldownDays: 7,
  },
  {
    id: 'team-share.who-could-use-it',
    intent: 'team-share',
    answerKind: 'text',
    text: {
      en: 'Who on your team might find what you discovered useful?',
      ja: '今回の発見は、チームの誰かの役に立ちそうですか。',
    },
    conditions: { situations: ['discovery-made'] },
    cooldownDays: 10,
  },
  {
    id: 'team-share.laugh-together',
    intent: 'team-share',
    answerKind: 'text',
    text: {
      en: 'Has there been a rejection lately that you could laugh about with the team?',
      ja: '最近の断られ方で、チームと笑い話にできそうなものはありますか。',
    },
    conditions: { situations: [], always: true, avoid: [...notWhenStrained] },
    cooldownDays: 14,
  },
];

/** The prompts Rebound ships with. Extend or replace them with `extendPromptCatalog` / `definePromptCatalog`. */
export const defaultPromptCatalog = definePromptCatalog(DEFAULT_PROMPTS);
