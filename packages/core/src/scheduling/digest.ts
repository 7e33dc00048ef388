import { addDays, isoWeekKey, localDateOf, startOfIsoWeek, weekdayOf, zonedTimeToInstant } from '../calendar/calendar';
import { parseInput } from '../errors';
import type { Instant, LocalDate } from '../records/primitives';
import { nextDigestInput } from './inputs';
import { scheduledDeliveryKey } from './keys';

export interface DigestSlot {
  kind: 'digest';
  tenantId: string;
  teamId: string;
  /** The ISO week the digest looks back on (`2026-W48`). */
  periodKey: string;
  /** Monday of that week, in the team's zone. */
  weekStart: LocalDate;
  /** The team's local date the digest is posted on. */
  localDate: LocalDate;
  dueAt: Instant;
  /** `digest:<tenantId>:<teamId>:<week>`: one digest per team and week. */
  key: string;
}

/**
 * The ISO week a digest posted on `date` looks back on: its own week when posted Friday to Sunday (the
 * working week is done or nearly so), the week before when posted Monday to Thursday (its own week has
 * hardly started).
 */
export function digestWeekOf(date: LocalDate): { periodKey: string; weekStart: LocalDate } {
  const weekday = weekdayOf(date);
  const inWeek = weekday >= 5 ? date : addDays(date, -7);
  return { periodKey: isoWeekKey(inWeek), weekStart: startOfIsoWeek(inWeek) };
}

/** The team's next weekly digest at or after `now`: `digestDay` at `digestTime` in the team's zone. */
export function nextDigest(team: unknown, now: unknown): DigestSlot {
  const input = parseInput(nextDigestInput, { team, now });
  const t = input.team;
  // Start the day before: in a zone behind UTC the local date may still be yesterday's digest day.
  const today = addDays(localDateOf(input.now, t.timeZone), -1);
  for (let i = 0; ; i++) {
    const date = addDays(today, i);
    if (weekdayOf(date) !== t.digestDay) continue;
    const dueAt = zonedTimeToInstant(date, t.digestTime, t.timeZone);
    if (dueAt < input.now) continue;
    const week = digestWeekOf(date);
    return {
      kind: 'digest',
      tenantId: t.tenantId,
      teamId: t.id,
      periodKey: week.periodKey,
      weekStart: week.weekStart,
      localDate: date,
      dueAt,
      key: scheduledDeliveryKey('digest', t.tenantId, t.id, week.periodKey),
    };
  }
}
