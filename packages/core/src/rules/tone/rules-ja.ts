import { pattern, type ToneGuard, type ToneRule, type ToneRuleSet } from './tone-rule';

// Patterns run on the folded draft: NFKC, katakana as hiragana, ASCII lowercase. Katakana written here is
// folded the same way by `pattern`, so ノルマ below matches ノルマ, ﾉﾙﾏ and のるま alike. Plain ranges such as
// [\u3400-\u9fff] stand in for Unicode property classes: every character the rules look for is one UTF-16
// unit, and the patterns run several times faster without the `u` flag.

const NAME_STEM = '(?:[\\u3400-\\u9fff々]{1,4}|[ぁ-ゖー]{2,5}|[a-z]{2,12})';
const COLLEAGUE_HONORIFIC = '(?:さん|くん|君|ちゃん|先輩|氏)';
const ANY_HONORIFIC = '(?:さん|くん|君|ちゃん|先輩|氏|様|さま)';
const CUSTOMER_HONORIFIC = '(?:様|さま)';

/**
 * A name with an honorific, followed by `rest`. The pattern looks for the honorific first and checks the name
 * in a lookbehind (capture group 1), which is several times faster than trying a name at every kanji; the
 * rule's `stemBefore` puts the name back into the span.
 */
function named(honorific: string, rest: string): string {
  return `${honorific}(?<=(${NAME_STEM})${honorific})${rest}`;
}

/** Colleagues as a group. */
const GROUP =
  '(?:他の|ほかの|周りの|まわりの)(?:人|ひと|メンバー|みんな|皆|子|営業)|他人|同期|新人|前任者?|前の担当者?|みんな|皆さん|みなさん|周り';
/** Someone else already got there. */
const ACHIEVED =
  '(?:達成|受注|契約|成約|クリア)(?:して|し)(?:る|いる|た|ます|ました|てる)|(?:決め|取っ|取れ|とっ|とれ|でき|やれ)(?:て|てる|ている|てた|ていた|てます|てました|てくる|てくるよ)|うまく(?:やって|いって|できて)|上手に|\\d+件|結果を?出して|頑張って(?:る|いる)のに';
const AFTER_ACHIEVED = `[^。！？!?\\n]{0,25}?(?:${ACHIEVED})`;
/** An explicit comparison right after the person. */
const AFTER_MARKER =
  '(?:の方|のほう)?[^。！？!?\\n]{0,4}?(?:を見習|見習って|みたいに|のように|と比べ|に比べ|と比較|に負け|に勝って|より(?:も)?(?:ずっと|はるかに|全然)?(?:上|下|上手|下手|でき|劣|まし|早|遅))';
const YOU = '(?:あなた|あんた|君|きみ|お前|おまえ)';

