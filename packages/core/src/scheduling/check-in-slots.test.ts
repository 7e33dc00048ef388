import { describe, expect, it } from 'vitest';
import { isReboundError } from '../errors';
import { defaultSchedule } from '../service/people';
import { checkInsDueBetween, dueCheckIns, nextCheckIn } from './check-in-slots';
import { schedule } from './test-fixtures';

const NY = 'America/New_York';
const TOKYO = 'Asia/Tokyo';

function validationError(fn: () => unknown): { path: string }[] {
  try {
    fn();
  } catch (error) {
    if (isReboundError(error, 'validation')) return [...error.fields];
    throw error;
  }
  throw new Error('expected a validation error');
}

describe('nextCheckIn in America/New_York across daylight-saving changes', () => {
  it('keeps 17:30 local on both sides of the March change (EST then EDT)', () => {
    const friday = nextCheckIn(schedule(), NY, '2026-03-06T12:00:00Z');
    expect(friday).toMatchObject({
      localDate: '2026-03-06',
      periodKey: '2026-03-06',
      dueAt: '2026-03-06T22:30:00.000Z',
    });
    const monday = nextCheckIn(schedule(), NY, '2026-03-06T23:00:00Z');
    expect(monday).toMatchObject({ localDate: '2026-03-09', dueAt: '2026-03-09T21:30:00.000Z' });
  });

  it('keeps 17:30 local on both sides of the November change (EDT then EST)', () => {
    expect(nextCheckIn(schedule(), NY, '2026-10-30T12:00:00Z')?.dueAt).toBe('2026-10-30T21:30:00.000Z');
    expect(nextCheckIn(schedule(), NY, '2026-10-30T22:00:00Z')).toMatchObject({
      localDate: '2026-11-02',
      dueAt: '2026-11-02T22:30:00.000Z',
    });
  });

  it('reads a check-in time inside the spring-forward gap forward by the gap (02:30 becomes 03:30 EDT)', () => {
    const s = schedule({ checkInDays: [7], checkInTime: '02:30' });
    expect(nextCheckIn(s, NY, '2026-03-07T12:00:00Z')).toMatchObject({
      localDate: '2026-03-08',
      dueAt: '2026-03-08T07:30:00.000Z',
    });
  });

  it('takes the earlier of the two 01:30s on the November overlap', () => {
    const s = schedule({ checkInDays: [7], checkInTime: '01:30' });
    expect(nextCheckIn(s, NY, '2026-10-31T12:00:00Z')?.dueAt).toBe('2026-11-01T05:30:00.000Z');
  });

  it('returns a slot that is due exactly now', () => {
    expect(nextCheckIn(schedule(), NY, '2026-03-06T22:30:00Z')?.dueAt).toBe('2026-03-06T22:30:00.000Z');
  });

  it('finds the slot of a local date that is still "today" in New York while UTC is already tomorrow', () => {
    const s = schedule({ checkInTime: '21:00' });
    // 2026-03-05T01:00Z is Wednesday 20:00 in New York.
    expect(nextCheckIn(s, NY, '2026-03-05T01:00:00Z')).toMatchObject({ localDate: '2026-03-04' });
  });
});

describe('nextCheckIn in Asia/Tokyo (no daylight saving)', () => {
  it('lands at 09:00 JST = 00:00 UTC all year', () => {
    const s = schedule({ checkInTime: '09:00' });
    expect(nextCheckIn(s, TOKYO, '2026-03-06T12:00:00Z')?.dueAt).toBe('2026-03-09T00:00:00.000Z');
    expect(nextCheckIn(s, TOKYO, '2026-11-01T12:00:00Z')?.dueAt).toBe('2026-11-02T00:00:00.000Z');
  });

  it('uses the Tokyo calendar date, not the UTC one, for the period', () => {
    // 2026-03-09T16:00Z is Tuesday 01:00 in Tokyo; the Tuesday 00:30 slot has passed, the Wednesday one is next.
    const s = schedule({ checkInTime: '00:30' });
    expect(nextCheckIn(s, TOKYO, '2026-03-09T16:00:00Z')).toMatchObject({
      periodKey: '2026-03-11',
      dueAt: '2026-03-10T15:30:00.000Z',
    });
  });
});

