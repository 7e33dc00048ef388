import type { Locale } from '@rebound/core';
import { type CardLabelKey, cardLabels } from './labels';

export type LabelTree = { [segment: string]: string | LabelTree };

const trees = new Map<Locale, LabelTree>();

/** The catalog of `locale` as a nested object (`log.customer` → `t.log.customer`), built once per locale. */
export function labelTree(locale: Locale): LabelTree {
  let tree = trees.get(locale);
  if (!tree) {
    tree = {};
    for (const key of cardLabels.keys) {
      const parts = key.split('.');
      let node = tree;
      for (const part of parts.slice(0, -1)) {
        let next = node[part];
        if (typeof next === 'string') throw new Error(`label ${key} collides with a shorter key`);
        if (next === undefined) {
          next = {};
          node[part] = next;
        }
        node = next;
      }
      node[parts.at(-1)!] = cardLabels.texts[locale][key];
    }
    trees.set(locale, tree);
  }
  return tree;
}

export function label(locale: Locale, key: CardLabelKey, params?: Record<string, string | number>): string {
  return cardLabels.t(locale, key, params);
}

export interface Choice {
  title: string;
  value: string;
}

/** Choices for an enum: `prefix.value` labels in `locale`, in the enum's order. */
export function enumChoices(locale: Locale, prefix: string, values: readonly (string | number)[]): Choice[] {
  return values.map((v) => ({ title: cardLabels.t(locale, `${prefix}.${v}` as CardLabelKey), value: String(v) }));
}

/**
 * A label with a person's `{name}` in it, split around the name so a card can set the name apart (bold, as
 * plain text): "{name} shared this with you" → before '', after ' shared this with you';
 * 「{name}さんが共有しました」 → before '', after 'さんが共有しました'. Word order stays the language's own.
 */
export function aroundName(
  locale: Locale,
  key: CardLabelKey,
  params?: Record<string, string | number>,
): { before: string; after: string } {
  const text = cardLabels.t(locale, key, params);
  const at = text.indexOf('{name}');
  if (at < 0) return { before: text, after: '' };
  return { before: text.slice(0, at), after: text.slice(at + '{name}'.length) };
}
