import { describe, expect, it } from 'vitest';
import { isReboundError } from '../errors';
import { checkInReminder } from './check-in-reminder';
import { schedule } from './test-fixtures';

const TOKYO = 'Asia/Tokyo';
const NY = 'America/New_York';
// Monday 9 March 2026, 17:30 in Tokyo.
const SENT = '2026-03-09T08:30:00.000Z';
const withReminder = (overrides = {}) => schedule({ reminderAfterHours: 2, ...overrides });

describe('checkInReminder', () => {
  it('sends nothing unless the rep turned reminders on (off by default)', () => {
    expect(checkInReminder(schedule(), TOKYO, SENT, false, SENT)).toBeNull();
  });

  it('gives one reminder reminderAfterHours after an unanswered check-in, keyed by the period', () => {
    expect(checkInReminder(withReminder(), TOKYO, SENT, false, SENT)).toEqual({
      kind: 'check-in-reminder',
      tenantId: 'tenant-1',
      personId: 'rep-1',
      periodKey: '2026-03-09',
      dueAt: '2026-03-09T10:30:00.000Z',
      key: 'check-in-reminder:tenant-1:rep-1:2026-03-09',
    });
  });

  it('gives none for an answered check-in or a schedule that was turned off', () => {
    expect(checkInReminder(withReminder(), TOKYO, SENT, true, SENT)).toBeNull();
    expect(checkInReminder(withReminder({ enabled: false }), TOKYO, SENT, false, SENT)).toBeNull();
  });

  it('moves a reminder inside quiet hours to their end, the next morning if they cross midnight', () => {
    const s = withReminder({ quietHours: { start: '19:00', end: '07:00' } });
    expect(checkInReminder(s, TOKYO, SENT, false, SENT)?.dueAt).toBe('2026-03-09T22:00:00.000Z');
  });

  it('gives none when it would come at or after the next check-in', () => {
    expect(checkInReminder(withReminder({ reminderAfterHours: 24 }), TOKYO, SENT, false, SENT)).toBeNull();
    expect(checkInReminder(withReminder({ reminderAfterHours: 23 }), TOKYO, SENT, false, SENT)?.dueAt).toBe(
      '2026-03-10T07:30:00.000Z',
    );
  });

  it('gives none once the next check-in is due (a scheduler catching up after an outage)', () => {
    expect(checkInReminder(withReminder(), TOKYO, SENT, false, '2026-03-10T08:30:00Z')).toBeNull();
    expect(checkInReminder(withReminder(), TOKYO, SENT, false, '2026-03-10T08:29:00Z')).not.toBeNull();
  });

  it('gives none on a skipped or away day, or while check-ins are paused', () => {
    const friday = '2026-03-13T08:30:00.000Z';
    expect(checkInReminder(withReminder({ reminderAfterHours: 20 }), TOKYO, friday, false, friday)?.dueAt).toBe(
      '2026-03-14T04:30:00.000Z',
    );
    const skip = withReminder({ reminderAfterHours: 20, skipDates: ['2026-03-14'] });
    expect(checkInReminder(skip, TOKYO, friday, false, friday)).toBeNull();
    const away = withReminder({ reminderAfterHours: 20, outOfOffice: [{ from: '2026-03-14', to: '2026-03-20' }] });
    expect(checkInReminder(away, TOKYO, friday, false, friday)).toBeNull();
    const paused = withReminder({ snoozeUntil: '2026-03-12T00:00:00Z' });
    expect(checkInReminder(paused, TOKYO, SENT, false, SENT)).toBeNull();
  });

  it('counts elapsed hours across the March change in New York and honours quiet hours after it', () => {
    const sat = '2026-03-07T22:30:00.000Z'; // Saturday 17:30 EST
    const everyDay = { checkInDays: [1, 2, 3, 4, 5, 6, 7] };
    expect(checkInReminder(withReminder({ ...everyDay, reminderAfterHours: 12 }), NY, sat, false, sat)?.dueAt).toBe(
      '2026-03-08T10:30:00.000Z', // Sunday 06:30 EDT: twelve real hours, one of them skipped by the clock
    );
    const quiet = withReminder({ ...everyDay, reminderAfterHours: 6, quietHours: { start: '21:00', end: '08:00' } });
    expect(checkInReminder(quiet, NY, sat, false, sat)?.dueAt).toBe('2026-03-08T12:00:00.000Z'); // Sunday 08:00 EDT
  });

  it('counts elapsed hours across the November change in New York', () => {
    const sat = '2026-10-31T21:30:00.000Z'; // Saturday 17:30 EDT
    const s = withReminder({ checkInDays: [1, 2, 3, 4, 5, 6, 7], reminderAfterHours: 12 });
    const reminder = checkInReminder(s, NY, sat, false, sat);
    expect(reminder?.dueAt).toBe('2026-11-01T09:30:00.000Z'); // Sunday 04:30 EST: the clock repeated an hour
    expect(reminder?.key).toBe('check-in-reminder:tenant-1:rep-1:2026-10-31');
  });

  it('keys a weekly check-in reminder by its ISO week, or by the period it is given', () => {
    const weekly = withReminder({ cadence: 'weekly', checkInDays: [1] });
    expect(checkInReminder(weekly, TOKYO, SENT, false, SENT)?.key).toBe('check-in-reminder:tenant-1:rep-1:2026-W11');
    expect(checkInReminder(withReminder(), TOKYO, SENT, false, SENT, '2026-03-08')?.periodKey).toBe('2026-03-08');
  });

  it('answers bad input with a validation error', () => {
    try {
      checkInReminder(withReminder(), TOKYO, SENT, 'no', SENT, '2026-3-8');
      expect.unreachable();
    } catch (error) {
      expect(isReboundError(error, 'validation')).toBe(true);
      expect((error as { fields: { path: string }[] }).fields.map((f) => f.path).sort()).toEqual([
        'answered',
        'periodKey',
      ]);
    }
  });
});