describe('days the rep is not asked', () => {
  it('passes over skip dates', () => {
    const s = schedule({ skipDates: ['2026-03-09', '2026-03-10'] });
    expect(nextCheckIn(s, TOKYO, '2026-03-08T00:00:00Z')?.localDate).toBe('2026-03-11');
  });

  it('passes over out-of-office ranges, both ends included', () => {
    const s = schedule({ outOfOffice: [{ from: '2026-03-09', to: '2026-03-13' }] });
    expect(nextCheckIn(s, TOKYO, '2026-03-08T00:00:00Z')?.localDate).toBe('2026-03-16');
    const oneDay = schedule({ outOfOffice: [{ from: '2026-03-09', to: '2026-03-09' }] });
    expect(nextCheckIn(oneDay, TOKYO, '2026-03-08T00:00:00Z')?.localDate).toBe('2026-03-10');
  });

  it('asks for nothing before snoozeUntil and gives the first slot at or after it', () => {
    const snoozed = schedule({ snoozeUntil: '2026-03-11T12:00:00Z' }); // Wed 21:00 JST, after 17:30
    expect(nextCheckIn(snoozed, TOKYO, '2026-03-08T00:00:00Z')?.localDate).toBe('2026-03-12');
    const exactly = schedule({ snoozeUntil: '2026-03-11T08:30:00Z' }); // Wed 17:30 JST
    expect(nextCheckIn(exactly, TOKYO, '2026-03-08T00:00:00Z')?.dueAt).toBe('2026-03-11T08:30:00.000Z');
  });

  it('is null when the schedule is off (as every new rep starts) or has no chosen days', () => {
    expect(
      nextCheckIn(defaultSchedule('tenant-1', 'rep-1', '2026-03-01T00:00:00Z'), NY, '2026-03-06T12:00:00Z'),
    ).toBeNull();
    expect(nextCheckIn(schedule({ enabled: false }), NY, '2026-03-06T12:00:00Z')).toBeNull();
    expect(nextCheckIn(schedule({ checkInDays: [] }), NY, '2026-03-06T12:00:00Z')).toBeNull();
    expect(
      checkInsDueBetween(schedule({ enabled: false }), NY, '2026-03-01T00:00:00Z', '2026-04-01T00:00:00Z'),
    ).toEqual([]);
  });

  it('is null when every chosen day is skipped for longer than the search horizon', () => {
    const s = schedule({ checkInDays: [1], outOfOffice: [{ from: '2026-01-01', to: '2030-12-31' }] });
    expect(nextCheckIn(s, TOKYO, '2026-03-06T12:00:00Z')).toBeNull();
  });
});

