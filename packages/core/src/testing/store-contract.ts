import type { Store } from '../store/port';
import {
  aCheckIn,
  aConversationRef,
  aDelivery,
  aLog,
  aMembership,
  anAssignment,
  anIdempotencyRecord,
  anOutcome,
  aPerson,
  aReply,
  aSchedule,
  aShare,
  aTeam,
} from './fixtures';
import { type StoreFactory, type TestApi, withStore } from './test-api';

const A = 'tenant-a';
const B = 'tenant-b';
const at = (day: number, hour = 9) =>
  `2026-11-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00.000Z`;

/**
 * The behaviour every `Store` must have. Run it from any test runner:
 * `runStoreContract({ describe, it, expect }, { name: 'my store', create: () => createMyStore() })`.
 */
export function runStoreContract(t: TestApi, factory: StoreFactory<Store>): void {
  const { describe, expect } = t;
  const it = (name: string, body: (store: Store) => Promise<void>) => t.it(name, withStore(factory, body), 60_000);

  describe(`store contract: ${factory.name}`, () => {
    describe('records read back as written', () => {
      it('returns a person equal to the one put, and null for an unknown id', async (s) => {
        const p = aPerson({ id: 'rep-1', displayName: '佐藤 花子', language: 'ja', answerPreference: 'just-listen' });
        await s.putPerson(p);
        expect(await s.getPerson(A, 'rep-1')).toEqual(p);
        expect(await s.getPerson(A, 'nobody')).toBeNull();
      });

      it('replaces a record put again under the same id', async (s) => {
        await s.putPerson(aPerson({ id: 'rep-1' }));
        const changed = aPerson({
          id: 'rep-1',
          displayName: 'Renamed',
          privacy: { defaultVisibility: 'manager', shareSignalsWithManagers: true, countInTeamStats: false },
        });
        await s.putPerson(changed);
        expect(await s.getPerson(A, 'rep-1')).toEqual(changed);
      });

      it('keeps optional log fields absent when they were not given, and every field when they were', async (s) => {
        const bare = aLog({ id: 'log-1', authorId: 'rep-1' });
        const full = aLog({
          id: 'log-2',
          authorId: 'rep-1',
          customerWords: '今は時期じゃない、と言われました',
          discovery: 'They are merging two offices in spring',
          nextStep: { kind: 'follow-up', note: 'Call after the merger', dueDate: '2027-03-01' },
          feeling: 'disappointed',
          learned: 'Ask about their calendar earlier',
          visibility: 'team-anonymous',
        });
        await s.putLog(bare);
        await s.putLog(full);
        expect(await s.getLog(A, 'log-1')).toEqual(bare);
        expect(await s.getLog(A, 'log-2')).toEqual(full);
      });

      it('stores teams, check-ins, schedules, conversation references and deliveries whole', async (s) => {
        const team = aTeam({ id: 'tokyo', name: '東京営業', teamsTeamId: '19:abc', channelConversationRefId: 'ref-9' });
        const checkIn = aCheckIn({
          id: 'c1',
          authorId: 'rep-1',
          answers: [
            { promptId: 'p-why', answer: 'ちゃんと理由を聞けた' },
            { promptId: 'p-scale', answer: 4 },
            { promptId: 'p-skip', answer: null },
          ],
          lastPeriodRating: 5,
          onTrack: 2,
          answerPreference: 'think-together',
          note: 'Long week',
          supportRequested: true,
        });
        const schedule = aSchedule({
          personId: 'rep-1',
          enabled: true,
          quietHours: { start: '21:00', end: '08:00' },
          outOfOffice: [{ from: '2026-12-28', to: '2027-01-04' }],
          skipDates: ['2026-11-23'],
          snoozeUntil: at(30),
          reminderAfterHours: 4,
        });
        const ref = aConversationRef({ id: 'ref-1', personId: 'rep-1', reference: '{"conversation":{"id":"a:1"}}' });
        const delivery = aDelivery({
          id: 'd1',
          key: 'check-in:rep-1:2026-11-02',
          recipientId: 'rep-1',
          periodKey: '2026-11-02',
          lastError: '429',
        });
        await s.putTeam(team);
        await s.putCheckIn(checkIn);
        await s.putSchedule(schedule);
        await s.putConversationRef(ref);
        expect(await s.createDelivery(delivery)).toBe(true);
        expect(await s.getTeam(A, 'tokyo')).toEqual(team);
        expect(await s.getCheckIn(A, 'c1')).toEqual(checkIn);
        expect(await s.getSchedule(A, 'rep-1')).toEqual(schedule);
        expect(await s.getConversationRef(A, 'ref-1')).toEqual(ref);
        expect(await s.getDelivery(A, 'd1')).toEqual(delivery);
        expect(await s.getDeliveryByKey(A, 'check-in:rep-1:2026-11-02')).toEqual(delivery);
      });

      it('never returns or changes another tenant’s records', async (s) => {
        await s.putPerson(aPerson({ id: 'same-id', displayName: 'In A' }));
        await s.putPerson(aPerson({ tenantId: B, id: 'same-id', displayName: 'In B' }));
        await s.putLog(aLog({ id: 'log-1', authorId: 'same-id' }));
        await s.putTeam(aTeam({ id: 'team' }));
        expect((await s.getPerson(A, 'same-id'))?.displayName).toBe('In A');
        expect((await s.getPerson(B, 'same-id'))?.displayName).toBe('In B');
        expect(await s.getLog(B, 'log-1')).toBeNull();
        expect(await s.listLogs(B, { authorId: 'same-id' })).toEqual([]);
        expect(await s.listTeams(B)).toEqual([]);
        await s.deletePersonData(B, 'same-id');
        expect((await s.getPerson(A, 'same-id'))?.displayName).toBe('In A');
        expect(await s.listLogs(A, { authorId: 'same-id' })).toHaveLength(1);
      });
    });

    describe('lists', () => {
      it('lists a rep’s logs newest first, within [from, to), up to a limit', async (s) => {
        for (const day of [3, 1, 5, 4, 2])
          await s.putLog(aLog({ id: `log-${day}`, authorId: 'rep-1', occurredAt: at(day) }));
        await s.putLog(aLog({ id: 'other', authorId: 'rep-2', occurredAt: at(3) }));
        const ids = async (q: Parameters<Store['listLogs']>[1]) => (await s.listLogs(A, q)).map((l) => l.id);
        expect(await ids({ authorId: 'rep-1' })).toEqual(['log-5', 'log-4', 'log-3', 'log-2', 'log-1']);
        expect(await ids({ authorId: 'rep-1', from: at(2), to: at(4) })).toEqual(['log-3', 'log-2']);
        expect(await ids({ authorId: 'rep-1', limit: 2 })).toEqual(['log-5', 'log-4']);
      });

      it('lists check-ins newest first, by cadence and range, and finds one by period', async (s) => {
        await s.putCheckIn(aCheckIn({ id: 'd1', authorId: 'rep-1', periodKey: '2026-11-01', submittedAt: at(1) }));
        await s.putCheckIn(aCheckIn({ id: 'd2', authorId: 'rep-1', periodKey: '2026-11-02', submittedAt: at(2) }));
        await s.putCheckIn(
          aCheckIn({ id: 'w1', authorId: 'rep-1', cadence: 'weekly', periodKey: '2026-W45', submittedAt: at(3) }),
        );
        expect((await s.listCheckIns(A, { authorId: 'rep-1' })).map((c) => c.id)).toEqual(['w1', 'd2', 'd1']);
        expect((await s.listCheckIns(A, { authorId: 'rep-1', cadence: 'daily', limit: 1 })).map((c) => c.id)).toEqual([
          'd2',
        ]);
        expect((await s.listCheckIns(A, { authorId: 'rep-1', from: at(2), to: at(3) })).map((c) => c.id)).toEqual([
          'd2',
        ]);
        expect((await s.findCheckIn(A, 'rep-1', 'weekly', '2026-W45'))?.id).toBe('w1');
        expect(await s.findCheckIn(A, 'rep-1', 'weekly', '2026-W46')).toBeNull();
      });

      it('refuses a second check-in for the same period with a conflict, but lets the same one be replaced', async (s) => {
        await s.putCheckIn(aCheckIn({ id: 'c1', authorId: 'rep-1' }));
        await expect(s.putCheckIn(aCheckIn({ id: 'c2', authorId: 'rep-1' }))).rejects.toMatchObject({
          name: 'ReboundError',
          code: 'conflict',
        });
        await s.putCheckIn(aCheckIn({ id: 'c1', authorId: 'rep-1', pressure: 5 }));
        expect((await s.getCheckIn(A, 'c1'))?.pressure).toBe(5);
        expect(await s.getCheckIn(A, 'c2')).toBeNull();
      });

      it('lists memberships by team and by person, and deletes one', async (s) => {
        await s.putMembership(aMembership({ teamId: 't1', personId: 'rep-1' }));
        await s.putMembership(aMembership({ teamId: 't1', personId: 'mgr-1', role: 'manager' }));
        await s.putMembership(aMembership({ teamId: 't2', personId: 'rep-1' }));
        expect((await s.listMemberships(A, { teamId: 't1' })).map((m) => m.personId).sort()).toEqual([
          'mgr-1',
          'rep-1',
        ]);
        expect((await s.listMemberships(A, { personId: 'rep-1' })).map((m) => m.teamId).sort()).toEqual(['t1', 't2']);
        await s.putMembership(aMembership({ teamId: 't1', personId: 'rep-1', role: 'manager' }));
        expect((await s.listMemberships(A, { teamId: 't1', personId: 'rep-1' }))[0]?.role).toBe('manager');
        await s.deleteMembership(A, 't1', 'rep-1');
        expect((await s.listMemberships(A, { teamId: 't1' })).map((m) => m.personId)).toEqual(['mgr-1']);
      });

      it('lists manager assignments by rep, manager and status', async (s) => {
        await s.putAssignment(anAssignment({ id: 'a1', repId: 'rep-1', managerId: 'mgr-1', requestedAt: at(1) }));
        await s.putAssignment(
          anAssignment({ id: 'a2', repId: 'rep-2', managerId: 'mgr-1', status: 'accepted', requestedAt: at(2) }),
        );
        expect((await s.listAssignments(A, { managerId: 'mgr-1' })).map((a) => a.id)).toEqual(['a2', 'a1']);
        expect((await s.listAssignments(A, { managerId: 'mgr-1', status: 'pending' })).map((a) => a.id)).toEqual([
          'a1',
        ]);
        expect((await s.listAssignments(A, { repId: 'rep-2' })).map((a) => a.id)).toEqual(['a2']);
      });

      it('lists outcomes of a log and of an author, oldest first', async (s) => {
        await s.putOutcome(
          anOutcome({ id: 'o2', logId: 'log-1', authorId: 'rep-1', kind: 'won-later', recordedAt: at(5) }),
        );
        await s.putOutcome(anOutcome({ id: 'o1', logId: 'log-1', authorId: 'rep-1', recordedAt: at(4) }));
        await s.putOutcome(anOutcome({ id: 'o3', logId: 'log-2', authorId: 'rep-1', recordedAt: at(6) }));
        expect((await s.listOutcomes(A, { logId: 'log-1' })).map((o) => o.id)).toEqual(['o1', 'o2']);
        expect((await s.listOutcomes(A, { authorId: 'rep-1' })).map((o) => o.id)).toEqual(['o1', 'o2', 'o3']);
      });

      it('finds shares by item, owner and audience member, active ones only when asked', async (s) => {
        await s.putShare(
          aShare({ id: 's1', itemId: 'log-1', ownerId: 'rep-1', audience: ['mgr-1', 'mgr-2'], sharedAt: at(1) }),
        );
        await s.putShare(
          aShare({
            id: 's2',
            itemId: 'log-2',
            ownerId: 'rep-1',
            audience: ['mgr-1'],
            sharedAt: at(2),
            withdrawnAt: at(3),
          }),
        );
        await s.putShare(
          aShare({
            id: 's3',
            itemId: 'log-3',
            ownerId: 'rep-2',
            visibility: 'team',
            audience: ['rep-1'],
            teamIds: ['t1'],
            sharedAt: at(4),
          }),
        );
        expect((await s.listShares(A, { itemId: 'log-1' })).map((x) => x.id)).toEqual(['s1']);
        expect((await s.listShares(A, { ownerId: 'rep-1' })).map((x) => x.id)).toEqual(['s2', 's1']);
        expect((await s.listShares(A, { audienceId: 'mgr-1' })).map((x) => x.id)).toEqual(['s2', 's1']);
        expect((await s.listShares(A, { audienceId: 'mgr-1', activeOnly: true })).map((x) => x.id)).toEqual(['s1']);
        expect(await s.listShares(A, { audienceId: 'mgr-2', ownerId: 'rep-2' })).toEqual([]);
        expect((await s.listShares(A, { itemId: 'log-3' }))[0]).toEqual(
          aShare({
            id: 's3',
            itemId: 'log-3',
            ownerId: 'rep-2',
            visibility: 'team',
            audience: ['rep-1'],
            teamIds: ['t1'],
            sharedAt: at(4),
          }),
        );
      });

      it('lists replies by rep, manager and item, newest first', async (s) => {
        await s.putReply(
          aReply({
            id: 'r1',
            managerId: 'mgr-1',
            repId: 'rep-1',
            itemId: 'log-1',
            sentAt: at(1),
            toneFindings: ['comparison'],
          }),
        );
        await s.putReply(aReply({ id: 'r2', managerId: 'mgr-1', repId: 'rep-2', itemId: 'log-2', sentAt: at(2) }));
        expect((await s.listReplies(A, { managerId: 'mgr-1' })).map((r) => r.id)).toEqual(['r2', 'r1']);
        expect((await s.listReplies(A, { repId: 'rep-1' }))[0]?.toneFindings).toEqual(['comparison']);
        expect((await s.listReplies(A, { itemId: 'log-2' })).map((r) => r.id)).toEqual(['r2']);
      });

      it('lists enabled schedules of every tenant for the scheduler', async (s) => {
        await s.putSchedule(aSchedule({ personId: 'rep-1', enabled: true }));
        await s.putSchedule(aSchedule({ personId: 'rep-2', enabled: false }));
        await s.putSchedule(aSchedule({ tenantId: B, personId: 'rep-9', enabled: true }));
        expect((await s.listEnabledSchedules()).map((x) => `${x.tenantId}/${x.personId}`).sort()).toEqual([
          'tenant-a/rep-1',
          'tenant-b/rep-9',
        ]);
      });

      it('finds conversation references by person, team and conversation, active ones when asked', async (s) => {
        await s.putConversationRef(aConversationRef({ id: 'r1', personId: 'rep-1', updatedAt: at(1) }));
        await s.putConversationRef(aConversationRef({ id: 'r2', personId: 'rep-1', active: false, updatedAt: at(2) }));
        await s.putConversationRef(
          aConversationRef({ id: 'r3', kind: 'channel', teamId: 't1', conversationId: '19:chan' }),
        );
        expect((await s.findConversationRefs(A, { personId: 'rep-1' })).map((r) => r.id)).toEqual(['r2', 'r1']);
        expect((await s.findConversationRefs(A, { personId: 'rep-1', activeOnly: true })).map((r) => r.id)).toEqual([
          'r1',
        ]);
        expect((await s.findConversationRefs(A, { teamId: 't1' })).map((r) => r.id)).toEqual(['r3']);
        expect((await s.findConversationRefs(A, { conversationId: '19:chan' })).map((r) => r.id)).toEqual(['r3']);
      });
    });

    describe('deliveries', () => {
      it('creates a delivery once per key and tells a second attempt it was not created', async (s) => {
        expect(await s.createDelivery(aDelivery({ id: 'd1', key: 'check-in:rep-1:2026-11-02' }))).toBe(true);
        expect(await s.createDelivery(aDelivery({ id: 'd2', key: 'check-in:rep-1:2026-11-02' }))).toBe(false);
        expect(await s.getDelivery(A, 'd2')).toBeNull();
        expect(await s.getIdempotencyRecord(A, 'rep-1', 'logRejection', 'activity-1')).toBeNull();
        expect(await s.createDelivery(aDelivery({ tenantId: B, id: 'd3', key: 'check-in:rep-1:2026-11-02' }))).toBe(
          true,
        );
      });

      it('updates a delivery and lists deliveries by item, owner, recipient, team, kind and status', async (s) => {
        await s.createDelivery(
          aDelivery({
            id: 'd1',
            key: 'k1',
            kind: 'manager-notification',
            recipientId: 'mgr-1',
            itemKind: 'log',
            itemId: 'log-1',
            ownerId: 'rep-1',
            createdAt: at(1),
          }),
        );
        await s.createDelivery(
          aDelivery({
            id: 'd2',
            key: 'k2',
            kind: 'team-story',
            teamId: 't1',
            itemKind: 'log',
            itemId: 'log-1',
            ownerId: 'rep-1',
            createdAt: at(2),
          }),
        );
        await s.createDelivery(aDelivery({ id: 'd3', key: 'k3', recipientId: 'rep-1', createdAt: at(3) }));
        const sent = { ...(await s.getDelivery(A, 'd1'))!, status: 'sent' as const, messageId: 'm-1', attempts: 1 };
        await s.updateDelivery(sent);
        expect(await s.getDelivery(A, 'd1')).toEqual(sent);
        const ids = async (q: Parameters<Store['listDeliveries']>[1]) =>
          (await s.listDeliveries(A, q)).map((d) => d.id);
        expect(await ids({ itemId: 'log-1' })).toEqual(['d1', 'd2']);
        expect(await ids({ ownerId: 'rep-1' })).toEqual(['d1', 'd2']);
        expect(await ids({ recipientId: 'rep-1' })).toEqual(['d3']);
        expect(await ids({ teamId: 't1' })).toEqual(['d2']);
        expect(await ids({ status: 'sent' })).toEqual(['d1']);
        expect(await ids({ kind: 'check-in' })).toEqual(['d3']);
      });
    });

    describe('scans of every tenant for the scheduler and the delivery queue', () => {
      it('lists due pending deliveries of every tenant, oldest first, up to a limit, and continues after one', async (s) => {
        await s.createDelivery(aDelivery({ id: 'd3', key: 'k3', dueAt: at(3) }));
        await s.createDelivery(aDelivery({ id: 'd1', key: 'k1', dueAt: at(1) }));
        await s.createDelivery(aDelivery({ tenantId: B, id: 'd2', key: 'k2', dueAt: at(2) }));
        await s.createDelivery(aDelivery({ tenantId: B, id: 'd1', key: 'k1b', dueAt: at(1) }));
        await s.createDelivery(aDelivery({ id: 'later', key: 'k4', dueAt: at(9) }));
        await s.createDelivery(aDelivery({ id: 'sent', key: 'k5', dueAt: at(1), status: 'sent' }));
        await s.createDelivery(aDelivery({ id: 'skipped', key: 'k6', dueAt: at(1), status: 'skipped' }));
        const page = async (q: Parameters<Store['listPendingDeliveries']>[0]) =>
          (await s.listPendingDeliveries(q)).map((d) => `${d.tenantId}/${d.id}`);
        expect(await page({ dueBy: at(3), limit: 10 })).toEqual([
          'tenant-a/d1',
          'tenant-b/d1',
          'tenant-b/d2',
          'tenant-a/d3',
        ]);
        expect(await page({ dueBy: at(3), limit: 2 })).toEqual(['tenant-a/d1', 'tenant-b/d1']);
        expect(await page({ dueBy: at(3), limit: 2, after: { tenantId: B, id: 'd1', dueAt: at(1) } })).toEqual([
          'tenant-b/d2',
          'tenant-a/d3',
        ]);
        expect(await page({ dueBy: at(2, 8), limit: 10 })).toEqual(['tenant-a/d1', 'tenant-b/d1']);
        expect(await page({ dueBy: at(3), limit: 0 })).toEqual([]);
        // A delivery moved to a later due time (a retry with backoff) leaves the scan until then.
        const first = (await s.getDelivery(A, 'd1'))!;
        await s.updateDelivery({ ...first, dueAt: at(5), attempts: 1 });
        expect(await page({ dueBy: at(3), limit: 10 })).toEqual(['tenant-b/d1', 'tenant-b/d2', 'tenant-a/d3']);
        expect((await page({ dueBy: at(5), limit: 10 })).at(-1)).toBe('tenant-a/d1');
      });

      it('lists sent deliveries of one kind in [from, to) across tenants', async (s) => {
        await s.createDelivery(aDelivery({ id: 'a', key: 'ka', status: 'sent', dueAt: at(2) }));
        await s.createDelivery(aDelivery({ tenantId: B, id: 'b', key: 'kb', status: 'sent', dueAt: at(3) }));
        await s.createDelivery(aDelivery({ id: 'edge', key: 'ke', status: 'sent', dueAt: at(4) }));
        await s.createDelivery(aDelivery({ id: 'before', key: 'kx', status: 'sent', dueAt: at(1, 8) }));
        await s.createDelivery(aDelivery({ id: 'pending', key: 'kp', dueAt: at(2) }));
        await s.createDelivery(aDelivery({ id: 'digest', key: 'kd', kind: 'digest', status: 'sent', dueAt: at(2) }));
        const found = await s.listSentDeliveries({ kind: 'check-in', from: at(1, 9), to: at(4) });
        expect(found.map((d) => `${d.tenantId}/${d.id}`)).toEqual(['tenant-a/a', 'tenant-b/b']);
        expect((await s.listSentDeliveries({ kind: 'digest', from: at(1), to: at(9) })).map((d) => d.id)).toEqual([
          'digest',
        ]);
      });

      it('keeps a delivery’s subject and anonymity', async (s) => {
        const d = aDelivery({ id: 'story', key: 'team-story:s1:team:t1', kind: 'team-story', anonymous: true });
        const reply = aDelivery({ id: 'reply', key: 'reply:r1:rep-1', kind: 'reply', subjectId: 'r1' });
        await s.createDelivery(d);
        await s.createDelivery(reply);
        expect(await s.getDelivery(A, 'story')).toEqual(d);
        expect((await s.listPendingDeliveries({ dueBy: at(30), limit: 5 })).find((x) => x.id === 'reply')).toEqual(
          reply,
        );
      });

      it('lists logs of every tenant whose next step is due within the dates, both ends included', async (s) => {
        const step = (dueDate?: string) => ({
          kind: 'follow-up' as const,
          note: 'call',
          ...(dueDate ? { dueDate } : {}),
        });
        await s.putLog(aLog({ id: 'l1', authorId: 'rep-1', nextStep: step('2026-11-24') }));
        await s.putLog(aLog({ tenantId: B, id: 'l2', authorId: 'rep-9', nextStep: step('2026-11-25') }));
        await s.putLog(aLog({ id: 'l3', authorId: 'rep-1', nextStep: step('2026-11-26') }));
        await s.putLog(aLog({ id: 'l4', authorId: 'rep-1', nextStep: step('2026-11-27') }));
        await s.putLog(aLog({ id: 'no-date', authorId: 'rep-1', nextStep: step() }));
        await s.putLog(aLog({ id: 'no-step', authorId: 'rep-1' }));
        const ids = async (from: string, to: string) =>
          (await s.listLogsWithNextStepDue(from, to)).map((l) => `${l.tenantId}/${l.id}`);
        expect(await ids('2026-11-24', '2026-11-26')).toEqual(['tenant-a/l1', 'tenant-b/l2', 'tenant-a/l3']);
        expect(await ids('2026-11-27', '2026-11-27')).toEqual(['tenant-a/l4']);
        expect(await ids('2026-11-28', '2026-11-24')).toEqual([]);
        expect(await ids('2020-01-01', '2030-12-31')).toEqual([
          'tenant-a/l1',
          'tenant-b/l2',
          'tenant-a/l3',
          'tenant-a/l4',
        ]);
        // Moving the due date moves the log in the scan; erasing the author removes it.
        await s.putLog(aLog({ id: 'l1', authorId: 'rep-1', nextStep: step('2026-12-01') }));
        expect(await ids('2026-11-24', '2026-11-24')).toEqual([]);
        await s.deletePersonData(A, 'rep-1');
        expect(await ids('2026-11-01', '2026-12-31')).toEqual(['tenant-b/l2']);
      });

      it('lists the teams of every tenant', async (s) => {
        await s.putTeam(aTeam({ id: 't2' }));
        await s.putTeam(aTeam({ tenantId: B, id: 't1' }));
        await s.putTeam(aTeam({ id: 't1' }));
        expect((await s.listAllTeams()).map((t) => `${t.tenantId}/${t.id}`)).toEqual([
          'tenant-a/t1',
          'tenant-a/t2',
          'tenant-b/t1',
        ]);
      });
    });

    describe('insight counts', () => {
      async function seed(s: Store) {
        await s.putTeam(aTeam({ id: 't1' }));
        for (const id of ['rep-1', 'rep-2', 'rep-3'])
          await s.putMembership(aMembership({ teamId: 't1', personId: id }));
        await s.putMembership(aMembership({ teamId: 't1', personId: 'mgr-1', role: 'manager' }));
        await s.putMembership(aMembership({ teamId: 't2', personId: 'rep-1' }));
        await s.putPerson(aPerson({ id: 'rep-1' }));
        await s.putPerson(
          aPerson({
            id: 'rep-2',
            privacy: { defaultVisibility: 'private', shareSignalsWithManagers: false, countInTeamStats: false },
          }),
        );
        // rep-3 has no Person record yet (known from the org chart only) and counts with zeros.
        await s.putLog(
          aLog({
            id: 'l1',
            authorId: 'rep-1',
            occurredAt: at(2),
            askedWhy: true,
            reason: 'price',
            discovery: 'New budget cycle',
            nextStep: { kind: 'follow-up' },
          }),
        );
        await s.putLog(
          aLog({
            id: 'l2',
            authorId: 'rep-1',
            occurredAt: at(3),
            askedWhy: false,
            reason: 'price',
            nextStep: { kind: 'none' },
            visibility: 'private',
          }),
        );
        await s.putLog(aLog({ id: 'l3', authorId: 'rep-1', occurredAt: at(9), reason: 'trust' }));
        await s.putLog(aLog({ id: 'l4', authorId: 'rep-2', occurredAt: at(2), reason: 'budget' }));
        await s.putLog(aLog({ id: 'l5', authorId: 'mgr-1', occurredAt: at(2), reason: 'budget' }));
        await s.putOutcome(anOutcome({ id: 'o1', logId: 'l1', authorId: 'rep-1', kind: 'reopened' }));
        await s.putOutcome(anOutcome({ id: 'o2', logId: 'l1', authorId: 'rep-1', kind: 'reopened' }));
        await s.putOutcome(anOutcome({ id: 'o3', logId: 'l1', authorId: 'rep-1', kind: 'won-later' }));
        await s.putCheckIn(aCheckIn({ id: 'c1', authorId: 'rep-1', submittedAt: at(4) }));
        await s.putCheckIn(aCheckIn({ id: 'c2', authorId: 'rep-1', periodKey: '2026-11-10', submittedAt: at(10) }));
      }

      it('counts each counted rep’s logs, private ones included, by category, within [from, to)', async (s) => {
        await seed(s);
        const rows = await s.insightCounts({ tenantId: A, teamIds: ['t1'], from: at(1, 0), to: at(8, 0) });
        expect(rows.map((r) => r.personId).sort()).toEqual(['rep-1', 'rep-3']);
        const rep1 = rows.find((r) => r.personId === 'rep-1')!;
        expect(rep1).toMatchObject({ teamId: 't1', logs: 2, askedWhy: 1, discovery: 1, followUp: 1, checkIns: 1 });
        expect(rep1.reasons).toEqual({
          price: 2,
          timing: 0,
          'no-need': 0,
          trust: 0,
          competitor: 0,
          'decision-maker': 0,
          budget: 0,
          other: 0,
        });
        expect(rep1.outcomes).toEqual({ reopened: 1, 'won-later': 1, referral: 0, repeat: 0, closed: 0 });
        expect(rows.find((r) => r.personId === 'rep-3')).toMatchObject({ logs: 0, checkIns: 0, askedWhy: 0 });
      });

      it('returns one row per team for a rep in several teams, and nothing for teams not asked', async (s) => {
        await seed(s);
        const rows = await s.insightCounts({ tenantId: A, teamIds: ['t1', 't2'], from: at(1, 0), to: at(30, 0) });
        expect(rows.filter((r) => r.personId === 'rep-1').map((r) => [r.teamId, r.logs])).toEqual([
          ['t1', 3],
          ['t2', 3],
        ]);
        expect(await s.insightCounts({ tenantId: B, teamIds: ['t1'], from: at(1, 0), to: at(30, 0) })).toEqual([]);
      });
    });

    describe('idempotency records', () => {
      it('keeps one record per person, operation and key, and leaves the first one as it was', async (s) => {
        const first = anIdempotencyRecord({ personId: 'rep-1', key: 'activity-1', result: '{"logId":"l1"}' });
        expect(await s.putIdempotencyRecord(first)).toBe(true);
        expect(await s.putIdempotencyRecord({ ...first, result: '{"logId":"l2"}', createdAt: at(5) })).toBe(false);
        expect(await s.getIdempotencyRecord(A, 'rep-1', 'logRejection', 'activity-1')).toEqual(first);
        // The same key is another record for another operation, person or tenant.
        expect(await s.putIdempotencyRecord({ ...first, operation: 'submitCheckIn' })).toBe(true);
        expect(await s.putIdempotencyRecord({ ...first, personId: 'rep-2' })).toBe(true);
        expect(await s.putIdempotencyRecord({ ...first, tenantId: B })).toBe(true);
        expect(await s.getIdempotencyRecord(A, 'rep-1', 'logRejection', 'activity-2')).toBeNull();
        expect(await s.getIdempotencyRecord(B, 'rep-1', 'submitCheckIn', 'activity-1')).toBeNull();
      });

      it('forgets records older than a moment, in every tenant, and keeps the newer ones', async (s) => {
        await s.putIdempotencyRecord(anIdempotencyRecord({ personId: 'rep-1', key: 'old', createdAt: at(1) }));
        await s.putIdempotencyRecord(
          anIdempotencyRecord({ tenantId: B, personId: 'rep-1', key: 'old', createdAt: at(2) }),
        );
        await s.putIdempotencyRecord(anIdempotencyRecord({ personId: 'rep-1', key: 'new', createdAt: at(3) }));
        expect(await s.deleteIdempotencyRecordsBefore(at(3))).toBe(2);
        expect(await s.getIdempotencyRecord(A, 'rep-1', 'logRejection', 'old')).toBeNull();
        expect(await s.getIdempotencyRecord(B, 'rep-1', 'logRejection', 'old')).toBeNull();
        expect(await s.getIdempotencyRecord(A, 'rep-1', 'logRejection', 'new')).not.toBeNull();
        expect(await s.deleteIdempotencyRecordsBefore(at(3))).toBe(0);
      });

      it('lets the second of two concurrent transactions with the same key see the first one’s record', async (s) => {
        const attempt = () =>
          s.transaction(async (tx) => {
            if (await tx.getIdempotencyRecord(A, 'rep-1', 'logRejection', 'activity-1')) return 'replayed';
            await tx.putLog(aLog({ id: `l-${Math.random()}`, authorId: 'rep-1' }));
            const record = anIdempotencyRecord({ personId: 'rep-1', key: 'activity-1' });
            return (await tx.putIdempotencyRecord(record)) ? 'recorded' : 'lost';
          });
        const results = await Promise.allSettled([attempt(), attempt()]);
        expect(results.map((r) => (r.status === 'fulfilled' ? r.value : 'failed')).sort()).toEqual([
          'recorded',
          'replayed',
        ]);
        expect(await s.listLogs(A, { authorId: 'rep-1' })).toHaveLength(1);
      });
    });

    describe('erasing a person', () => {
      it('removes everything about the person and nothing about anyone else', async (s) => {
        await s.putPerson(aPerson({ id: 'rep-1' }));
        await s.putPerson(aPerson({ id: 'rep-2' }));
        await s.putMembership(aMembership({ teamId: 't1', personId: 'rep-1' }));
        await s.putMembership(aMembership({ teamId: 't1', personId: 'rep-2' }));
        await s.putAssignment(anAssignment({ id: 'a1', repId: 'rep-1', managerId: 'mgr-1' }));
        await s.putAssignment(anAssignment({ id: 'a2', repId: 'mgr-1', managerId: 'rep-1' }));
        await s.putLog(aLog({ id: 'l1', authorId: 'rep-1' }));
        await s.putLog(aLog({ id: 'l2', authorId: 'rep-2' }));
        await s.putOutcome(anOutcome({ id: 'o1', logId: 'l1', authorId: 'rep-1' }));
        await s.putCheckIn(aCheckIn({ id: 'c1', authorId: 'rep-1' }));
        await s.putShare(aShare({ id: 's1', itemId: 'l1', ownerId: 'rep-1', audience: ['mgr-1'] }));
        await s.putShare(
          aShare({ id: 's2', itemId: 'l2', ownerId: 'rep-2', visibility: 'team', audience: ['rep-1', 'mgr-1'] }),
        );
        await s.putReply(aReply({ id: 'r1', managerId: 'mgr-1', repId: 'rep-1', itemId: 'l1' }));
        await s.putSchedule(aSchedule({ personId: 'rep-1' }));
        await s.putConversationRef(aConversationRef({ id: 'ref-1', personId: 'rep-1' }));
        await s.createDelivery(aDelivery({ id: 'd1', key: 'k1', recipientId: 'rep-1' }));
        await s.createDelivery(
          aDelivery({ id: 'd2', key: 'k2', recipientId: 'mgr-1', itemId: 'l1', ownerId: 'rep-1' }),
        );
        await s.createDelivery(aDelivery({ id: 'd3', key: 'k3', recipientId: 'rep-2' }));
        await s.putIdempotencyRecord(anIdempotencyRecord({ personId: 'rep-1', key: 'activity-1' }));
        await s.putIdempotencyRecord(anIdempotencyRecord({ personId: 'rep-2', key: 'activity-1' }));

        await s.deletePersonData(A, 'rep-1');

        expect(await s.getPerson(A, 'rep-1')).toBeNull();
        expect(await s.listMemberships(A, { personId: 'rep-1' })).toEqual([]);
        expect(await s.listAssignments(A, { repId: 'rep-1' })).toEqual([]);
        expect(await s.listAssignments(A, { managerId: 'rep-1' })).toEqual([]);
        expect(await s.getLog(A, 'l1')).toBeNull();
        expect(await s.listOutcomes(A, { logId: 'l1' })).toEqual([]);
        expect(await s.getCheckIn(A, 'c1')).toBeNull();
        expect(await s.listShares(A, { ownerId: 'rep-1' })).toEqual([]);
        expect(await s.listShares(A, { audienceId: 'rep-1' })).toEqual([]);
        expect(await s.listReplies(A, { repId: 'rep-1' })).toEqual([]);
        expect(await s.getSchedule(A, 'rep-1')).toBeNull();
        expect(await s.getConversationRef(A, 'ref-1')).toBeNull();
        expect(await s.getDelivery(A, 'd1')).toBeNull();
        expect(await s.getDelivery(A, 'd2')).toBeNull();

        expect(await s.getPerson(A, 'rep-2')).not.toBeNull();
        expect(await s.getLog(A, 'l2')).not.toBeNull();
        expect((await s.listShares(A, { itemId: 'l2' }))[0]?.audience).toEqual(['mgr-1']);
        expect(await s.listMemberships(A, { teamId: 't1' })).toHaveLength(1);
        expect(await s.getDelivery(A, 'd3')).not.toBeNull();
        expect(await s.getIdempotencyRecord(A, 'rep-2', 'logRejection', 'activity-1')).not.toBeNull();
      });
    });

    describe('transactions', () => {
      it('makes every write of a committed transaction visible', async (s) => {
        await s.transaction(async (tx) => {
          await tx.putPerson(aPerson({ id: 'rep-1' }));
          await tx.putLog(aLog({ id: 'l1', authorId: 'rep-1' }));
          expect((await tx.getLog(A, 'l1'))?.id).toBe('l1');
        });
        expect(await s.getPerson(A, 'rep-1')).not.toBeNull();
        expect(await s.getLog(A, 'l1')).not.toBeNull();
      });

      it('leaves nothing behind when a transaction fails midway, updates and deletes included', async (s) => {
        await s.putPerson(aPerson({ id: 'rep-1', displayName: 'Before' }));
        await s.putLog(aLog({ id: 'l0', authorId: 'rep-1' }));
        const failure = new Error('injected');
        let caught: unknown;
        try {
          await s.transaction(async (tx) => {
            await tx.putPerson(aPerson({ id: 'rep-1', displayName: 'After' }));
            await tx.putLog(aLog({ id: 'l1', authorId: 'rep-1' }));
            await tx.createDelivery(aDelivery({ id: 'd1', key: 'k1' }));
            await tx.deletePersonData(A, 'rep-1');
            throw failure;
          });
        } catch (error) {
          caught = error;
        }
        expect(caught).toBe(failure);
        expect((await s.getPerson(A, 'rep-1'))?.displayName).toBe('Before');
        expect(await s.getLog(A, 'l0')).not.toBeNull();
        expect(await s.getLog(A, 'l1')).toBeNull();
        expect(await s.getDelivery(A, 'd1')).toBeNull();
      });

      it('loses no write when many transactions run at once', async (s) => {
        await Promise.all(
          Array.from({ length: 40 }, (_, i) =>
            s.transaction(async (tx) => {
              const existing = await tx.listLogs(A, { authorId: 'rep-1' });
              await tx.putLog(aLog({ id: `l${i}`, authorId: 'rep-1', customerLabel: `seen ${existing.length}` }));
            }),
          ),
        );
        const logs = await s.listLogs(A, { authorId: 'rep-1' });
        expect(logs).toHaveLength(40);
        // Serializable behaviour: each transaction saw a distinct number of earlier logs.
        expect(new Set(logs.map((l) => l.customerLabel)).size).toBe(40);
      });

      it('lets exactly one of two concurrent check-ins for the same period win', async (s) => {
        const results = await Promise.allSettled(
          ['c1', 'c2'].map((id) => s.transaction(async (tx) => tx.putCheckIn(aCheckIn({ id, authorId: 'rep-1' })))),
        );
        expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
        expect(
          results.filter((r) => r.status === 'rejected').map((r) => (r as PromiseRejectedResult).reason?.code),
        ).toEqual(['conflict']);
      });
    });
  });
}
