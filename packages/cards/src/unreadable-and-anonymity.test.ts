import { describe, expect, it } from 'vitest';
import { anonymityRefusedCard } from './cards/anonymity';
import { managerInboxCard } from './cards/manager';
import { myItemsCard } from './cards/rep-views';
import { myItemFromUnreadable } from './item-views';
import type { AdaptiveCardJson } from './template-engine';

type Node = Record<string, unknown>;

function walk(node: unknown, visit: (n: Node) => void): void {
  if (Array.isArray(node)) for (const n of node) walk(n, visit);
  else if (node && typeof node === 'object') {
    visit(node as Node);
    for (const v of Object.values(node)) walk(v, visit);
  }
}

const actionsOf = (card: AdaptiveCardJson | Node) => {
  const out: Node[] = [];
  walk(card, (n) => {
    if (n.type === 'Action.Execute' || n.type === 'Action.ShowCard') out.push(n);
  });
  return out;
};

const readable = {
  itemKind: 'log' as const,
  itemId: 'good',
  title: 'Bakery',
  dateLabel: '24 Nov 2026',
  summary: 'Proposal · Budget',
  visibility: 'manager' as const,
  outcomes: [],
};

describe('an unreadable item in a list', () => {
  it('is one short line in my items, offering only to withdraw it, while the others keep all their actions', () => {
    const unreadable = myItemFromUnreadable(
      { kind: 'log', id: 'bad', at: '2026-11-20T03:00:00.000Z', visibility: 'team' },
      'ja',
      'Asia/Tokyo',
    );
    const card = myItemsCard({ locale: 'ja', items: [readable, unreadable], total: 2, today: '2026-11-24' });
    const [good, bad] = (card.body as Node[]).filter((n) => n.$data === undefined && n.type === 'Container');
    expect(JSON.stringify(bad)).toContain('この記録は読み込めませんでした。');
    expect(JSON.stringify(bad)).not.toContain('公開範囲');
    expect(actionsOf(bad!).map((a) => a.verb ?? a.type)).toEqual(['item.withdraw']);
    expect(actionsOf(bad!)[0]?.data).toMatchObject({ itemKind: 'log', itemId: 'bad' });
    expect(actionsOf(good!).map((a) => a.verb ?? a.type)).toEqual(
      expect.arrayContaining(['Action.ShowCard', 'item.edit', 'item.visibility', 'item.withdraw']),
    );
  });

  it('shows nothing that was stored with an unreadable item, even when the view passes it along', () => {
    const stale = { ...readable, itemId: 'bad', unreadable: true, excerpt: 'the customer words', summary: 'Proposal' };
    const card = myItemsCard({ locale: 'en', items: [stale], total: 1, today: '2026-11-24' });
    const text = JSON.stringify(card);
    expect(text).not.toContain('the customer words');
    expect(text).not.toContain('Proposal');
  });

  it('is one short line in the manager’s inbox, with who shared it and no button', () => {
    const card = managerInboxCard({
      locale: 'en',
      total: 2,
      items: [
        { ...readable, repName: 'Hana', supportRequested: false },
        {
          itemKind: 'check-in',
          itemId: 'bad',
          repName: 'Jun',
          title: '',
          dateLabel: '',
          supportRequested: false,
          unreadable: true,
        },
      ],
    });
    const rows = (card.body as Node[]).filter((n) => n.type === 'Container');
    expect(rows).toHaveLength(2);
    expect(JSON.stringify(rows[1])).toContain('This item could not be read.');
    expect(JSON.stringify(rows[1])).toContain('Jun');
    expect(actionsOf(rows[1]!)).toEqual([]);
    expect(actionsOf(rows[0]!).map((a) => a.verb)).toEqual(['inbox.open']);
  });
});

describe('an anonymous share refused in a small team', () => {
  it('says why and offers sharing with one’s name or keeping it private, for that item', () => {
    const card = anonymityRefusedCard({
      locale: 'en',
      itemKind: 'log',
      itemId: 'log-7',
      reason: 'An anonymous story needs at least 5 reps in your team who could have written it.',
      saved: true,
    });
    const text = JSON.stringify(card);
    expect(text).toContain('Your rejection log is saved, and only you can see it for now.');
    expect(text).toContain('at least 5 reps');
    expect(actionsOf(card).map((a) => [a.title, a.verb, a.data])).toEqual([
      ['Share, named', 'item.visibility', { action: 'item.visibility', itemKind: 'log', itemId: 'log-7', to: 'team' }],
      ['Keep private', 'item.withdraw', { action: 'item.withdraw', itemKind: 'log', itemId: 'log-7' }],
    ]);
    const unsaved = anonymityRefusedCard({ locale: 'ja', itemKind: 'log', itemId: 'log-7', reason: '…', saved: false });
    expect(JSON.stringify(unsaved)).not.toContain('保存しました');
  });
});
