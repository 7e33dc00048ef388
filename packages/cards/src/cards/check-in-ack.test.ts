import { LOCALES, VISIBILITIES } from '@rebound/core';
import { afterEach, describe, expect, it } from 'vitest';
import { CardTemplate } from '../template-engine';
import type { CheckInAckCardData, SupportContactView } from '../views';
import { checkInAckCard, supportContactsCard } from './rep-views';

// Text a JSON key or a template could get wrong: quotes, backslashes, line breaks, U+2028, template syntax, emoji.
// biome-ignore lint/suspicious/noTemplateCurlyInString: template syntax as text, on purpose
const TRICKY = 'a "quoted" \\ back\\slash\nnew line\u2028sep ${$root.t.checkInAck.title} {{DATE(x)}} 🙇‍♀️ 佐藤';

const CONTACTS: SupportContactView[] = [
  { kind: 'manager', name: 'Ken Sato', detail: 'Room 3, 9-17', url: 'https://teams.example/chat?u="ken"&x=\\' },
  { kind: 'hr', name: TRICKY, detail: TRICKY },
  { kind: 'eap', name: '産業医 窓口', url: 'javascript:alert(1)' },
];

// The same contacts as data that differs only where the card does not show it ('' and missing detail/url),
// and a list whose one contact differs in one character: each must get the card it asks for.
const CONTACT_LISTS: SupportContactView[][] = [
  [],
  CONTACTS.slice(0, 1),
  CONTACTS.slice(0, 2),
  CONTACTS,
  [{ kind: 'eap', name: '産業医 窓口', detail: '', url: '' }],
  [{ ...CONTACTS[0]!, name: 'Ken Satoh' }],
];

// biome-ignore lint/suspicious/noTemplateCurlyInString: template syntax as text, on purpose
const IDS = ['ci-1', 'ci-"\\\n\u2028${x}', '01JX7Q9ZK3V4M2N8P5R6S1T0WA'];

const views: CheckInAckCardData[] = LOCALES.flatMap((locale) =>
  VISIBILITIES.flatMap((visibility) =>
    [false, true].flatMap((permissionToNotSell) =>
      [false, true].flatMap((supportRequested) =>
        CONTACT_LISTS.flatMap((contacts) =>
          IDS.map((checkInId) => ({ locale, checkInId, visibility, permissionToNotSell, supportRequested, contacts })),
        ),
      ),
    ),
  ),
);

function expandedEveryCall(view: CheckInAckCardData) {
  CardTemplate.memoize = false;
  try {
    return checkInAckCard(view);
  } finally {
    CardTemplate.memoize = true;
  }
}

afterEach(() => {
  CardTemplate.memoize = true;
});

describe('check-in acknowledgement and support contacts, expanded once per distinct card', () => {
  it('equals the template engine’s output for every locale, visibility, flag, contact list and id', () => {
    expect(views.length).toBe(2 * 4 * 2 * 2 * CONTACT_LISTS.length * IDS.length);
    // Every card is asked for first (filling the memo), then again: a key that mixed two views up would
    // hand one of them the other's card.
    const first = views.map((view) => checkInAckCard(view));
    const again = views.map((view) => checkInAckCard(view));
    views.forEach((view, i) => {
      const reference = expandedEveryCall(view);
      expect(first[i]).toStrictEqual(reference);
      expect(again[i]).toStrictEqual(reference);
    });
  });

  it('shows what differs between the views it is asked for', () => {
    const base = { locale: 'en', checkInId: 'ci-1', visibility: 'team', permissionToNotSell: true } as const;
    const text = (view: CheckInAckCardData) => JSON.stringify(checkInAckCard(view));
    expect(text({ ...base, supportRequested: true, contacts: CONTACTS })).toContain('Ken Sato');
    expect(text({ ...base, supportRequested: true, contacts: [{ ...CONTACTS[0]!, name: 'Ken Satoh' }] })).toContain(
      'Ken Satoh',
    );
    expect(text({ ...base, supportRequested: false, contacts: CONTACTS })).not.toContain('Ken Sato');
    expect(text({ ...base, locale: 'ja', supportRequested: false, contacts: [] })).not.toBe(
      text({ ...base, supportRequested: false, contacts: [] }),
    );
  });

  it('returns a card of its own on every call: editing one does not change the next', () => {
    const view: CheckInAckCardData = { ...views[0]!, supportRequested: true, contacts: CONTACTS };
    const card = checkInAckCard(view);
    const reference = expandedEveryCall(view);
    expect(Object.isFrozen(card)).toBe(false);
    card.body.push({ type: 'TextBlock', text: 'added by a host' });
    (card.body[0] as { text: string }).text = 'changed';
    expect(checkInAckCard(view)).toStrictEqual(reference);
  });

  it('stays right when more distinct cards are asked for than it keeps', () => {
    const many = Array.from({ length: CardTemplate.MEMO_LIMIT + 20 }, (_, n) => ({
      ...views[0]!,
      supportRequested: true,
      contacts: [{ kind: 'other' as const, name: `Contact ${n}` }],
    }));
    for (const view of many) checkInAckCard(view);
    for (const view of [many[0]!, many[many.length - 1]!, views[5]!]) {
      expect(checkInAckCard(view)).toStrictEqual(expandedEveryCall(view));
    }
  });

  it('support contacts card: equals the template engine’s output for every locale and contact list', () => {
    const asked = LOCALES.flatMap((locale) => CONTACT_LISTS.map((contacts) => ({ locale, contacts })));
    const first = asked.map((view) => supportContactsCard(view));
    asked.forEach((view, i) => {
      expect(supportContactsCard(view)).toStrictEqual(first[i]);
      CardTemplate.memoize = false;
      expect(first[i]).toStrictEqual(supportContactsCard(view));
      CardTemplate.memoize = true;
    });
  });
});
