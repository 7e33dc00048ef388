import { BoundedMap } from '../cache/bounded-map';

/** The two languages Rebound speaks, as equals. */
export const LOCALES = ['ja', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

export type MessageParams = Record<string, string | number>;

/**
 * A typed catalog: `en` defines the keys, `ja` must have exactly the same ones (the compiler checks). Texts hold
 * `{name}` placeholders, and counts that need a plural in a language hold an ICU-style plural:
 * `{hours, plural, one {# hour} other {# hours}}` (`#` is the number; the form comes from `Intl.PluralRules`).
 */
export interface Catalog<K extends string> {
  readonly keys: readonly K[];
  readonly texts: { readonly [L in Locale]: Readonly<Record<K, string>> };
  /** The text for `key` in `locale`, with `{name}` placeholders and plurals filled from `params`. */
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
      return params ? fill(template, params, locale) : template;
    },
    has(key): key is K {
      return keySet.has(key);
    },
  };
}

/** A compiled template: literal text, a `{name}` placeholder, or a plural choosing among forms by a number. */
type Segment = string | { arg: string } | { arg: string; source: string; forms: Map<string, Segment[]> };

const FORM = /^\s*(=\d+|zero|one|two|few|many|other)\s*\{/;

/** The index of the `}` closing the `{` at `open`, or -1. */
function closing(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return i;
  }
  return -1;
}

/** `hours, plural, one {…} other {…}` → its forms, or null when it is not a well-formed plural. */
function pluralForms(inner: string): { arg: string; forms: Map<string, Segment[]> } | null {
  const head = /^(\w+)\s*,\s*plural\s*,/.exec(inner);
  if (!head) return null;
  const forms = new Map<string, Segment[]>();
  let rest = inner.slice(head[0].length);
  while (rest.trim() !== '') {
    const form = FORM.exec(rest);
    if (!form) return null;
    const open = form[0].length - 1;
    const end = closing(rest, open);
    if (end < 0) return null;
    forms.set(form[1]!, compile(rest.slice(open + 1, end), true));
    rest = rest.slice(end + 1);
  }
  return forms.has('other') ? { arg: head[1]!, forms } : null;
}

function compile(template: string, inPlural = false): Segment[] {
  const out: Segment[] = [];
  let text = '';
  for (let i = 0; i < template.length; i++) {
    const ch = template[i]!;
    if (ch === '#' && inPlural) {
      out.push(text, { arg: '#' });
      text = '';
      continue;
    }
    if (ch !== '{') {
      text += ch;
      continue;
    }
    const end = closing(template, i);
    const inner = end < 0 ? '' : template.slice(i + 1, end);
    const plural = end < 0 ? null : pluralForms(inner);
    if (/^\w+$/.test(inner)) out.push(text, { arg: inner });
    else if (plural) out.push(text, { ...plural, source: template.slice(i, end + 1) });
    else {
      text += ch;
      continue;
    }
    text = '';
    i = end;
  }
  out.push(text);
  return out;
}

/** Templates compiled once: most texts are filled many times (a fan-out fills thousands). */
const compiled = new BoundedMap<string, Segment[]>(10_000);
function segmentsOf(template: string): Segment[] {
  return compiled.getOrSet(template, () => compile(template));
}

/** Bounded: `fill` takes any locale string. */
const pluralRules = new BoundedMap<string, Intl.PluralRules>(20);
function pluralOf(locale: string, n: number): string {
  return pluralRules.getOrSet(locale, () => new Intl.PluralRules(locale)).select(n);
}

function render(segments: Segment[], params: MessageParams, locale: string, count: string | number): string {
  let out = '';
  for (const segment of segments) {
    if (typeof segment === 'string') out += segment;
    else if (segment.arg === '#') out += String(count);
    else if (!Object.hasOwn(params, segment.arg)) out += 'forms' in segment ? segment.source : `{${segment.arg}}`;
    else if (!('forms' in segment)) out += String(params[segment.arg]);
    else {
      const value = params[segment.arg]!;
      const n = typeof value === 'number' ? value : Number(value);
      const form =
        (Number.isFinite(n) && (segment.forms.get(`=${n}`) ?? segment.forms.get(pluralOf(locale, n)))) ||
        segment.forms.get('other')!;
      out += render(form, params, locale, value);
    }
  }
  return out;
}

/**
 * Fills `{name}` placeholders and plurals (`{n, plural, one {# day} other {# days}}`, forms chosen by
 * `Intl.PluralRules` for `locale`). Unknown placeholders stay visible so a missing parameter is noticed.
 */
export function fill(template: string, params: MessageParams, locale: string = 'en'): string {
  return render(segmentsOf(template), params, locale, '#');
}

/** The names a template fills: its `{name}` placeholders and the numbers its plurals count, sorted. */
export function placeholderNames(template: string): string[] {
  const names = new Set<string>();
  const visit = (segments: Segment[]) => {
    for (const s of segments) {
      if (typeof s === 'string' || s.arg === '#') continue;
      names.add(s.arg);
      if ('forms' in s) for (const form of s.forms.values()) visit(form);
    }
  };
  visit(segmentsOf(template));
  return [...names].sort();
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
