import { describe, expect, it } from 'vitest';
import { hostConfigs } from './host-configs';

/** WCAG 2.x relative luminance of an opaque #RRGGBB colour. */
function luminance(hex: string): number {
  const channels = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16) / 255);
  const [r, g, b] = channels.map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [
    number,
    number,
    number,
  ];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

const themes = Object.entries(hostConfigs);

describe('host configs for web hosts (light, dark, high contrast)', () => {
  it.each(themes)(
    '%s: every text colour reads against every container it can appear in (WCAG AA, 4.5:1)',
    (_, config) => {
      const low: string[] = [];
      for (const [style, { backgroundColor, foregroundColors }] of Object.entries(config.containerStyles)) {
        for (const [color, shades] of Object.entries(foregroundColors)) {
          for (const [shade, value] of Object.entries(shades)) {
            expect(value, `${style}.${color}.${shade}`).toMatch(/^#[0-9A-F]{6}$/);
            const ratio = contrast(value, backgroundColor);
            if (ratio < 4.5) low.push(`${style}.${color}.${shade} ${value} on ${backgroundColor}: ${ratio.toFixed(2)}`);
          }
        }
      }
      expect(low).toEqual([]);
    },
  );

  it.each(themes)('%s: lays buttons out as Teams does (equal widths, one row, at most 6)', (_, config) => {
    expect(config.actions).toMatchObject({
      actionAlignment: 'Stretch',
      actionsOrientation: 'Horizontal',
      maxActions: 6,
      allowTitleToWrap: false,
    });
  });
});
