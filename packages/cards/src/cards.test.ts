import { createRequire } from 'node:module';
import { LOCALES } from '@rebound/core';
import { Template } from 'adaptivecards-templating';
import { describe, expect, it } from 'vitest';
import { teamStoryCard } from './cards/team';
import { cardFixtures, FIXTURE_KINDS, HOSTILE_TEXT } from './fixtures/card-fixtures';
import { storyFromLog } from './item-views';
import { unplain } from './plain-text';

// The browser build of the official renderer: its lib/ build has ESM imports Node cannot resolve.
const AC = createRequire(import.meta.url)('adaptivecards/dist/adaptivecards.js');

type Node = Record<string, unknown>;

function walk(node: unknown, visit: (n: Node, key: string | null) => void, key: string | null = null): void {
  if (Array.isArray(node)) for (const item of node) walk(item, visit, key);
  else if (node && typeof node === 'object') {
    visit(node as Node, key);
    for (const [k, v] of Object.entries(node)) walk(v, visit, k);
  }
}

function strings(node: unknown): string[] {
  if (typeof node === 'string') return [node];
  if (Array.isArray(node)) return node.flatMap(strings);
  if (node && typeof node === 'object') return Object.values(node).flatMap(strings);
  return [];
}

function parseEvents(card: unknown): string[] {
  const adaptiveCard = new AC.AdaptiveCard();
  const ctx = new AC.SerializationContext();
  adaptiveCard.parse(card, ctx);
  const events: string[] = [];
  for (let i = 0; i < ctx.eventCount; i++) events.push(ctx.getEventAt(i).message);
  for (const e of adaptiveCard.validateProperties().validationEvents) events.push(String(e.message));
  return events;
}

const cases = LOCALES.flatMap((locale) =>
  FIXTURE_KINDS.flatMap((kind) => cardFixtures(kind, locale).map(({ name, card }) => ({ locale, kind, name, card }))),
);

describe('every card, in ja and en, over empty, typical, maximal and hostile fixtures', () => {
  it('covers every card of the issue', () => {
    const names = new Set(cases.map((c) => c.name));
    expect(names.size).toBeGreaterThanOrEqual(22);
    expect(cases.length).toBe(names.size * 2 * 4);
  });

  it.each(cases)('$name ($locale, $kind) parses in the official renderer without errors or warnings', ({ card }) => {
    const events = parseEvents(card);
    // The only accepted message: Teams' Chart.* elements are unknown to the renderer, which uses their fallback.
    const unexpected = events.filter((m) => !/^Unknown element type "Chart\.(Donut|Line)"/.test(m));
    expect(unexpected).toEqual([]);
  });

  it.each(cases)('$name ($locale, $kind) is a 1.5 card with labelled inputs and fallback-safe actions', ({ card }) => {
    expect(card.version).toBe('1.5');
    const ids = new Set<string>();
    walk(card, (n, key) => {
      const type = String(n.type ?? '');
      if (type.startsWith('Input.')) {
        expect(n.label, `${type} ${String(n.id)} has a label`).toEqual(expect.any(String));
        expect(String(n.label).length).toBeGreaterThan(0);
        expect(ids.has(String(n.id)), `input id ${String(n.id)} is unique`).toBe(false);
        ids.add(String(n.id));
        if (n.isRequired) expect(n.errorMessage).toEqual(expect.any(String));
      }
      if (type.startsWith('Chart.')) expect(n.fallback).toBeTruthy();
      if (type === 'Action.Execute' && key !== 'refresh' && key !== 'action') {
        const data = n.data as Node;
        expect(data.action).toBe(n.verb);
        expect(n.fallback).toMatchObject({ type: 'Action.Submit', title: n.title, data: { ...data, verb: n.verb } });
      }
    });
  });

  it.each(cases.filter((c) => c.kind !== 'hostile'))('$name ($locale, $kind) has every binding filled', ({ card }) => {
    // An unbound `${x}` would be shown literally by adaptivecards-templating.
    expect(strings(card).filter((s) => s.includes('${'))).toEqual([]);
  });

  it.each(cases.filter((c) => c.kind === 'maximal'))(
    '$name ($locale) stays under 40 KB at maximum lengths',
    ({ card }) => {
      expect(JSON.stringify(card).length * 2).toBeLessThan(40 * 1024);
    },
  );

  it('speaks the card language: no Japanese is left in an English card', () => {
    for (const { name, card } of cardFixtures('typical', 'en')) {
      // The language picker names Japanese in Japanese, on purpose.
      const texts = strings(card).filter((s) => /[\u3040-\u30ff\u4e00-\u9fff]/.test(s) && s !== '日本語');
      expect(texts, name).toEqual([]);
    }
  });

  it('speaks the card language: no English label is left in a Japanese card', () => {
    for (const { name, card } of cardFixtures('typical', 'ja')) {
      const texts = strings(card).filter((s) => /^[A-Z][a-z]+( [a-z]+){2,}/.test(s));
      expect(texts, name).toEqual([]);
    }
  });
});

