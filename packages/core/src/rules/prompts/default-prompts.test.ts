import { describe, expect, it } from 'vitest';
import { DEFAULT_PROMPTS, defaultPromptCatalog } from './default-prompts';
import { PROMPT_INTENTS, PROMPT_SITUATIONS, WANTED_INTENTS } from './situations';

const prompts = defaultPromptCatalog.prompts;
const japanese = /[\u3040-\u30ff\u4e00-\u9fff]/;
const rankingOrCounts =
  /\b(top|best|worst|behind|rank\w*|leaderboard|how many|number of|quota|revenue)\b|一番|最下位|順位|ランキング|ノルマ|売上|何件|件数/i;

describe('the default prompt catalog', () => {
  it('has at least 40 valid prompts covering every intent and answer kind', () => {
    expect(DEFAULT_PROMPTS.length).toBeGreaterThanOrEqual(40);
    expect(prompts).toHaveLength(DEFAULT_PROMPTS.length);
    expect(new Set(prompts.map((p) => p.intent))).toEqual(new Set(PROMPT_INTENTS));
    expect(new Set(prompts.map((p) => p.answerKind))).toEqual(new Set(['text', 'scale', 'choice']));
  });

  it('gives every situation at least two prompts, and one for each intent it asks for', () => {
    for (const situation of PROMPT_SITUATIONS) {
      const fitting = prompts.filter((p) =>
        situation === 'default' ? p.conditions.always : p.conditions.situations.includes(situation),
      );
      expect(fitting.length, situation).toBeGreaterThanOrEqual(2);
      for (const intent of WANTED_INTENTS[situation]) {
        expect(
          fitting.some((p) => p.intent === intent && !p.conditions.avoid.includes(situation)),
          `${situation} ${intent}`,
        ).toBe(true);
      }
    }
  });

  it('speaks both languages in their own words, without ranking, counts or revenue', () => {
    for (const p of prompts) {
      expect(p.text.ja, p.id).toMatch(japanese);
      expect(p.text.en, p.id).not.toMatch(japanese);
      expect(p.text.en, p.id).not.toMatch(rankingOrCounts);
      expect(p.text.ja, p.id).not.toMatch(rankingOrCounts);
      expect(p.text.en, p.id).not.toMatch(/!/);
      expect(p.text.ja, p.id).not.toMatch(/[!！]/);
      for (const choice of p.choices ?? []) {
        expect(choice.label.ja, `${p.id} ${choice.id}`).toMatch(japanese);
        expect(choice.label.en, `${p.id} ${choice.id}`).not.toMatch(japanese);
      }
    }
  });

  it('explains both ends of every scale in both languages', () => {
    for (const p of prompts.filter((q) => q.answerKind === 'scale')) {
      expect(p.text.en, p.id).toMatch(/1 = .+5 = /);
      expect(p.text.ja, p.id).toMatch(/1 = .+5 = /);
    }
  });

  it('uses the glossary words for the things it names', () => {
    const story = prompts.find((p) => p.id === 'team-share.as-a-story')!;
    expect(story.text.ja).toContain('断られ話');
    expect(story.text.en).toContain('rejection story');
    const notSelling = prompts.find((p) => p.id === 'permission.not-selling-today')!;
    expect(notSelling.text.ja).toContain('売らなくていい');
    expect(notSelling.text.en).toContain("don't have to sell");
  });
});
