import { describe, expect, it } from 'vitest';
import { fill } from '../../i18n/catalog';
import { reviewTone } from '../tone/review-tone';
import { defaultReplyCatalog } from './default-templates';

// The suggestions a manager is offered must pass the same tone check their own drafts go through.
describe('default reply templates and the tone check', () => {
  it('none of them gets a tone finding, in either language', () => {
    const values = {
      ja: { repName: '佐藤', customer: 'さくら商店', managerName: '森' },
      en: { repName: 'Aki', customer: 'Sakura Bakery', managerName: 'Mori' },
    };
    const flagged: string[] = [];
    for (const t of defaultReplyCatalog.templates) {
      for (const locale of ['ja', 'en'] as const) {
        const { findings } = reviewTone(fill(t.text[locale], values[locale]), { locale });
        if (findings.length > 0) flagged.push(`${t.id} (${locale}): ${findings.map((f) => f.category).join(', ')}`);
      }
    }
    expect(flagged).toEqual([]);
  });

  it('the check itself is live: a pushy, comparing draft is flagged', () => {
    expect(reviewTone('Everyone else hit their target. Just try harder.', { locale: 'en' }).findings).not.toEqual([]);
    expect(reviewTone('田中さんはもう達成してるのに。もっと頑張って。', { locale: 'ja' }).findings).not.toEqual([]);
  });
});
