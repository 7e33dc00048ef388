import type { ItemKind } from '../../records/enums';

/**
 * Situations a shared item can be in, from the manager's side, with how much each weighs when ranking
 * templates (higher leads) and which kind of item it can occur on.
 */
export const REPLY_SITUATION_INFO = {
  'support-requested': { weight: 100, kinds: ['check-in'] },
  'strong-then-off-track': { weight: 90, kinds: ['check-in'] },
  'rejection-streak': { weight: 80, kinds: ['log'] },
  'high-pressure': { weight: 70, kinds: ['check-in'] },
  'low-energy': { weight: 60, kinds: ['check-in'] },
  'feeling-hard': { weight: 55, kinds: ['log'] },
  'permission-to-not-sell': { weight: 50, kinds: ['check-in'] },
  'asked-why': { weight: 45, kinds: ['log'] },
  'discovery-made': { weight: 40, kinds: ['log'] },
  'first-log': { weight: 38, kinds: ['log'] },
  'next-step-planned': { weight: 30, kinds: ['log'] },
  'shared-with-team': { weight: 25, kinds: ['log', 'check-in'] },
  'reflection-shared': { weight: 20, kinds: ['check-in'] },
  /** Every shared log is in this one: the general templates fit it. */
  'log-shared': { weight: 1, kinds: ['log'] },
  /** Every shared check-in is in this one. */
  'check-in-shared': { weight: 1, kinds: ['check-in'] },
} as const satisfies Record<string, { weight: number; kinds: readonly ItemKind[] }>;

export type ReplySituation = keyof typeof REPLY_SITUATION_INFO;
export const REPLY_SITUATIONS = Object.keys(REPLY_SITUATION_INFO) as [ReplySituation, ...ReplySituation[]];

/** The general situation of each item kind. */
export const GENERAL_SITUATION: Readonly<Record<ItemKind, ReplySituation>> = {
  log: 'log-shared',
  'check-in': 'check-in-shared',
};

export const REPLY_TONES = ['warm', 'grateful', 'curious', 'reassuring', 'practical', 'listening'] as const;
export type ReplyTone = (typeof REPLY_TONES)[number];

export const REPLY_PLACEHOLDERS = ['repName', 'customer', 'managerName'] as const;
export type ReplyPlaceholder = (typeof REPLY_PLACEHOLDERS)[number];

export function isLogOnly(situation: ReplySituation): boolean {
  const kinds: readonly ItemKind[] = REPLY_SITUATION_INFO[situation].kinds;
  return kinds.length === 1 && kinds[0] === 'log';
}
