import { defineCatalog } from '@rebound/core';

/** The bot's own texts. Domain texts, prompts and card labels live in core and cards. */
export const botMessages = defineCatalog({
  en: {
    'turn.apology':
      'Sorry, something went wrong on my side and I could not finish that. Please try again in a moment. (reference: {correlationId})',
    'export.link-invalid': 'This link has expired or was already used. Ask Rebound for a new one with "export".',
    'team.no-channel':
      'Your team has no Rebound channel yet, so the story was not posted to a channel. Your choice of who can see it is saved.',
    'checkIn.snoozed': 'No check-in today. Check-ins start again on {until}.',
    'managerRequest.sent': 'Your request went to {name}. You will hear here when they answer.',
    'thanks.toManager': '{repName} thanked you for your reply.',
    'thanks.sent': 'Your thanks went to {name}.',
    'thanks.unreachable': 'I cannot reach {name} in Teams right now, so your thanks was not sent.',
  },
  ja: {
    'turn.apology':
      '申し訳ありません。こちらの不具合で処理を完了できませんでした。少し時間をおいて、もう一度お試しください。(問い合わせ番号: {correlationId})',
    'export.link-invalid':
      'このリンクは期限が切れたか、すでに使われています。「エクスポート」と送ると新しいリンクをお渡しします。',
    'team.no-channel':
      'チームにはまだ Rebound のチャネルがないため、断られ話はチャネルに投稿されていません。公開範囲の選択は保存されています。',
    'checkIn.snoozed': '今日の振り返りはお休みです。{until}から再開します。',
    'managerRequest.sent': '{name}さんにお願いを送りました。返事が届いたら、ここでお知らせします。',
    'thanks.toManager': '{repName}さんから、返信へのお礼が届きました。',
    'thanks.sent': '{name}さんにお礼を伝えました。',
    'thanks.unreachable': 'いま Teams で{name}さんに届けられないため、お礼は送られていません。',
  },
});
export type BotMessageKey = (typeof botMessages.keys)[number];
