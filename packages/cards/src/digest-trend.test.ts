import { createMemoryStore, createRebound, LOCALES } from '@rebound/core';
import { countingIds, steppingClock } from '@rebound/core/testing';
import { describe, expect, it } from 'vitest';
import { digestCard } from './cards/team';
import { digestFromInsights } from './from-core';
import { formatPeriod } from './item-views';

const TENANT = 'tenant-a';
const as = (personId: string) => ({ tenantId: TENANT, personId });
const REPS = ['r1', 'r2', 'r3'];

/** A team of three (k = 3) that logged this week (W48) and two weeks before (W46); only two people in W47. */
async function digestOfThreeWeeks() {
  const rebound = createRebound({
    store: createMemoryStore(),
    clock: steppingClock('2026-12-01T00:00:00.000Z'),
    ids: countingIds(),
    privacy: { k: 3 },
  });
  for (const id of [...REPS, 'mgr']) await rebound.registerPerson(as(id), { displayName: id, timeZone: 'Asia/Tokyo' });
  await rebound.admin.syncOrgChart(TENANT, {
    teams: [{ id: 'tokyo', name: 'Tokyo Sales', managers: ['mgr'], reps: REPS }],
  });
  const log = (rep: string, occurredAt: string, askedWhy: boolean, reason: 'price' | 'timing') =>
    rebound.logRejection(as(rep), { customerLabel: 'A customer', stage: 'proposal', reason, askedWhy, occurredAt });
  for (const [i, rep] of REPS.entries()) {
    await log(rep, '2026-11-24T03:00:00.000Z', i < 2, 'price');
    await log(rep, '2026-11-25T03:00:00.000Z', false, 'timing');
    await log(rep, '2026-11-10T03:00:00.000Z', i === 0, 'price');
  }
  await log('r1', '2026-11-17T03:00:00.000Z', true, 'price');
  await log('r2', '2026-11-18T03:00:00.000Z', true, 'price');
  const digest = await rebound.host.digestFor(TENANT, 'tokyo', '2026-W48');
  if (!digest) throw new Error('three people logged this week: the digest is due');
  return digest;
}

type Node = Record<string, unknown>;
function elementsOf(card: unknown, type: string): Node[] {
  const out: Node[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (node && typeof node === 'object') {
      if ((node as Node).type === type) out.push(node as Node);
      Object.values(node).forEach(visit);
    }
  };
  visit(card);
  return out;
}
const factsOf = (fallback: unknown) =>
  elementsOf(fallback, 'FactSet').flatMap((f) => f.facts as { title: string; value: string }[]);

describe('the weekly digest card from a core digest: both charts, each with its text version', () => {
  it('charts the reasons and the asked-why trend with data, and lists both as text for hosts without charts', async () => {
    const digest = await digestOfThreeWeeks();
    for (const locale of LOCALES) {
      const card = digestCard(digestFromInsights(digest, { teamName: digest.teamName, locale }));
      const week = (key: string) => formatPeriod(key, locale);
      const hidden = locale === 'ja' ? '非表示' : 'Hidden';

      const [donut] = elementsOf(card, 'Chart.Donut');
      expect(donut?.data).toEqual(
        expect.arrayContaining([expect.objectContaining({ value: 3 }), expect.objectContaining({ value: 3 })]),
      );
      expect(factsOf(donut?.fallback).length).toBeGreaterThanOrEqual(2);

      const [line] = elementsOf(card, 'Chart.Line');
      const values = (line?.data as { values: { x: string; y: number }[] }[] | undefined)?.[0]?.values;
      // The weeks that may be shown, in order: W46 (1 of 3 asked why) and this week (2 of 6 logs).
      expect(values).toEqual([
        { x: week('2026-W46'), y: 33 },
        { x: week('2026-W48'), y: 33 },
      ]);
      const trendFacts = factsOf(line?.fallback);
      // From the first week anybody logged (W46) to this one.
      expect(trendFacts.map((f) => f.title)).toEqual(['2026-W46', '2026-W47', '2026-W48'].map(week));
      // Two people in W47: hidden in the text as in the chart, its value nowhere on the card.
      expect(trendFacts.find((f) => f.title === week('2026-W47'))?.value).toMatch(new RegExp(hidden, 'i'));
      expect(trendFacts.find((f) => f.title === week('2026-W46'))?.value).toBe('33%');
      expect(JSON.stringify(card)).not.toContain('100%');
    }
  });
});
