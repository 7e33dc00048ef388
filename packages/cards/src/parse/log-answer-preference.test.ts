import { isReboundError } from '@rebound/core';
import { describe, expect, it } from 'vitest';
import { logFormCard } from '../cards/rep-forms';
import type { AdaptiveCardJson } from '../template-engine';
import { logFormValuesFrom } from './form-values';
import { parseLogForm } from './forms';

/** The log form's "how I'd like to be answered" input. */
function preferenceInput(card: AdaptiveCardJson): Record<string, unknown> | undefined {
  let found: Record<string, unknown> | undefined;
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (node && typeof node === 'object') {
      const n = node as Record<string, unknown>;
      if (n.id === 'answerPreference') found = n;
      Object.values(n).forEach(visit);
    }
  };
  visit(card);
  return found;
}

const base = { today: '2026-11-24', defaultVisibility: 'private' } as const;
const ctx = { timeZone: 'Asia/Tokyo', now: new Date('2026-11-24T03:00:00Z') };
const logged = { customerLabel: 'Bakery', occurredOn: '2026-11-24', stage: 'proposal', reason: 'timing' };

describe('the log form asks how the rep would like this one answered', () => {
  it('offers the three choices in both languages, starting from the standing setting', () => {
    for (const [locale, labelText, listen] of [
      ['en', "How I'd like to be answered", 'Just listen'],
      ['ja', '返してほしい形', '聞いてほしいだけ'],
    ] as const) {
      const input = preferenceInput(logFormCard({ ...base, locale, answerPreference: 'advice' }));
      expect(input).toMatchObject({ type: 'Input.ChoiceSet', label: labelText, value: 'advice' });
      expect(JSON.stringify(input?.choices)).toContain(listen);
    }
    const edited = logFormCard({
      ...base,
      locale: 'en',
      answerPreference: 'advice',
      values: { answerPreference: 'just-listen' },
    });
    expect(preferenceInput(edited)?.value).toBe('just-listen');
    expect(preferenceInput(logFormCard({ ...base, locale: 'en' }))?.value).toBe('');
  });

  it('reads the choice into the log, leaves it out when none, and refuses anything else naming the field', () => {
    const chosen = parseLogForm({ ...logged, answerPreference: 'just-listen' }, ctx);
    expect(chosen.ok && chosen.value.input.answerPreference).toBe('just-listen');
    const none = parseLogForm({ ...logged, answerPreference: '' }, ctx);
    expect(none.ok && none.value.input.answerPreference).toBeUndefined();
    const bad = parseLogForm({ ...logged, answerPreference: 'constructor' }, ctx);
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(isReboundError(bad.error) && bad.error.fields.map((f) => f.path)).toContain('answerPreference');
    }
    // A form sent back after a bad submission keeps the choice, and only a real one.
    expect(logFormValuesFrom({ answerPreference: 'think-together' }).answerPreference).toBe('think-together');
    expect(logFormValuesFrom({ answerPreference: '__proto__' }).answerPreference).toBeUndefined();
  });
});
