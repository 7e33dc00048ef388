import { createMemoryStore } from '../store/memory-store';
import type { Store } from '../store/port';
import { countingIds, steppingClock } from '../testing/clock';
import { createRebound, type ReboundOptions } from './create-rebound';

export const TENANT = 'tenant-a';
export const as = (personId: string, tenantId = TENANT) => ({ tenantId, personId });

/**
 * Tokyo Sales: manager `mgr`, reps `rep` (the author in most tests), `peer`; Osaka Sales: manager `otherMgr`,
 * rep `outsider`. Everyone registered.
 */
export async function tokyoWorld(
  options: Partial<ReboundOptions> & { store?: Store; moreTokyoReps?: readonly string[] } = {},
) {
  const { moreTokyoReps = [], ...rest } = options;
  const store = rest.store ?? createMemoryStore();
  const rebound = createRebound({ clock: steppingClock(), ids: countingIds(), ...rest, store });
  for (const [id, name] of [
    ['rep', '佐藤 花子'],
    ['peer', 'Ken Ito'],
    ['mgr', '田中 部長'],
    ['otherMgr', 'Osaka Manager'],
    ['outsider', 'Osaka Rep'],
    ...moreTokyoReps.map((id) => [id, id] as const),
  ] as const) {
    await rebound.registerPerson(as(id), { displayName: name, clientLocale: 'ja-JP' });
  }
  await rebound.admin.syncOrgChart(TENANT, {
    teams: [
      { id: 'tokyo', name: 'Tokyo Sales', managers: ['mgr'], reps: ['rep', 'peer', ...moreTokyoReps] },
      { id: 'osaka', name: 'Osaka Sales', managers: ['otherMgr'], reps: ['outsider'] },
    ],
  });
  return { store, rebound };
}

/**
 * Tokyo Sales with a third rep, `kai`, under k = 3: enough reps who could have written an anonymous story for it
 * to stay anonymous (`tokyoWorld` alone has two, too few for any k).
 */
export function anonymityWorld(options: Partial<ReboundOptions> & { store?: Store } = {}) {
  return tokyoWorld({ privacy: { k: 3 }, ...options, moreTokyoReps: ['kai'] });
}

export const aRejection = {
  customerLabel: 'Bakery in Shibuya',
  stage: 'proposal',
  askedWhy: true,
  reason: 'timing',
  customerWords: '今は時期じゃないんです',
  discovery: 'They open a second shop in spring',
  nextStep: { kind: 'follow-up', dueDate: '2027-02-01' },
} as const;
