// biome-ignore-all lint/suspicious/noExplicitAny: card JSON is walked generically
import type { ConnectorCall } from './fake-connector';

/** The Adaptive Card inside a message the bot sent, or null. */
export function cardOf(call: ConnectorCall | undefined): any {
  const attachment = call?.body?.attachments?.[0];
  return attachment?.contentType === 'application/vnd.microsoft.card.adaptive' ? attachment.content : null;
}

/** The card returned in an Action.Execute invoke response, or null. */
export function invokeCard(body: any): any {
  return body?.type === 'application/vnd.microsoft.card.adaptive' ? body.value : null;
}

function walk(node: any, visit: (n: any) => void): void {
  if (Array.isArray(node)) {
    for (const n of node) walk(n, visit);
  } else if (node && typeof node === 'object') {
    visit(node);
    for (const v of Object.values(node)) walk(v, visit);
  }
}

/** Every Action.Execute verb a card offers. */
export function verbsOf(card: any): string[] {
  const verbs: string[] = [];
  walk(card, (n) => {
    if (n.type === 'Action.Execute' && typeof n.verb === 'string') verbs.push(n.verb);
  });
  return verbs;
}

/**
 * What a Teams client sends for an Action.Execute button of this card: every input's current value (as the
 * card prefilled it, then as the person changed it in `inputs`) plus the action's own data.
 */
export function submission(card: any, verb: string, inputs: Record<string, unknown> = {}): Record<string, unknown> {
  let data: Record<string, unknown> | null = null;
  const values: Record<string, unknown> = {};
  walk(card, (n) => {
    if (!data && n.type === 'Action.Execute' && n.verb === verb) data = { ...(n.data ?? {}) };
    if (
      typeof n.type === 'string' &&
      n.type.startsWith('Input.') &&
      typeof n.id === 'string' &&
      n.value !== undefined
    ) {
      values[n.id] = String(n.value);
    }
  });
  if (!data) throw new Error(`card offers no ${verb}`);
  return { ...values, ...inputs, ...(data as Record<string, unknown>) };
}

/** Every text shown on the card, joined (TextBlocks, facts, choices). */
export function textOf(card: any): string {
  const out: string[] = [];
  walk(card, (n) => {
    for (const key of ['text', 'title', 'value', 'label', 'placeholder']) {
      if (typeof n[key] === 'string') out.push(n[key]);
    }
  });
  return out.join('\n');
}

/** The id of every input on the card. */
export function inputIdsOf(card: any): string[] {
  const ids: string[] = [];
  walk(card, (n) => {
    if (typeof n.type === 'string' && n.type.startsWith('Input.') && typeof n.id === 'string') ids.push(n.id);
  });
  return ids;
}
