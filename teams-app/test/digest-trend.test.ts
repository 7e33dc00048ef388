import { afterEach, describe, expect, it } from 'vitest';
import { testUser } from './support/bot-client';
import { cardOf } from './support/cards';
import { submitLog, writeOrgChart } from './support/flows';
import { type ScheduledBot, startScheduledBot } from './support/scheduled-bot';

// 17:00 on Monday 23 November 2026 in Tokyo (UTC+9 all year); the digest goes out Friday at 16:00.
const MONDAY_1700_TOKYO = '2026-11-23T08:00:00.000Z';
const FRIDAY_1601_TOKYO = '2026-11-27T07:01:00.000Z';

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
const factsOf = (node: unknown) =>
  elementsOf(node, 'FactSet').flatMap((f) => f.facts as { title: string; value: string }[]);

describe('the weekly digest in the team channel', () => {
  let s: ScheduledBot | null = null;
  afterEach(async () => {
    await s?.bot.stop();
    s = null;
  });

  it('carries both charts with data, the weeks before included, and a text version of each', async () => {
    const reps = ['Hana Mori', 'Jun Abe', 'Kai Ota'].map(testUser);
    const manager = testUser('Emi Kato');
    const orgFile = writeOrgChart({
      teams: [
        {
          id: 'osaka-sales',
          name: 'Osaka Sales',
          teamsTeamId: 'teams-osaka',
          timeZone: 'Asia/Tokyo',
          managers: [manager.aadObjectId],
          reps: reps.map((r) => r.aadObjectId),
        },
      ],
    });
    s = await startScheduledBot(MONDAY_1700_TOKYO, {
      REBOUND_ORG_FILE: orgFile,
      REBOUND_ORG_TENANT: 'tenant-test',
      REBOUND_PRIVACY_K: '3',
    });
    const { bot } = s;
    const channel = bot.client.channelConversationId('teams-osaka');
    await bot.client.channelMessage(manager, 'teams-osaka', 'help');
    // All three logged last week (one asked why) and this week (two asked why).
    for (const [i, rep] of reps.entries()) {
      for (const [occurredOn, askedWhy] of [
        ['2026-11-17', i === 0],
        ['2026-11-23', i < 2],
      ] as const) {
        const logged = await submitLog(bot, rep, {
          customerLabel: 'A customer',
          occurredOn,
          stage: 'proposal',
          reason: i === 2 ? 'timing' : 'price',
          askedWhy: String(askedWhy),
        });
        expect(logged.status).toBe(200);
      }
    }
    bot.connector.clear();

    s.at(FRIDAY_1601_TOKYO);
    await s.tick();
    const posted = bot.connector.messagesTo(channel);
    expect(posted).toHaveLength(1);
    const card = cardOf(posted[0]);

    const [donut] = elementsOf(card, 'Chart.Donut');
    expect((donut?.data as unknown[] | undefined)?.length).toBeGreaterThan(0);
    expect(factsOf(donut?.fallback).length).toBeGreaterThan(0);

    const [line] = elementsOf(card, 'Chart.Line');
    const values = (line?.data as { values: { y: number }[] }[] | undefined)?.[0]?.values ?? [];
    // Last week (1 of 3) and this week (2 of 3), each shown because three people stand behind it.
    expect(values.map((v) => v.y)).toEqual([33, 67]);
    // The text version lists the same weeks (the team's first logs were last week).
    const facts = factsOf(line?.fallback);
    expect(facts.map((f) => f.value)).toEqual(['33%', '67%']);
    for (const rep of reps) expect(JSON.stringify(card)).not.toContain(rep.name);
  });
});