// 様 is mostly for customers (「高橋様から受注しました」 is good news, not a comparison), so a 様 name counts only
// with an explicit comparison word or a contrast such as 〜のに.
const rules: ToneRule[] = [
  {
    id: 'ja.comparison.named-achieved',
    category: 'comparison',
    message: 'comparison.peer',
    stemBefore: true,
    pattern: pattern(named(COLLEAGUE_HONORIFIC, AFTER_ACHIEVED)),
  },
  {
    id: 'ja.comparison.group-achieved',
    category: 'comparison',
    message: 'comparison.peer',
    pattern: pattern(`(?:${GROUP})${AFTER_ACHIEVED}`),
  },
  {
    id: 'ja.comparison.named-marker',
    category: 'comparison',
    message: 'comparison.peer',
    stemBefore: true,
    pattern: pattern(named(ANY_HONORIFIC, AFTER_MARKER)),
  },
  {
    id: 'ja.comparison.group-marker',
    category: 'comparison',
    message: 'comparison.peer',
    pattern: pattern(`(?:${GROUP}|人|誰か)${AFTER_MARKER}`),
  },
  {
    id: 'ja.comparison.customer-contrast',
    category: 'comparison',
    message: 'comparison.peer',
    stemBefore: true,
    pattern: pattern(named(CUSTOMER_HONORIFIC, `${AFTER_ACHIEVED}(?:のに|んだけど|んですけど)`)),
  },
  {
    id: 'ja.comparison.you-better',
    category: 'comparison',
    message: 'comparison.peer',
    pattern: pattern('{YOU}の(?:方|ほう)が[^。！？\\n]{0,12}?より', { YOU }),
  },
  {
    id: 'ja.comparison.ranking',
    category: 'comparison',
    message: 'comparison.ranking',
    pattern: pattern(
      '(?:チーム|部署|課|部|同期|メンバー|みんな|営業所|支店)(?:の中|内)?で(?:一番|いちばん|最も|最下位|ビリ|トップ)|最下位|ビリ|ランキング|順位',
    ),
  },
  {
    id: 'ja.comparison.only-you',
    category: 'comparison',
    message: 'comparison.peer',
    pattern: pattern('{YOU}だけ(?!じゃ|では|で|に)[^。、！？\\n]{0,12}?(?:ない|ません)', { YOU }),
  },

  {
    id: 'ja.blame.your-fault',
    category: 'blame',
    message: 'blame.fault',
    pattern: pattern(
      '{YOU}の(?:せい|ミス|責任|落ち度|失敗|判断ミス)(?!じゃ|では|でもな|でもあり|でない|ではな)|{YOU}が悪(?!くな|いわけ|いんじゃな)|自業自得|原因は{YOU}',
      { YOU },
    ),
  },
  {
    id: 'ja.blame.why-not',
    category: 'blame',
    message: 'blame.why',
    pattern: pattern(
      '(?:なんで|なぜ|どうして)[^。！？!?\\n]{0,25}?(?:なかったの|なかったん|なかったです|なかった[?？]|ちゃったの|ちゃったん|できないの|できないん|しないの|しないん|やらないの)',
    ),
  },
  {
    id: 'ja.blame.hindsight',
    category: 'blame',
    message: 'blame.hindsight',
    pattern: pattern(
      '(?:て|で)(?:いれば|れば|おけば|いたら|たら)[^。！？!?\\n]{0,15}?(?:防げ|ならなかった|ならずに|取れ|決まっ|よかった|はず)',
    ),
  },
  {
    id: 'ja.blame.shortfall',
    category: 'blame',
    message: 'blame.shortfall',
    pattern: pattern(
      '(?:準備|確認|ヒアリング|詰め|勉強|リサーチ|調査|下調べ|見通し|認識)(?:が|の)?(?:不足|足りな|甘)|(?:やり方|進め方|提案の仕方|聞き方|話し方|アプローチ|詰め方|提案)(?:が)?(?:悪|まず|間違|下手)|言い訳|(?:また|前回も|前にも|何度も)[^。！？\\n]{0,8}?(?:同じ)?(?:失敗|ミス)|(?:あれだけ|何度も|前にも|前回も)(?:言った|伝えた|注意した)|自分で(?:なんとか|何とか)し',
    ),
  },

  {
    id: 'ja.blame.sarcasm',
    category: 'blame',
    message: 'blame.mocking',
    pattern: pattern(
      'また(?:断られ|失注|ダメ|だめ|負け|振られ)[^。！？!?\\n]{0,6}?[。!?、]?\\s*(?:さすが|すごい|すばらしい|素晴らしい|お見事|やるね|大したもん)|(?:さすが|お見事|すごいね|やるね)[^。！？!?\\n]{0,4}?[、,]?(?:今月)?(?:これで)?(?:何回目|何度目|また(?:断られ|失注|ダメ))|(?:何回目|何度目)(?:\\?|だ|なの)',
    ),
  },
  {
    id: 'ja.numbers.figures',
    category: 'numbers-pressure',
    message: 'numbers.target',
    pattern: pattern(
      '数字(?:を|で|が|だけ(?:は|を)?)?(?:出し|出せ|出さ|上げ|作っ|作れ|作ら|示し|示せ|見せ|落とさ|足りな|積)',
    ),
  },
  {
    id: 'ja.numbers.target',
    category: 'numbers-pressure',
    message: 'numbers.target',
    pattern: pattern(
      '(?:目標|ノルマ|予算|kpi|計画|売上目標)(?:を|は|の)?(?:必ず|絶対に?|なんとか|何とか)?(?:達成|必達|クリア)(?:して|しろ|しなさい|しないと|しなきゃ|できなかったら|できないと|だけは|は絶対|は必須)|必達|(?:目標|ノルマ|予算|kpi|計画)(?:は|が)?未達|未達(?:は|が|で|だ|です)|ノルマ(?:は|が)?(?:絶対|必須)',
    ),
  },
  {
    id: 'ja.numbers.close-it',
    category: 'numbers-pressure',
    message: 'numbers.target',
    pattern: pattern(
      '(?:必ず|絶対に?|なんとか|何とか)(?:達成|受注|契約|決め|取っ|取ってき|数字を?出)(?:して|しろ|ろ|て|てこい|てきて)|(?:今月|今週|今期|今日|明日|来週|期末|月末)(?:中に|まで(?:に)?|こそ|は)?[^。！？\\n]{0,12}?(?:受注|契約|決め|取っ|達成|数字)(?:し|て)?(?:ない(?:と|なら)|なきゃ|ろ|て(?:ね|こい|きて|ください|ほしい)|てきて)',
    ),
  },
  {
    id: 'ja.numbers.amount',
    category: 'numbers-pressure',
    message: 'numbers.target',
    pattern: pattern(
      '(?:あと|残り)\\d+(?:万|千|億)?(?:円|件)?(?:は|を)?(?:足りな|不足|積|必要|受注|取っ|決め)|\\d+(?:万|千|億)(?:円)?(?:を)?(?:積ん|積め|上げ|足りな|不足)',
    ),
  },
  {
    id: 'ja.numbers.sales',
    category: 'numbers-pressure',
    message: 'numbers.target',
    pattern: pattern(
      '(?:売上|売り上げ|数字|結果)(?:を|が)?(?:上げ|立て|立た|出さ|出せ|作ら)(?:ないと|なきゃ|ろ|て)|評価に(?:響|関わ|影響)|(?:売上|数字|件数|目標|予算)[^。！？!?\\n]{0,6}?足りて(?:い)?ない|件数を(?:稼|増や|上げ)',
    ),
  },
  {
    id: 'ja.numbers.only-results',
    category: 'numbers-pressure',
    message: 'numbers.only-results',
    pattern: pattern('(?:結果|数字|売上)(?:が|こそ)(?:すべて|全て|全部)|結果で(?:示|見せ)|結果(?:を)?出せ'),
  },

  {
    id: 'ja.dismiss.minimise',
    category: 'dismissing-feelings',
    message: 'dismiss.minimise',
    pattern: pattern(
      '(?:気に|きに)(?:し|す)(?:すぎ|過ぎ)|(?:考え|かんがえ)(?:すぎ|過ぎ)|大げさ|大袈裟|おおげさ|気の持ちよう|たかが|大したこと(?:じゃ|では)?(?:ない|ありません)|(?:そんな|こんな)(?:こと|の)で(?:いちいち)?(?:落ち込|へこ|凹|悩|泣|傷つ|くよくよ|めげ)|(?:これ|それ|その|この)(?:くらい|ぐらい|程度)で(?:落ち込|へこ|凹|悩|泣|傷つ|くよくよ|めげ)|いちいち(?:落ち込|へこ|気にし)|ネガティブ(?:に)?(?:なりすぎ|なるな|考えすぎ)|メンタル(?:が)?弱',
    ),
  },
  {
    id: 'ja.dismiss.toughen',
    category: 'dismissing-feelings',
    message: 'dismiss.toughen',
    pattern: pattern(
      '甘え(?:る|ん)な|甘え(?:て|てる)(?:ない|んじゃ|だけ)|甘えだ|泣き言|弱音(?:を)?(?:吐く|はく|言う|言わ)|弱音は|くよくよ(?:しない|するな|すんな)|いつまでも(?:落ち込|くよくよ|引きず)|引きず(?:るな|らないで)|落ち込(?:む|んで(?:る|いる)?)(?:暇|場合)|(?:気持ち|頭)を切り替え(?:て|ろ|よう|なさい)|切り替えて(?:いこう|次|いけ)|忘れろ|割り切(?:れ|って)|へこたれるな|慣れ(?:ろ|るしかない|なさい)',
    ),
  },

  {
    id: 'ja.exhort.harder',
    category: 'empty-exhortation',
    message: 'exhort.effort',
    pattern: pattern(
      'もっと(?:頑張|がんば|努力|必死)|(?:気合|きあい)(?:い)?(?:だ|で|を入れ|入れ|が足りな|足りな|見せ|が大事|!)|(?:根性|こんじょう)(?:で|を?見せ|出せ|が足りな|足りな|だ|論)|(?:努力|頑張り)(?:が)?(?:足りな|不足)|努力あるのみ|死ぬ気で|必死(?:に|で)(?:やれ|やって)|歯を食いしば|踏ん張(?:れ|りなさい|って|ろ)|もう一踏ん張り|(?:諦|あきら)めるな',
    ),
  },
  {
    id: 'ja.exhort.volume',
    category: 'empty-exhortation',
    message: 'exhort.volume',
    pattern: pattern(
      '数を(?:打|う|こな)(?:て|てば|せ|す|っ)|数打ちゃ|とにかく(?:電話|訪問|行動|動|数|足で|量|アポ)|行動あるのみ|量を(?:こな|稼)',
    ),
  },
  {
    id: 'ja.exhort.positivity',
    category: 'empty-exhortation',
    message: 'exhort.positivity',
    pattern: pattern(
      'やる気(?:の問題|を?出せ|を?出して|を?出せば|次第|が足りな|足りな|見せ)|(?:ポジティブ|前向き)に(?:考えれば|いけ|考えろ|考えよう|なれ|いこう)|気持ちで負け',
    ),
  },
];

