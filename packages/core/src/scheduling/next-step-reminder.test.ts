import { describe, expect, it } from 'vitest';
import { isReboundError } from '../errors';
import { nextStepReminderDue } from './next-step-reminder';
import { log, schedule } from './test-fixtures';

const TOKYO = 'Asia/Tokyo';
const NY = 'America/New_York';
const due = (dueDate: string, overrides = {}) => log({ nextStep: { kind: 'follow-up', dueDate }, ...overrides });

describe('nextStepReminderDue', () => {
  it('is due on the next step date at 09:00 in the rep zone, one key per log', () => {
    expect(nextStepReminderDue(due('2026-03-12'), TOKYO, '2026-03-02T01:00:00Z')).toEqual({
      kind: 'next-step-reminder',
      tenantId: 'tenant-1',
      personId: 'rep-1',
      logId: 'log-1',
      periodKey: '2026-03-12',
      scheduledAt: '2026-03-12T00:00:00.000Z',
      dueAt: '2026-03-12T00:00:00.000Z',
      key: 'next-step-reminder:tenant-1:log-1',
    });
  });

  it('is null without a next step or without a due date', () => {
    expect(nextStepReminderDue(log(), TOKYO, '2026-03-02T01:00:00Z')).toBeNull();
    expect(nextStepReminderDue(log({ nextStep: { kind: 'follow-up' } }), TOKYO, '2026-03-02T01:00:00Z')).toBeNull();
  });

  it('keeps local time across both New York changes, and reads a gap time forward', () => {
    expect(nextStepReminderDue(due('2026-03-06'), NY, '2026-03-02T01:00:00Z')?.dueAt).toBe('2026-03-06T14:00:00.000Z');
    expect(nextStepReminderDue(due('2026-03-09'), NY, '2026-03-02T01:00:00Z')?.dueAt).toBe('2026-03-09T13:00:00.000Z');
    expect(nextStepReminderDue(due('2026-03-08'), NY, '2026-03-02T01:00:00Z', '02:30')?.dueAt).toBe(
      '2026-03-08T07:30:00.000Z',
    );
    expect(nextStepReminderDue(due('2026-10-30'), NY, '2026-03-02T01:00:00Z')?.dueAt).toBe('2026-10-30T13:00:00.000Z');
    expect(nextStepReminderDue(due('2026-11-02'), NY, '2026-03-02T01:00:00Z')?.dueAt).toBe('2026-11-02T14:00:00.000Z');
  });

  it('is still due later on the due day, and no longer once that day is over in the rep zone', () => {
    expect(nextStepReminderDue(due('2026-03-12'), TOKYO, '2026-03-12T14:59:00Z')?.dueAt).toBe(
      '2026-03-12T00:00:00.000Z',
    );
    expect(nextStepReminderDue(due('2026-03-12'), TOKYO, '2026-03-12T15:00:00Z')).toBeNull();
  });

  it('is null when the log was written after the reminder time on the due day', () => {
    const lateLog = due('2026-03-02', { createdAt: '2026-03-02T01:00:00Z' }); // 10:00 JST, after 09:00
    expect(nextStepReminderDue(lateLog, TOKYO, '2026-03-02T01:00:00Z')).toBeNull();
    expect(nextStepReminderDue(lateLog, TOKYO, '2026-03-02T01:00:00Z', '17:00')?.dueAt).toBe(
      '2026-03-02T08:00:00.000Z',
    );
  });

  it('waits for the end of the rep’s quiet hours, whether or not their check-ins are on', () => {
    for (const enabled of [true, false]) {
      const quiet = schedule({ enabled, quietHours: { start: '21:00', end: '10:00' } });
      expect(nextStepReminderDue(due('2026-03-12'), TOKYO, '2026-03-02T01:00:00Z', '09:00', quiet)).toMatchObject({
        scheduledAt: '2026-03-12T00:00:00.000Z',
        dueAt: '2026-03-12T01:00:00.000Z',
      });
    }
  });

  it('reaches a rep who is away or skipping the due day on their first day back, at the reminder time', () => {
    const away = schedule({ outOfOffice: [{ from: '2026-03-11', to: '2026-03-13' }], skipDates: ['2026-03-14'] });
    expect(nextStepReminderDue(due('2026-03-12'), TOKYO, '2026-03-12T00:30:00Z', '09:00', away)).toMatchObject({
      periodKey: '2026-03-12',
      scheduledAt: '2026-03-12T00:00:00.000Z',
      dueAt: '2026-03-15T00:00:00.000Z',
    });
    // Planned on its own day: once that day is over, there is nothing new to plan.
    expect(nextStepReminderDue(due('2026-03-12'), TOKYO, '2026-03-12T15:00:00Z', '09:00', away)).toBeNull();
  });

  it('answers a bad reminder time or zone with a validation error', () => {
    for (const [zone, time, path] of [
      [TOKYO, '9:00', 'reminderTime'],
      ['Tokyo', '09:00', 'timeZone'],
    ] as const) {
      try {
        nextStepReminderDue(due('2026-03-12'), zone, '2026-03-02T01:00:00Z', time);
        expect.unreachable();
      } catch (error) {
        expect(isReboundError(error, 'validation')).toBe(true);
        expect((error as { fields: { path: string }[] }).fields.map((f) => f.path)).toEqual([path]);
      }
    }
  });
});