describe('quiet hours', () => {
  const overnight = { start: '21:00', end: '08:00' };

  it('moves a morning slot inside quiet hours that cross midnight to their end the same day', () => {
    const s = schedule({ checkInTime: '07:00', quietHours: overnight });
    expect(nextCheckIn(s, TOKYO, '2026-03-08T00:00:00Z')).toMatchObject({
      localDate: '2026-03-09',
      dueAt: '2026-03-08T23:00:00.000Z', // 08:00 JST on the 9th
    });
  });

  it('skips an evening slot inside quiet hours that cross midnight (their end is already the next day)', () => {
    const s = schedule({ checkInTime: '22:00', quietHours: overnight });
    expect(nextCheckIn(s, TOKYO, '2026-03-08T00:00:00Z')).toBeNull();
  });

  it('moves a slot inside daytime quiet hours to their end, and leaves a slot at their end alone', () => {
    const lunch = { start: '12:00', end: '13:00' };
    expect(
      nextCheckIn(schedule({ checkInTime: '12:30', quietHours: lunch }), TOKYO, '2026-03-08T00:00:00Z')?.dueAt,
    ).toBe('2026-03-09T04:00:00.000Z');
    expect(
      nextCheckIn(schedule({ checkInTime: '13:00', quietHours: lunch }), TOKYO, '2026-03-08T00:00:00Z')?.dueAt,
    ).toBe('2026-03-09T04:00:00.000Z');
    expect(
      nextCheckIn(schedule({ checkInTime: '11:59', quietHours: lunch }), TOKYO, '2026-03-08T00:00:00Z')?.dueAt,
    ).toBe('2026-03-09T02:59:00.000Z');
  });

  it('treats equal start and end as no quiet hours', () => {
    const s = schedule({ checkInTime: '22:00', quietHours: { start: '22:00', end: '22:00' } });
    expect(nextCheckIn(s, TOKYO, '2026-03-08T00:00:00Z')?.dueAt).toBe('2026-03-09T13:00:00.000Z');
  });

  it('judges quiet hours by the time a gap slot really lands on in New York', () => {
    // 02:30 does not exist on 8 March; read forward it is 03:30, inside quiet hours until 04:00.
    const s = schedule({ checkInDays: [7], checkInTime: '02:30', quietHours: { start: '03:00', end: '04:00' } });
    expect(nextCheckIn(s, NY, '2026-03-07T12:00:00Z')?.dueAt).toBe('2026-03-08T08:00:00.000Z');
  });
});

describe('weekly cadence', () => {
  it('asks once per ISO week on the first chosen day, keyed by the week', () => {
    const s = schedule({ cadence: 'weekly', checkInDays: [5, 3] });
    expect(nextCheckIn(s, TOKYO, '2026-03-09T00:00:00Z')).toMatchObject({
      localDate: '2026-03-11',
      periodKey: '2026-W11',
    });
    const slots = checkInsDueBetween(s, TOKYO, '2026-03-01T00:00:00Z', '2026-03-31T00:00:00Z');
    expect(slots.map((x) => x.localDate)).toEqual(['2026-03-04', '2026-03-11', '2026-03-18', '2026-03-25']);
  });

  it('hands the week to the next chosen day when the first one is skipped or away', () => {
    const s = schedule({ cadence: 'weekly', checkInDays: [1, 4], skipDates: ['2026-03-09'] });
    expect(nextCheckIn(s, TOKYO, '2026-03-08T00:00:00Z')).toMatchObject({
      localDate: '2026-03-12',
      periodKey: '2026-W11',
    });
  });

  it('passes a week paused until midweek to the next chosen day after the pause, under the same week key', () => {
    const s = schedule({ cadence: 'weekly', checkInDays: [1, 4], snoozeUntil: '2026-03-10T00:00:00Z' });
    expect(nextCheckIn(s, TOKYO, '2026-03-08T00:00:00Z')).toMatchObject({
      localDate: '2026-03-12',
      key: 'check-in:tenant-1:rep-1:2026-W11',
    });
  });

  it('does not ask again in a week whose check-in has passed', () => {
    const s = schedule({ cadence: 'weekly', checkInDays: [1, 4] });
    // Tuesday of W11: Monday's check-in was the week's; the next one is Monday of W12.
    expect(nextCheckIn(s, TOKYO, '2026-03-10T00:00:00Z')).toMatchObject({
      localDate: '2026-03-16',
      periodKey: '2026-W12',
    });
  });

  it('crosses the year boundary through ISO week 2026-W53 in New York', () => {
    const s = schedule({ cadence: 'weekly', checkInDays: [1], checkInTime: '09:00' });
    const slots = checkInsDueBetween(s, NY, '2026-12-20T00:00:00Z', '2027-01-12T00:00:00Z');
    expect(slots.map((x) => [x.periodKey, x.localDate, x.dueAt])).toEqual([
      ['2026-W52', '2026-12-21', '2026-12-21T14:00:00.000Z'],
      ['2026-W53', '2026-12-28', '2026-12-28T14:00:00.000Z'],
      ['2027-W01', '2027-01-04', '2027-01-04T14:00:00.000Z'],
      ['2027-W02', '2027-01-11', '2027-01-11T14:00:00.000Z'],
    ]);
  });
});