const guards: ToneGuard[] = [
  {
    category: 'comparison',
    pattern: pattern(
      '比べ(?:る|た)?(?:必要|こと)?(?:は|も)?(?:ない|ありません|なくて|ないで|ずに|るな)|比べ(?:て|る)?[^。]{0,8}?(?:なくていい|なくて大丈夫|なくても|ないで)|比べるつもりは',
    ),
  },
  {
    category: 'blame',
    pattern: pattern(
      '(?:せい|責任|ミス|悪い|悪く|失敗)(?:じゃ|では|でも)?(?:ない|なかった|ありません|ないです|わけでは|わけじゃ)|誰のせいでもな|責めな|責める必要|どうしようもなかった|(?:私|僕|俺|わたし|ぼく|こちら)(?:が|も)',
    ),
  },
  {
    category: 'numbers-pressure',
    pattern: pattern(
      '(?:すべて|全て|全部|だけ)(?:じゃ|では)(?:ない|ありません)|(?:気に|心配|考え|意識|焦ら)(?:しなくて|しないで|なくて|ないで|なくても)|忘れて(?:いい|大丈夫|ください)|より(?:も)?(?:大事|大切)|(?:一旦|いったん|今は)(?:忘れ|気にしな|置いて)',
    ),
  },
  {
    category: 'dismissing-feelings',
    pattern: pattern('(?:しなくて|なくても|なくて)(?:いい|大丈夫)|てもいい|ても大丈夫'),
  },
  {
    category: 'empty-exhortation',
    pattern: pattern(
      '(?:なんて|とは|って)(?:言わ|いわ)ない|(?:言う|いう)つもりは(?:ない|ありません)|(?:頑張|がんば)りすぎ|十分(?:頑張|がんば)|(?:頑張|がんば)らなくて',
    ),
  },
];

export const jaToneRules: ToneRuleSet = { rules, guards };
