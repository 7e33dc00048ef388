/**
 * An HR tool embedding Rebound: a service on the memory store, a small team, a few rejections, sharing and a
 * withdrawal, what the manager sees, an export and an erase. Run it with `npm start` at the repository root.
 */
import { randomUUID } from 'node:crypto';
import { createMemoryStore, createRebound, isReboundError } from '@rebound/core';

const tenantId = 'acme-hr';
const as = (personId: string) => ({ tenantId, personId });
const say = (line = '') => console.log(line);
const heading = (text: string) => say(`\n== ${text}`);

const rebound = createRebound({
  store: createMemoryStore(),
  clock: () => new Date(),
  ids: () => randomUUID(),
  privacy: { k: 5 },
  supportContacts: [{ kind: 'hr', name: 'HR wellbeing desk / 人事 相談窓口', contact: 'wellbeing@acme.example' }],
});

heading('Our HR system tells Rebound who is who');
for (const [id, name] of [
  ['hanako', '佐藤 花子'],
  ['ken', 'Ken Ito'],
  ['aoi', '青井 葵'],
  ['ren', 'Ren Mori'],
  ['yui', '結城 唯'],
  ['tanaka', '田中 部長'],
  ['sora', 'Sora Ota'],
] as const) {
  await rebound.registerPerson(as(id), { displayName: name, timeZone: 'Asia/Tokyo' });
}
await rebound.admin.syncOrgChart(tenantId, {
  teams: [
    { id: 'tokyo-sales', name: 'Tokyo Sales', managers: ['tanaka'], reps: ['hanako', 'ken', 'aoi', 'ren', 'yui'] },
    { id: 'osaka-sales', name: 'Osaka Sales', managers: ['tanaka'], reps: ['sora'] },
  ],
});
say('Tokyo Sales: manager 田中 部長; five reps, 佐藤 花子 and Ken Ito among them. Osaka Sales: Sora Ota alone.');

heading('Hanako logs two rejections');
const first = await rebound.logRejection(as('hanako'), {
  customerLabel: '渋谷のベーカリー',
  stage: 'proposal',
  askedWhy: true,
  reason: 'timing',
  customerWords: '今は時期じゃないんです。春に二号店を出すので。',
  discovery: 'They open a second shop in spring and will need ordering for two sites.',
  nextStep: { kind: 'follow-up', note: 'Call in February', dueDate: '2027-02-01' },
  feeling: 'disappointed',
});
say(`Logged "${first.log.customerLabel}" privately (visibility: ${first.log.visibility}). Nobody else can see it.`);
const second = await rebound.logRejection(as('hanako'), {
  customerLabel: 'Logistics firm in Shinagawa',
  stage: 'first-meeting',
  askedWhy: false,
  reason: 'competitor',
  visibility: 'team-anonymous',
});
say(
  `Logged a second one as an anonymous team story. To post: ${second.sharing.notifications.map((n) => `${n.kind} -> team ${n.teamId}`).join(', ')}`,
);
try {
  await rebound.logRejection(as('sora'), {
    customerLabel: 'Port office',
    stage: 'proposal',
    askedWhy: true,
    reason: 'price',
    visibility: 'team-anonymous',
  });
} catch (error) {
  // With one rep, "anonymous" would name him: refused, and nothing stored.
  if (isReboundError(error)) say(`Sora's anonymous story is refused: ${error.localize('en').message}`);
}

heading('She shares the first one with her manager');
const shared = await rebound.setVisibility(as('hanako'), {
  itemKind: 'log',
  itemId: first.log.id,
  visibility: 'manager',
});
say(`Audience recorded at this moment: ${shared.audience.join(', ')}`);
say(`The host delivers: ${shared.notifications.map((n) => `${n.kind} -> ${n.recipientId}`).join(', ')}`);

heading('What the manager sees');
const inbox = await rebound.inbox(as('tanaka'));
for (const w of inbox.waiting) {
  const log = w.view.kind === 'log' ? w.view.item : null;
  say(`Inbox: ${w.owner?.displayName} shared "${log?.customerLabel}" (asked why: ${log?.askedWhy ? 'yes' : 'no'})`);
}
const story = await rebound.viewItem(as('ken'), { itemKind: 'log', itemId: second.log.id });
say(
  `Ken reads the anonymous story: author ${story.item.authorId ?? '(not shown)'}, reason: ${story.kind === 'log' ? story.item.reason : '-'}`,
);
const preview = await rebound.previewManagerView(as('hanako'));
say(
  `Hanako's "what my manager sees": ${preview.items.length} item(s); signals shared: ${preview.signalsShared ? 'yes' : 'no'}`,
);

heading('She changes her mind and withdraws it');
const withdrawn = await rebound.setVisibility(as('hanako'), {
  itemKind: 'log',
  itemId: first.log.id,
  visibility: 'private',
});
say(`Take back: ${withdrawn.takeBacks.map((t) => `${t.kind} to ${t.recipientId}`).join(', ')}`);
try {
  await rebound.viewItem(as('tanaka'), { itemKind: 'log', itemId: first.log.id });
} catch (error) {
  if (isReboundError(error)) say(`The manager now gets: ${error.code} (${error.localize('ja').message})`);
}

heading('A check-in that asks for support');
const checkIn = await rebound.submitCheckIn(as('hanako'), {
  pressure: 4,
  energy: 2,
  supportRequested: true,
  answerPreference: 'just-listen',
});
say(`Stored check-in for ${checkIn.checkIn.periodKey}. People to talk to, shown at once:`);
for (const c of checkIn.supportContacts) say(`  - ${c.name}: ${c.contact}`);

heading('Bad input changes nothing, and says why in both languages');
try {
  await rebound.logRejection(as('hanako'), {
    customerLabel: '',
    stage: 'proposal',
    askedWhy: 'yes',
    reason: 'bad luck',
  });
} catch (error) {
  if (isReboundError(error)) {
    for (const f of error.localize('en').fields) say(`  en: ${f.message}`);
    for (const f of error.localize('ja').fields) say(`  ja: ${f.message}`);
  }
}

heading('Export and erase');
const exported = await rebound.exportMyData(as('hanako'));
say(
  `Export (${exported.format}): ${exported.rejectionLogs.length} logs, ${exported.checkIns.length} check-in(s), ${JSON.stringify(exported).length} bytes of JSON.`,
);
const erased = await rebound.eraseMe(as('hanako'));
say(`Erased Hanako. Posted copies to take back: ${erased.takeBacks.length}.`);
const after = await rebound.viewPerson(as('tanaka'), 'hanako');
say(`Afterwards the manager finds ${after.items.length} item(s) and no name: ${after.person.displayName ?? '(none)'}.`);
