import { createRebound, type Store } from '@rebound/core';

export interface FanoutPerson {
  personId: string;
  conversationId: string;
}

/**
 * People who opted in to a daily check-in that fell due an hour ago, each with a personal chat whose messages
 * go to `serviceUrl` (the fake connector): planning now gives one pending check-in per person.
 */
export async function seedFanout(
  store: Store,
  options: { tenantId: string; count: number; serviceUrl: string; now: Date },
): Promise<FanoutPerson[]> {
  let n = 0;
  const rebound = createRebound({ store, clock: () => options.now, ids: () => `seed-${++n}` });
  const hourAgo = new Date(options.now.getTime() - 3_600_000);
  const people: FanoutPerson[] = [];
  for (let i = 0; i < options.count; i++) {
    const personId = `rep-${String(i).padStart(5, '0')}`;
    const actor = { tenantId: options.tenantId, personId };
    await rebound.registerPerson(actor, { displayName: `Rep ${i}`, timeZone: 'UTC' });
    await rebound.updateSettings(actor, {
      schedule: {
        enabled: true,
        cadence: 'daily',
        checkInDays: [1, 2, 3, 4, 5, 6, 7],
        checkInTime: hourAgo.toISOString().slice(11, 16),
      },
    });
    const conversationId = `a:fanout-${personId}`;
    await rebound.host.saveConversation(options.tenantId, {
      kind: 'personal',
      personId,
      conversationId,
      serviceUrl: options.serviceUrl,
      reference: JSON.stringify({
        bot: { id: '28:rebound-test-bot', name: 'Rebound' },
        user: { id: `29:${personId}`, aadObjectId: personId },
        conversation: { id: conversationId, conversationType: 'personal', tenantId: options.tenantId },
        channelId: 'msteams',
        serviceUrl: options.serviceUrl,
      }),
    });
    people.push({ personId, conversationId });
  }
  const plan = await rebound.scheduler.plan({ now: options.now.toISOString() });
  if (plan.planned['check-in'] !== options.count) {
    throw new Error(`expected ${options.count} check-ins planned, got ${JSON.stringify(plan.planned)}`);
  }
  return people;
}
