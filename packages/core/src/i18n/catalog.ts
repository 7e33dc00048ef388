/** The two languages Rebound speaks, as equals. */
export const LOCALES = ['ja', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

export type MessageParams = Record<string, string | number>;

/** A typed catalog: `en` defines the keys, `ja` must have exactly the same ones (the compiler checks). */
export interface Catalog<K extends string> {
  readonly keys: readonly K[];
  readonly texts: { readonly [L in Locale]: Readonly<Record<K, string>> };
  /** The text for `key` in `locale`, with `{name}` placeholders filled from `params`. */
  t(locale: Locale, key: K, params?: MessageParams): string;
  has(key: string): key is K;
}

export function defineCatalog<const K extends string>(texts: {
  en: Record<K, string>;
  ja: Record<NoInfer<K>, string>;
}): Catalog<K> {
  const keys = Object.keys(texts.en) as K[];
  const keySet = new Set<string>(keys);
  return {
    keys,
    texts,
    t(locale, key, params) {
      const template = texts[locale][key] ?? texts.en[key];
      return params ? fill(template, params) : template;
    },
    has(key): key is K {
      return keySet.has(key);
    },
  };
}

/** A template split once into literal text (even indexes) and placeholder names (odd indexes). */
const compiled = new Map<string, string[]>();
function partsOf(template: string): string[] {
  let parts = compiled.get(template);
  if (!parts) {
    parts = template.split(/\{(\w+)\}/);
    if (compiled.size > 10_000) compiled.clear();
    compiled.set(template, parts);
  }
  return parts;
}

/** Fills `{name}` placeholders. Unknown placeholders stay visible so a missing parameter is noticed. */
export function fill(template: string, params: MessageParams): string {
  const parts = partsOf(template);
  let out = parts[0]!;
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i]!;
    out += (Object.hasOwn(params, name) ? String(params[name]) : `{${name}}`) + parts[i + 1]!;
  }
  return out;
}

/**
 * Picks the language for a person: their own setting, then the locale of their latest Teams message
 * (`ja-JP`, `en-US`, ...), then English.
 */
export function resolveLocale(setting?: Locale | null, clientLocale?: string | null): Locale {
  if (setting === 'ja' || setting === 'en') return setting;
  const primary = clientLocale?.trim().toLowerCase().split(/[-_]/)[0];
  if (primary === 'ja') return 'ja';
  return 'en';
}

export function isLocale(value: unknown): value is Locale {
  return value === 'ja' || value === 'en';
}

/** A text in both languages, as rules return their reasons and catalogs hold prompts and templates. */
export type Localized = Readonly<Record<Locale, string>>;
