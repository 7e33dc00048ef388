import { defineCatalog } from '@rebound/core';

/** The bot's own texts. Domain texts, prompts and card labels live in core and cards. */
export const botMessages = defineCatalog({
  en: {
    'turn.apology':
      'Sorry, something went wrong on my side and I could not finish that. Please try again in a moment. (reference: {correlationId})',
    'help.intro': 'Here is what you can ask me:',
    'help.log': '**log**: log a rejection',
    'help.checkin': '**checkin**: answer a short check-in',
    'help.mine': '**mine**: your rejection logs and check-ins, to change, share or withdraw',
    'help.inbox': '**inbox**: for managers, what is waiting for your reply',
    'help.me': '**me**: your own trends and what your manager sees',
    'help.settings': '**settings**: language, who sees what, notifications',
    'help.export': '**export**: export my data',
    'help.erase': '**erase**: erase my data',
    'help.help': '**help**: this list',
    'unknown.prefix': 'I did not catch that.',
    'not-ready': 'This part of Rebound is still being built. Please try again after the next update.',
    'export.link-invalid': 'This link has expired or was already used. Ask Rebound for a new one with "export".',
    'team.no-channel':
      'Your team has no Rebound channel yet, so the story was not posted to a channel. Your choice of who can see it is saved.',
    'support.requested':
      '{repName} said in a check-in that they would like to talk. A short message or a few minutes together can help.',
  },
  ja: {
    'turn.apology':
      '申し訳ありません。こちらの不具合で処理を完了できませんでした。少し時間をおいて、もう一度お試しください。(問い合わせ番号: {correlationId})',
    'help.intro': 'こんなことができます:',
    'help.log': '**記録**: 断られ記録をつける',
    'help.checkin': '**振り返り**: 短い振り返りに答える',
    'help.mine': '**記録一覧**: 自分の断られ記録と振り返りを見る・変える・取り下げる',
    'help.inbox': '**受信箱**: 上司向け、返信を待っている共有',
    'help.me': '**わたし**: 自分の傾向と、上司に見えている内容',
    'help.settings': '**設定**: 言語、公開範囲、通知',
    'help.export': '**エクスポート**: データをエクスポート',
    'help.erase': '**削除**: データを削除',
    'help.help': '**ヘルプ**: この一覧',
    'unknown.prefix': 'うまく受け取れませんでした。',
    'not-ready': 'この機能はまだ準備中です。次の更新のあとで、もう一度お試しください。',
    'export.link-invalid':
      'このリンクは期限が切れたか、すでに使われています。「エクスポート」と送ると新しいリンクをお渡しします。',
    'team.no-channel':
      'チームにはまだ Rebound のチャネルがないため、断られ話はチャネルに投稿されていません。公開範囲の選択は保存されています。',
    'support.requested':
      '{repName}さんが振り返りで「相談したい」と伝えています。短いメッセージや少しの時間が支えになります。',
  },
});
export type BotMessageKey = (typeof botMessages.keys)[number];
