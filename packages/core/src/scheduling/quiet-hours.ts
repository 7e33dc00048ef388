import { addDays, localDateOf, zonedParts, zonedTimeToInstant } from '../calendar/calendar';
import type { LocalDate, LocalTime } from '../records/primitives';

export interface QuietHours {
  start: LocalTime;
  end: LocalTime;
}

function minutesOf(time: LocalTime): number {
  const [h, m] = time.split(':').map(Number) as [number, number];
  return h * 60 + m;
}

/**
 * Where a wall-clock time sits relative to quiet hours: `outside`, `ends-today` (the quiet period it is in
 * ends later the same day), or `ends-tomorrow` (it is in the evening part of quiet hours that cross
 * midnight). Start is inclusive, end exclusive; equal start and end mean no quiet hours.
 */
export function quietPosition(time: LocalTime, quiet: QuietHours | null): 'outside' | 'ends-today' | 'ends-tomorrow' {
  if (!quiet || quiet.start === quiet.end) return 'outside';
  const t = minutesOf(time);
  const start = minutesOf(quiet.start);
  const end = minutesOf(quiet.end);
  if (start < end) return t >= start && t < end ? 'ends-today' : 'outside';
  if (t >= start) return 'ends-tomorrow';
  return t < end ? 'ends-today' : 'outside';
}

/** The local wall-clock `HH:MM` and date of an instant. */
export function wallClockOf(instant: string, timeZone: string): { date: LocalDate; time: LocalTime } {
  const p = zonedParts(instant, timeZone);
  const time = `${String(p.hour).padStart(2, '0')}:${String(p.minute).padStart(2, '0')}`;
  return { date: localDateOf(instant, timeZone), time };
}

export function isInQuietHours(instant: string, timeZone: string, quiet: QuietHours | null): boolean {
  return quietPosition(wallClockOf(instant, timeZone).time, quiet) !== 'outside';
}

/** The instant quiet hours end, for an instant inside them (the instant itself when outside). */
export function endOfQuietHours(instant: string, timeZone: string, quiet: QuietHours | null): string {
  const wall = wallClockOf(instant, timeZone);
  const position = quietPosition(wall.time, quiet);
  if (position === 'outside' || !quiet) return instant;
  const date = position === 'ends-tomorrow' ? addDays(wall.date, 1) : wall.date;
  return zonedTimeToInstant(date, quiet.end, timeZone);
}
