import { HELP_COMMANDS } from '@rebound/cards';

/**
 * Every command the bot understands: the help card's list, so a command cannot be added to one and not the
 * other. `channel` is for a team channel, from a manager of the team: post the team's stories and digest here.
 */
export const COMMANDS = HELP_COMMANDS;
export type Command = (typeof COMMANDS)[number];

// Maps, not objects: a word from a message must never reach an inherited property (`constructor`, `__proto__`).
/** Command words in Japanese: whoever types one is answered in Japanese until they choose a language. */
const JAPANESE: ReadonlyMap<string, Command> = new Map<string, Command>([
  ['記録', 'log'],
  ['振り返り', 'checkin'],
  ['記録一覧', 'mine'],
  ['受信箱', 'inbox'],
  ['わたし', 'me'],
  ['設定', 'settings'],
  ['エクスポート', 'export'],
  ['削除', 'erase'],
  ['ヘルプ', 'help'],
  ['このチャネル', 'channel'],
]);
const WORDS: ReadonlyMap<string, Command> = new Map<string, Command>([
  ...COMMANDS.map((c) => [c, c] as const),
  ['check-in', 'checkin'],
  ...JAPANESE,
]);

/**
 * The command a message asks for, or null. Case, surrounding spaces, a leading slash and full-width spaces
 * are forgiven; anything after the first word is ignored.
 */
export function parseCommand(text: string | undefined): Command | null {
  const first = firstWord(text)?.toLowerCase();
  return first ? (WORDS.get(first) ?? null) : null;
}

/** 'ja' when the message's command word is a Japanese one (「ヘルプ」「記録」...), else null. */
export function commandLanguage(text: string | undefined): 'ja' | null {
  const first = firstWord(text);
  return first && JAPANESE.has(first) ? 'ja' : null;
}

function firstWord(text: string | undefined): string | undefined {
  if (typeof text !== 'string') return undefined;
  return text.normalize('NFKC').trim().replace(/^\//, '').split(/\s+/)[0];
}
