import { defineCatalog } from '../../i18n/catalog';

/** Why a reply was suggested, for the manager: one text per situation, one note per answer preference. */
export const replyReasons = defineCatalog({
  en: {
    'support-requested':
      '{repName} said they would like to talk. Replying soon, with an offer of time, matters more than the wording.',
    'strong-then-off-track':
      '{repName} rated the last period as very strong and now feels off track. Saying that this is natural, and pointing to their customer relationships, helps.',
    'rejection-streak':
      '{repName} has logged several rejections in a short time. Acknowledge the strain; this is not the moment for goals.',
    'high-pressure': '{repName} rated their pressure high. Easing the load helps more than encouragement.',
    'low-energy': '{repName} rated their energy low. Permission to rest lands better than a push.',
    'feeling-hard': '{repName} said the rejection felt hard. Acknowledge the feeling before anything else.',
    'permission-to-not-sell':
      '{repName} chose "today I don\'t have to sell". Backing that choice gives the safety it is meant to give.',
    'asked-why': '{repName} asked the customer why. Recognising that habit is what makes it last.',
    'discovery-made':
      '{repName} discovered something about the customer. Valuing the discovery rather than the outcome strengthens the habit.',
    'first-log': "This is {repName}'s first rejection log. A warm first reply makes the next one easier to share.",
    'next-step-planned': '{repName} has already planned a next step. Support it rather than add to it.',
    'shared-with-team': '{repName} shared this with the team. Thanking them keeps rejection stories easy to tell.',
    'reflection-shared': '{repName} answered the reflection questions. A reply that shows you read them matters.',
    'log-shared': 'A warm, general reply to a shared rejection log.',
    'check-in-shared': 'A warm, general reply to a shared check-in.',
    'preference.advice': 'It fits how {repName} would like to be answered: with advice.',
    'preference.think-together': 'It fits how {repName} would like to be answered: thinking it through together.',
    'preference.just-listen': '{repName} would like to be just listened to, so it gives no advice.',
  },
  ja: {
    'support-requested':
      '{repName}さんは「相談したい」を選んでいます。言葉選びより、早めに時間を申し出ることが大切です。',
    'strong-then-off-track':
      '{repName}さんは少し前に「とてもよかった」と振り返っていましたが、いまは思うように進んでいないと感じています。それが自然なことだと伝え、お客様との関係に目を向けると支えになります。',
    'rejection-streak':
      '{repName}さんは短い間に何度か断られています。しんどさを受け止める言葉を。目標の話をする場面ではありません。',
    'high-pressure': '{repName}さんはプレッシャーを高めに付けています。励ますより、負担を軽くする言葉が役立ちます。',
    'low-energy': '{repName}さんは元気を低めに付けています。背中を押すより、休んでいいと伝えるほうが届きます。',
    'feeling-hard': '{repName}さんは今回の断られ方をつらく感じています。まず気持ちを受け止めましょう。',
    'permission-to-not-sell':
      '{repName}さんは「今日は売らなくていい」を選びました。その選択を肯定すると、安心して働けます。',
    'asked-why': '{repName}さんはお客様に理由を聞いています。その姿勢を認めることで、習慣として根づきます。',
    'discovery-made': '{repName}さんはお客様について発見をしています。結果ではなく発見を認めると、その習慣が育ちます。',
    'first-log': '{repName}さんにとって初めての断られ記録です。最初の返信があたたかいと、次も共有しやすくなります。',
    'next-step-planned': '{repName}さんはもう次の一手を考えています。付け足すより、支える言葉を。',
    'shared-with-team': '{repName}さんはこれをチームに共有しました。感謝を伝えると、断られ話をしやすい空気が続きます。',
    'reflection-shared': '{repName}さんは問いかけに答えています。読んだことが伝わる返信が大切です。',
    'log-shared': '共有された断られ記録への、あたたかい一般的な返信です。',
    'check-in-shared': '共有された振り返りへの、あたたかい一般的な返信です。',
    'preference.advice': '{repName}さんの「アドバイスがほしい」という希望に合う返信です。',
    'preference.think-together': '{repName}さんの「一緒に考えてほしい」という希望に合う返信です。',
    'preference.just-listen': '{repName}さんは「聞いてほしいだけ」を選んでいるので、アドバイスは含めていません。',
  },
});