describe('checkInsDueBetween and dueCheckIns', () => {
  it('gives (from, to]: a slot exactly at `to` is due, one exactly at `from` was due last time', () => {
    const s = schedule({ checkInTime: '09:00' });
    const slots = checkInsDueBetween(s, TOKYO, '2026-03-09T00:00:00Z', '2026-03-10T00:00:00Z');
    expect(slots.map((x) => x.dueAt)).toEqual(['2026-03-10T00:00:00.000Z']);
  });

  it('gives each period one key, the same whether the window is asked at once or tick by tick', () => {
    const s = schedule({ checkInDays: [1, 2, 3, 4, 5, 6, 7], checkInTime: '02:30' });
    const whole = checkInsDueBetween(s, NY, '2026-02-20T00:00:00Z', '2026-11-20T00:00:00Z');
    const keys = whole.map((x) => x.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toContain('check-in:tenant-1:rep-1:2026-03-08');
    expect(keys).toContain('check-in:tenant-1:rep-1:2026-11-01');
    const byTicks = [];
    for (let t = Date.parse('2026-02-20T00:00:00Z'); t < Date.parse('2026-11-20T00:00:00Z'); t += 7 * 3_600_000) {
      const to = Math.min(t + 7 * 3_600_000, Date.parse('2026-11-20T00:00:00Z'));
      byTicks.push(...checkInsDueBetween(s, NY, new Date(t).toISOString(), new Date(to).toISOString()));
    }
    expect(byTicks).toEqual(whole);
    expect(whole).toHaveLength(273);
  });

  it('merges many people in due order', () => {
    const due = dueCheckIns(
      [
        { schedule: schedule({ personId: 'ny-rep', checkInTime: '09:00' }), timeZone: NY },
        { schedule: schedule({ personId: 'tokyo-rep', checkInTime: '09:00' }), timeZone: TOKYO },
      ],
      '2026-03-09T00:00:00Z',
      '2026-03-10T00:00:00Z',
    );
    expect(due.map((x) => [x.personId, x.dueAt])).toEqual([
      ['ny-rep', '2026-03-09T13:00:00.000Z'],
      ['tokyo-rep', '2026-03-10T00:00:00.000Z'],
    ]);
  });
});

describe('bad input', () => {
  it('answers a validation error naming the field', () => {
    expect(validationError(() => nextCheckIn(schedule(), 'Mars/Olympus', '2026-03-01T00:00:00Z'))).toEqual([
      expect.objectContaining({ path: 'timeZone' }),
    ]);
    expect(validationError(() => nextCheckIn(schedule({ checkInTime: '24:00' }), NY, '2026-03-01T00:00:00Z'))).toEqual([
      expect.objectContaining({ path: 'schedule.checkInTime' }),
    ]);
    expect(validationError(() => nextCheckIn(schedule(), NY, 'yesterday'))).toEqual([
      expect.objectContaining({ path: 'now' }),
    ]);
  });

  it('refuses a window that ends before it starts or is longer than 400 days', () => {
    expect(
      validationError(() => checkInsDueBetween(schedule(), NY, '2026-03-02T00:00:00Z', '2026-03-01T00:00:00Z')),
    ).toEqual([expect.objectContaining({ path: 'to' })]);
    expect(validationError(() => dueCheckIns([], '2026-01-01T00:00:00Z', '2027-03-01T00:00:00Z'))).toEqual([
      expect.objectContaining({ path: 'now', messageKey: 'validation.too-big' }),
    ]);
  });
});
