import { DateTime } from 'luxon';
import {
  atLocalTime,
  infusionReminderTimes,
  outOfQuietHours,
  quietHoursEnd,
  REMINDER_POLICY,
} from './reminder-times';

const NEW_YORK = 'America/New_York';
const local = (iso: string, zone = NEW_YORK) => DateTime.fromISO(iso, { zone }).toJSDate();

describe('reminder times', () => {
  // 2026: clocks go forward on 8 March and back on 1 November in New York.
  it.each([
    ['the day before clocks go forward', '2026-03-07', '2026-03-07T14:00:00.000Z'],
    ['the day clocks go forward', '2026-03-08', '2026-03-08T13:00:00.000Z'],
    ['the day after clocks go forward', '2026-03-09', '2026-03-09T13:00:00.000Z'],
    ['the day before clocks go back', '2026-10-31', '2026-10-31T13:00:00.000Z'],
    ['the day clocks go back', '2026-11-01', '2026-11-01T14:00:00.000Z'],
    ['the day after clocks go back', '2026-11-02', '2026-11-02T14:00:00.000Z'],
  ])('puts a 09:00 reminder at 09:00 New York time on %s', (_label, day, utc) => {
    const infusionDay = DateTime.fromISO(day, { zone: NEW_YORK }).plus({ days: 1 });
    const [dayBefore] = infusionReminderTimes(
      { scheduledAt: atLocalTime(infusionDay, '11:00').toJSDate(), durationMinutes: 60 },
      NEW_YORK,
      { ...REMINDER_POLICY, dayBeforeAt: '09:00' },
    );

    expect(dayBefore?.kind).toBe('infusion_day_before');
    expect(dayBefore?.dueAt.toISOString()).toBe(utc);
    expect(
      DateTime.fromJSDate(dayBefore?.dueAt ?? new Date(), { zone: NEW_YORK }).toFormat('HH:mm'),
    ).toBe('09:00');
  });

  it.each([
    ['an afternoon infusion', '2026-06-10T14:00', '2026-06-10T08:00', '2026-06-10T19:00'],
    [
      'an early infusion, two hours before it',
      '2026-06-10T09:00',
      '2026-06-10T07:00',
      '2026-06-10T19:00',
    ],
    [
      'an evening infusion, the next evening',
      '2026-06-10T18:30',
      '2026-06-10T08:00',
      '2026-06-11T19:00',
    ],
  ])(
    'times the morning reminder and the journal prompt of %s',
    (_label, start, morning, prompt) => {
      const times = infusionReminderTimes(
        { scheduledAt: local(start), durationMinutes: 60 },
        NEW_YORK,
      );
      const byKind = Object.fromEntries(times.map((time) => [time.kind, time.dueAt.toISOString()]));

      expect(byKind.infusion_day_before).toBe(
        DateTime.fromISO(start, { zone: NEW_YORK })
          .minus({ days: 1 })
          .set({ hour: 18, minute: 0 })
          .toJSDate()
          .toISOString(),
      );
      expect(byKind.infusion_morning).toBe(local(morning).toISOString());
      expect(byKind.journal_prompt).toBe(local(prompt).toISOString());
    },
  );

  it.each([
    ['late evening, to the next morning', '2026-06-10T22:30', '21:00', '08:00', '2026-06-11T08:00'],
    [
      'early morning, to the same morning',
      '2026-06-10T07:00',
      '21:00',
      '08:00',
      '2026-06-10T08:00',
    ],
    ['the very start of the window', '2026-06-10T21:00', '21:00', '08:00', '2026-06-11T08:00'],
    ['a daytime window', '2026-06-10T13:30', '13:00', '15:00', '2026-06-10T15:00'],
    [
      'an end the clocks skip, to just after',
      '2026-03-08T01:30',
      '01:00',
      '02:30',
      '2026-03-08T03:30',
    ],
    ['across the night clocks go back', '2026-10-31T23:00', '21:00', '08:00', '2026-11-01T08:00'],
  ])('moves a time inside quiet hours: %s', (_label, at, start, end, expected) => {
    expect(outOfQuietHours(local(at), NEW_YORK, { start, end }).toISOString()).toBe(
      local(expected).toISOString(),
    );
  });

  it.each([
    ['midday', '2026-06-10T12:00', '21:00', '08:00'],
    ['the end of the window itself', '2026-06-10T08:00', '21:00', '08:00'],
    ['any time when start and end are equal', '2026-06-10T23:00', '22:00', '22:00'],
  ])('leaves a time outside quiet hours alone: %s', (_label, at, start, end) => {
    expect(quietHoursEnd(local(at), NEW_YORK, { start, end })).toBeNull();
    expect(outOfQuietHours(local(at), NEW_YORK, { start, end }).toISOString()).toBe(
      local(at).toISOString(),
    );
  });

  it('reads quiet hours in the patient’s own zone, not the server’s', () => {
    const instant = new Date('2026-06-10T04:00:00Z');

    expect(quietHoursEnd(instant, 'Europe/London', { start: '21:00', end: '08:00' })).toEqual(
      local('2026-06-10T08:00', 'Europe/London'),
    );
    expect(quietHoursEnd(instant, 'Asia/Tokyo', { start: '21:00', end: '08:00' })).toBeNull();
  });
});

describe('when a reminder stops being of use', () => {
  it('keeps the day-before reminder until the infusion’s day begins, on the patient’s clock', () => {
    const [dayBefore, morning] = infusionReminderTimes(
      { scheduledAt: local('2026-06-10T14:00'), durationMinutes: 60 },
      NEW_YORK,
    );

    expect(dayBefore?.usefulUntil).toEqual(local('2026-06-10T00:00'));
    expect(morning?.usefulUntil).toEqual(local('2026-06-10T14:00'));
  });
});
