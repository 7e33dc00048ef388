import { describe, expect, it } from 'vitest';
import { settingsCard } from './cards/me';
import { formatDate, formatPeriod } from './item-views';
import { cardLabels } from './labels';

describe('periods and dates as people read them', () => {
  it('names an ISO week by its Monday, in both languages', () => {
    expect(formatPeriod('2026-W48', 'ja')).toBe('11月23日の週');
    expect(formatPeriod('2026-W48', 'en')).toBe('Week of 23 Nov');
    // Week 1 of 2026 starts in 2025; week 53 exists in 2026 but not in 2025.
    expect(formatPeriod('2026-W01', 'en')).toBe('Week of 29 Dec');
    expect(formatPeriod('2026-W53', 'ja')).toBe('12月28日の週');
    expect(formatPeriod('2025-W53', 'en')).toBe('2025-W53');
  });

  it('names a day with its weekday, whatever the time zone', () => {
    expect(formatPeriod('2026-11-24', 'ja')).toBe('11月24日(火)');
    expect(formatPeriod('2026-11-24', 'en', 'Pacific/Kiritimati')).toBe('Tue 24 Nov');
    expect(formatPeriod('not a period', 'en')).toBe('not a period');
  });

  it('writes other dates with their year', () => {
    expect(formatDate('2026-11-24', 'ja', 'UTC')).toBe('2026/11/24');
    expect(formatDate('2026-11-23T20:00:00Z', 'en', 'Asia/Tokyo')).toBe('24 Nov 2026');
  });
});

describe('counts in English labels', () => {
  it('says "1 hour" and "4 hours" (Intl.PluralRules), Japanese has one form', () => {
    const titles = (locale: 'en' | 'ja', hours: number) =>
      JSON.stringify(
        settingsCard({
          locale,
          values: {
            enabled: true,
            cadence: 'daily',
            checkInDays: [1],
            checkInTime: '17:30',
            timeZone: 'UTC',
            reminderAfterHours: hours,
            defaultVisibility: 'private',
            language: null,
            shareSignalsWithManagers: false,
            countInTeamStats: true,
          },
        }),
      );
    expect(titles('en', 1)).toContain('"After 1 hour"');
    expect(titles('en', 1)).toContain('"After 4 hours"');
    expect(titles('en', 1)).not.toContain('1 hours');
    expect(titles('ja', 1)).toContain('"1時間後"');
    expect(cardLabels.t('en', 'digest.suppressed', { k: 1 })).toContain('fewer than 1 person contributed');
    expect(cardLabels.t('en', 'welcome.statsText', { k: 5 })).toContain('at least 5 people contribute');
  });

  it('has no English label that puts a bare count before a plural noun', () => {
    // "{hours} hours" would read "1 hours": a count next to a noun goes through a plural.
    const bare = cardLabels.keys.filter((k) => /\{\w+\} [a-z]+s\b/.test(cardLabels.texts.en[k]));
    expect(bare).toEqual([]);
  });
});

describe('a period inside an error message', () => {
  it('is said as people read it', async () => {
    const { ReboundError } = await import('@rebound/core');
    const { errorSummary } = await import('./error-summary');
    const twice = new ReboundError('conflict', 'error.conflict.check-in-period', { params: { period: '2026-W48' } });
    expect(errorSummary(twice, 'ja').message).toContain('11月23日の週');
    expect(errorSummary(twice, 'en').message).toContain('Week of 23 Nov');
    expect(errorSummary(twice, 'en').message).not.toContain('2026-W48');
  });
});
