export const COMMANDS = [
  'log',
  'checkin',
  'mine',
  'inbox',
  'me',
  'settings',
  'export',
  'erase',
  'help',
  /** In a team channel, from a manager of the team: post the team's stories and digest here. */
  'channel',
] as const;
export type Command = (typeof COMMANDS)[number];

// A Map, not an object: a word from a message must never reach an inherited property (`constructor`, `__proto__`).
const WORDS: ReadonlyMap<string, Command> = new Map<string, Command>([
  ...COMMANDS.map((c) => [c, c] as const),
  ['check-in', 'checkin'],
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

/**
 * The command a message asks for, or null. Case, surrounding spaces, a leading slash and full-width spaces
 * are forgiven; anything after the first word is ignored.
 */
export function parseCommand(text: string | undefined): Command | null {
  if (typeof text !== 'string') return null;
  const first = text.normalize('NFKC').trim().replace(/^\//, '').split(/\s+/)[0]?.toLowerCase();
  return first ? (WORDS.get(first) ?? null) : null;
}
