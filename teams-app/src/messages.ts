import { defineCatalog } from '@rebound/core';

/** The bot's own texts. Domain texts, prompts and card labels live in core and cards. */
export const botMessages = defineCatalog({
  en: {
    'turn.apology':
      'Sorry, something went wrong on my side and I could not finish that. Please try again in a moment. (reference: {correlationId})',
    'export.link-invalid': 'This link has expired or was already used. Ask Rebound for a new one with "export".',
    'export.gone': 'Your data was erased, so there is nothing left to download. This link no longer works.',
    'export.unavailable':
      'Rebound cannot give you a download link here: this bot is not reached over a secure (https) address, and your data must not travel unprotected. Please ask the people who run Rebound in your organisation.',
    'team.no-channel':
      'Your team has no Rebound channel yet, so the story was not posted to a channel. Your choice of who can see it is saved.',
    'storyChannel.chosen': 'From now on, rejection stories and the weekly digest of {team} are posted in this channel.',
    'storyChannel.already': 'Rejection stories and the weekly digest of {team} are already posted in this channel.',
    'checkIn.snoozed': 'No check-in today. Check-ins start again on {until}.',
    'personalChat.sent': 'I’ve sent it to you in our 1:1 chat, where only you can see it.',
    'personalChat.unreachable':
      'I could not open our 1:1 chat just now. Please find Rebound in your Teams chats and write to me there.',
    'settings.saved': 'Your settings are saved.',
    'managerRequest.sent': 'Your request went to {name}. You will hear here when they answer.',
    'thanks.toManager': '{repName} thanked you for your reply.',
    'thanks.sent': 'Your thanks went to {name}.',
    'thanks.unreachable': 'I cannot reach {name} in Teams right now, so your thanks was not sent.',
  },
  ja: {
    'turn.apology':
      'すみません、こちらで問題が起きて、最後まで進められませんでした。少し時間をおいて、もう一度試してみてください。(問い合わせ番号: {correlationId})',
    'export.link-invalid':
      'このリンクは期限が切れたか、すでに使われています。「エクスポート」と送ると新しいリンクをお渡しします。',
    'export.gone': 'データは削除済みのため、ダウンロードできるものはありません。このリンクはもう使えません。',
    'export.unavailable':
      'この環境では暗号化された接続が使えないため、ダウンロード用のリンクをお渡しできません。大切なデータを守るための決まりです。組織で Rebound を管理している方にご相談ください。',
    'storyChannel.chosen': 'これからは、{team}の断られ話と週間まとめをこのチャネルに投稿します。',
    'storyChannel.already': '{team}の断られ話と週間まとめは、すでにこのチャネルに投稿しています。',
    'team.no-channel':
      'チームにはまだ Rebound のチャネルがないので、断られ話はチャネルに投稿していません。公開範囲の選択は保存してあります。',
    'checkIn.snoozed': '今日の振り返りはお休みです。{until}から再開します。',
    'personalChat.sent': 'Rebound との個人チャットにお送りしました。そちらは、ご自身にだけ表示されます。',
    'personalChat.unreachable':
      'いま個人チャットを開けませんでした。Teams のチャットから Rebound を探して、そちらで話しかけてください。',
    'settings.saved': '設定を保存しました。',
    'managerRequest.sent': '{name}さんにお願いを送りました。返事が届いたら、ここでお知らせします。',
    'thanks.toManager': '{repName}さんから、返信へのお礼が届きました。',
    'thanks.sent': '{name}さんにお礼を伝えました。',
    'thanks.unreachable': 'いま Teams で{name}さんに届けられなかったので、お礼はまだ送れていません。',
  },
});
export type BotMessageKey = (typeof botMessages.keys)[number];
