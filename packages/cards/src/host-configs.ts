import dark from './host-configs/dark.json';
import highContrast from './host-configs/high-contrast.json';
import light from './host-configs/light.json';

/**
 * Host configs for web pages that render Rebound's cards with the `adaptivecards` renderer
 * (`new AdaptiveCards.HostConfig(hostConfigs.light)`): close to Microsoft Teams' chat (equal-width buttons, 8 px
 * apart, at most 6 in a row), in light, dark and high-contrast colours that meet WCAG AA against their
 * containers. The browser tests and the README pictures render with `light`.
 */
export const hostConfigs = { light, dark, 'high-contrast': highContrast } as const;

export type HostTheme = keyof typeof hostConfigs;
