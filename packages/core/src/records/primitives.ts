import { z } from 'zod';

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

/** User-written text: trimmed, bounded, free of control characters. Empty after trimming is refused. */
export function text(max: number) {
  return z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((s) => !controlChars.test(s), { message: 'control-characters' });
}

/** Optional user text: empty or whitespace-only becomes undefined, so a blank field means "not given". */
export function optionalText(max: number) {
  return z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), text(max).optional());
}

const CANONICAL_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const isoInstant = z.iso.datetime({ offset: true });

/**
 * A moment in time. Any ISO 8601 instant with an offset is accepted and normalised to UTC (`...Z`). Instants
 * already in that form (every stored record's) take a short path: records are parsed often, and zod's general
 * datetime check is most of the cost of parsing a log.
 */
export const instantSchema = z.string().transform((s, ctx) => {
  if (CANONICAL_INSTANT.test(s)) {
    const ms = Date.parse(s);
    if (!Number.isNaN(ms) && new Date(ms).toISOString() === s) return s;
  }
  if (!isoInstant.safeParse(s).success) {
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

const zoneCache = new Map<string, boolean>();
/** True when the runtime's Intl knows the IANA zone. */
export function isTimeZone(zone: string): boolean {
  let known = zoneCache.get(zone);
  if (known === undefined) {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone });
      known = zone.length <= 64;
    } catch {
      known = false;
    }
    zoneCache.set(zone, known);
  }
  return known;
}

export const timeZoneSchema = z.string().min(1).max(64).refine(isTimeZone, { message: 'time-zone' });

export const localeSchema = z.enum(['ja', 'en']);

/** Self-ratings are 1 (low) to 5 (high). */
export const ratingSchema = z.number().int().min(1).max(5);

export const tenantIdSchema = idSchema;
