import { z } from 'zod';
import { BoundedMap } from '../cache/bounded-map';

/** Opaque identifiers: any printable string up to 200 characters (Teams ids and AAD object ids fit). */
export const idSchema = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[^\s\u0000-\u001f\u007f]+$/, { message: 'id' });
export type Id = z.infer<typeof idSchema>;

// Control characters other than tab and newline have no place in user text.
// biome-ignore lint/suspicious/noControlCharactersInRegex: that is the point of this pattern
const controlChars = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/**
 * User-written text: trimmed, bounded, free of control characters. Empty after trimming is refused. One
 * transform rather than a chain of checks: records are parsed often, and this halves the cost of a text field.
 */
export function text(max: number) {
  return z.string().transform((raw, ctx) => {
    const s = raw.trim();
    if (s.length < 1) {
      ctx.addIssue({ code: 'too_small', origin: 'string', minimum: 1, inclusive: true, input: raw });
      return z.NEVER;
    }
    if (s.length > max) {
      ctx.addIssue({ code: 'too_big', origin: 'string', maximum: max, inclusive: true, input: raw });
      return z.NEVER;
    }
    if (controlChars.test(s)) {
      ctx.addIssue({ code: 'custom', message: 'control-characters', input: raw });
      return z.NEVER;
    }
    return s;
  });
}

/** Optional user text: empty or whitespace-only becomes undefined, so a blank field means "not given". */
export function optionalText(max: number) {
  return z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), text(max).optional());
}

const isoInstant = z.iso.datetime({ offset: true });

/** The number written by `length` digits at `start`, or -1 when one of them is not a digit. */
function digitsAt(s: string, start: number, length: number): number {
  let n = 0;
  for (let i = start; i < start + length; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/** `YYYY-MM-DDTHH:MM:SS.sssZ` naming a real moment, checked with arithmetic (no regex, no Date objects). */
function isCanonicalInstant(s: string): boolean {
  if (s.length !== 24 || s[4] !== '-' || s[7] !== '-' || s[10] !== 'T' || s[13] !== ':' || s[16] !== ':') return false;
  if (s[19] !== '.' || s[23] !== 'Z' || digitsAt(s, 20, 3) < 0) return false;
  const year = digitsAt(s, 0, 4);
  const month = digitsAt(s, 5, 2);
  const day = digitsAt(s, 8, 2);
  const hour = digitsAt(s, 11, 2);
  const minute = digitsAt(s, 14, 2);
  const second = digitsAt(s, 17, 2);
  if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23) return false;
  if (minute < 0 || minute > 59 || second < 0 || second > 59) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = month === 2 ? (leap ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
  return day <= days;
}

/**
 * A moment in time. Any ISO 8601 instant with an offset is accepted and normalised to UTC (`...Z`). Instants
 * already in that form (every stored record's) take a short path: records are parsed often, and zod's general
 * datetime check was most of the cost of parsing a log.
 */
export const instantSchema = z.string().transform((s, ctx) => {
  if (isCanonicalInstant(s)) return s;
  if (!isoInstant.safeParse(s).success || Number.isNaN(Date.parse(s))) {
    ctx.addIssue({ code: 'custom', message: 'instant', input: s });
    return z.NEVER;
  }
  return new Date(s).toISOString();
});
export type Instant = string;

/** A calendar date in the person's own time zone: `YYYY-MM-DD`. */
export const localDateSchema = z.iso.date();
export type LocalDate = string;

/** A wall-clock time in the person's own time zone: `HH:MM`, 24-hour. */
export const localTimeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'time' });
export type LocalTime = string;

/** The longest time zone name accepted (IANA names are far shorter). */
export const MAX_TIME_ZONE_LENGTH = 64;
/** How many zone names `isTimeZone` remembers: the zones of the people served, with room to spare. */
export const TIME_ZONES_REMEMBERED = 256;
/** Zones asked about, known or not; bounded, as the names come from requests (`localTimezone`, settings). */
const zoneCache = new BoundedMap<string, boolean>(TIME_ZONES_REMEMBERED);
/** How many zone names `isTimeZone` remembers now (for tests: it never passes its bound). */
export const timeZoneCacheSize = (): number => zoneCache.size;
/** True when the runtime's Intl knows the IANA zone. A name longer than 64 characters is never one. */
export function isTimeZone(zone: string): boolean {
  if (zone.length > MAX_TIME_ZONE_LENGTH) return false;
  return zoneCache.getOrSet(zone, () => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  });
}

export const timeZoneSchema = z.string().min(1).max(MAX_TIME_ZONE_LENGTH).refine(isTimeZone, { message: 'time-zone' });

export const localeSchema = z.enum(['ja', 'en']);

/** Self-ratings are 1 (low) to 5 (high). */
export const ratingSchema = z.number().int().min(1).max(5);

export const tenantIdSchema = idSchema;
