import type { StoreOps } from '../store/port';

/**
 * Everything a store holds about the given people and teams, read through the port, in a stable order.
 * Two snapshots are equal when nothing about them changed.
 */
export async function snapshotStore(
  store: StoreOps,
  tenantId: string,
  personIds: readonly string[],
  teamIds: readonly string[],
) {
  const byId = <T extends { id: string }>(rows: T[]) => [...rows].sort((a, b) => (a.id < b.id ? -1 : 1));
  const people = [];
  for (const id of personIds) {
    const logs = await store.listLogs(tenantId, { authorId: id });
    people.push({
      person: await store.getPerson(tenantId, id),
      memberships: await store.listMemberships(tenantId, { personId: id }),
      assignments: byId(await store.listAssignments(tenantId, { repId: id })),
      logs: byId(logs),
      outcomes: byId(await store.listOutcomes(tenantId, { authorId: id })),
      checkIns: byId(await store.listCheckIns(tenantId, { authorId: id })),
      shares: byId(await store.listShares(tenantId, { ownerId: id })),
      repliesReceived: byId(await store.listReplies(tenantId, { repId: id })),
      schedule: await store.getSchedule(tenantId, id),
      conversations: byId(await store.findConversationRefs(tenantId, { personId: id })),
      deliveries: byId([
        ...(await store.listDeliveries(tenantId, { recipientId: id })),
        ...(await store.listDeliveries(tenantId, { ownerId: id })),
      ]),
    });
  }
  const teams = [];
  for (const id of teamIds) {
    teams.push({
      team: await store.getTeam(tenantId, id),
      members: await store.listMemberships(tenantId, { teamId: id }),
    });
  }
  return { people, teams };
}