describe('user text stays plain', () => {
  it('adaptivecards-templating does not expand ${...} found in data values', () => {
    const template = new Template({ type: 'TextBlock', text: '${name}', altText: 'Hi ${name}' });
    const out = template.expand({ $root: { name: '${1+1} ${$root.secret}', secret: 'leaked' } });
    expect(out).toEqual({ type: 'TextBlock', text: '${1+1} ${$root.secret}', altText: 'Hi ${1+1} ${$root.secret}' });
  });

  it('puts hostile text only into text runs and input values, never into markdown text blocks', () => {
    let seen = 0;
    for (const locale of LOCALES) {
      for (const { name, card } of cardFixtures('hostile', locale)) {
        walk(card, (n) => {
          if (n.type === 'TextBlock') expect(String(n.text), name).not.toContain('**bold**');
          if (n.type === 'FactSet') expect(JSON.stringify(n.facts), name).not.toContain('**bold**');
          if (n.type && String(n.type).startsWith('Action.')) expect(String(n.title ?? '')).not.toContain('**bold**');
        });
        const shown = strings(card)
          .filter((s) => s.includes('**bold**'))
          .map(unplain);
        seen += shown.length;
        // Shown text is the person's text, unchanged apart from the invisible guard in `${` and `{{`.
        for (const s of shown) expect(s, name).toContain(HOSTILE_TEXT.slice(0, 30));
      }
    }
    expect(seen).toBeGreaterThan(50);
  });

  it('never names the author of an anonymous story, whatever the caller passed', () => {
    const story = storyFromLog(
      {
        tenantId: 't',
        id: 'log-1',
        authorId: 'rep-1',
        occurredAt: '2026-11-24T01:00:00.000Z',
        customerLabel: 'Hidden Customer Inc.',
        stage: 'proposal',
        askedWhy: true,
        reason: 'price',
        customerWords: 'Too expensive for us.',
        visibility: 'team-anonymous',
        createdAt: '2026-11-24T01:00:00.000Z',
        updatedAt: '2026-11-24T01:00:00.000Z',
      },
      'en',
      { anonymous: true, name: 'Aiko Tanaka' } as never,
    );
    const json = JSON.stringify(teamStoryCard(story));
    expect(json).not.toContain('Aiko');
    expect(json).not.toContain('Hidden Customer');
    expect(json).toContain('Too expensive for us.');
  });
});

describe('cards do not share mutable parts', () => {
  it('a host editing one card cannot change the next', async () => {
    const { checkInCard } = await import('./cards/rep-forms');
    const view = {
      locale: 'en' as const,
      cadence: 'daily' as const,
      periodKey: '2026-11-24',
      periodLabel: 'today',
      prompts: [],
      defaultVisibility: 'private' as const,
    };
    const first = checkInCard(view);
    const pressure = JSON.stringify(first).includes('"1 · Hardly any"');
    expect(pressure).toBe(true);
    const choiceSet = (first.body as { id?: string; choices?: { title: string }[] }[])
      .flatMap((e) => [e, ...((e as { columns?: { items: unknown[] }[] }).columns?.flatMap((c) => c.items) ?? [])])
      .find((e) => (e as { id?: string }).id === 'pressure') as { choices: { title: string }[] };
    expect(() => {
      choiceSet.choices[0]!.title = 'changed';
    }).toThrow();
    expect(JSON.stringify(checkInCard(view))).toContain('"1 · Hardly any"');
  });
});

describe('hosts without Action.Execute (Adaptive Cards 1.3)', () => {
  it.each(cases.filter((c) => c.kind === 'typical'))(
    '$name ($locale) falls back to Action.Submit carrying the action name and verb',
    ({ card }) => {
      const ctx = new AC.SerializationContext(AC.Versions.v1_3);
      const adaptiveCard = new AC.AdaptiveCard();
      adaptiveCard.parse(card, ctx);
      const seen: Node[] = [];
      walk(adaptiveCard.toJSON(), (n, key) => {
        if (key !== 'refresh' && key !== 'action' && typeof n.type === 'string' && n.type.startsWith('Action.'))
          seen.push(n);
      });
      let executes = 0;
      walk(card, (n, key) => {
        if (n.type === 'Action.Execute' && key !== 'refresh' && key !== 'action') executes++;
      });
      expect(seen.filter((a) => a.type === 'Action.Submit')).toHaveLength(executes);
      for (const action of seen) {
        expect(action.type).not.toBe('Action.Execute');
        if (action.type === 'Action.Submit') {
          const data = action.data as Node;
          expect(data.verb).toBe(data.action);
          expect(typeof data.action).toBe('string');
        }
      }
    },
  );
});

describe('words on the cards', () => {
  it.each(LOCALES)('the error card says what went wrong once: its title and message share no phrase (%s)', (locale) => {
    const card = cardFixtures('typical', locale).find((c) => c.name === 'error')!.card;
    const body = card.body as { text?: string; inlines?: { text: string }[] }[];
    const title = String(body[0]?.text);
    const message = String(body[1]?.inlines?.[0]?.text);
    // Japanese: no four characters in a row; English: no three words in a row, in both.
    const pieces =
      locale === 'ja'
        ? Array.from({ length: title.length - 3 }, (_, i) => title.slice(i, i + 4))
        : title
            .toLowerCase()
            .split(/\s+/)
            .map((_, i, w) => w.slice(i, i + 3).join(' '))
            .filter((p) => p.split(' ').length === 3);
    expect(pieces.filter((p) => message.toLowerCase().includes(p))).toEqual([]);
    expect(message.length).toBeGreaterThan(0);
  });

  it.each(LOCALES)('no toggle label repeats its checkbox text (%s)', (locale) => {
    const repeats: string[] = [];
    for (const { name, card } of cardFixtures('typical', locale)) {
      walk(card, (n) => {
        if (n.type !== 'Input.Toggle') return;
        const label = String(n.label).toLowerCase();
        const title = String(n.title).toLowerCase();
        const words = (s: string) => s.split(/[^\p{L}\p{N}'’-]+/u).filter(Boolean);
        const repeated =
          locale === 'ja'
            ? title.includes(label) || label.includes(title)
            : words(label).every((w) => words(title).includes(w)) ||
              words(title).every((w) => words(label).includes(w));
        if (repeated) repeats.push(`${name}: "${n.label}" / "${n.title}"`);
      });
    }
    expect(repeats).toEqual([]);
  });
});
