import type { DueOffset, TaskTiming } from '@ivks/contracts';
import { type CourseTimeline, dueInstant, DueTimeError, dueTimes } from './due-time';

const NEW_YORK = 'America/New_York';
const SYDNEY = 'Australia/Sydney';

const hoursBefore = (hours: number): DueOffset => ({ kind: 'duration', minutes: -hours * 60 });
const daysAfter = (days: number): DueOffset => ({ kind: 'duration', minutes: days * 24 * 60 });
const localTime = (days: number, time: string): DueOffset => ({ kind: 'local_time', days, time });

describe('dueInstant', () => {
  // Clocks in New York go forward on 9 March 2031 and back on 2 November 2031; in Sydney they go
  // back on 6 April 2031 and forward on 5 October 2031.
  it.each<[string, string, string, DueOffset, string]>([
    [
      '48 hours before, across the March change',
      NEW_YORK,
      '2031-03-10T14:30:00Z',
      hoursBefore(48),
      '2031-03-08T14:30:00.000Z',
    ],
    [
      'the evening before at 19:00, the day clocks go forward',
      NEW_YORK,
      '2031-03-10T14:30:00Z',
      localTime(-1, '19:00'),
      '2031-03-09T23:00:00.000Z',
    ],
    [
      'two evenings before at 19:00, before the March change',
      NEW_YORK,
      '2031-03-10T14:30:00Z',
      localTime(-2, '19:00'),
      '2031-03-09T00:00:00.000Z',
    ],
    [
      'the morning after at 09:00, the day clocks go forward',
      NEW_YORK,
      '2031-03-08T15:30:00Z',
      localTime(1, '09:00'),
      '2031-03-09T13:00:00.000Z',
    ],
    [
      '7 days after as elapsed time, an hour later on the clock',
      NEW_YORK,
      '2031-03-08T15:30:00Z',
      daysAfter(7),
      '2031-03-15T15:30:00.000Z',
    ],
    [
      '7 days after at the same wall-clock time',
      NEW_YORK,
      '2031-03-08T15:30:00Z',
      localTime(7, '10:30'),
      '2031-03-15T14:30:00.000Z',
    ],
    [
      'a time skipped when clocks go forward, moved on by the gap',
      NEW_YORK,
      '2031-03-08T15:30:00Z',
      localTime(1, '02:30'),
      '2031-03-09T07:30:00.000Z',
    ],
    [
      'the evening before at 19:00, the day clocks go back',
      NEW_YORK,
      '2031-11-03T15:30:00Z',
      localTime(-1, '19:00'),
      '2031-11-03T00:00:00.000Z',
    ],
    [
      '48 hours before, across the November change',
      NEW_YORK,
      '2031-11-03T15:30:00Z',
      hoursBefore(48),
      '2031-11-01T15:30:00.000Z',
    ],
    [
      'the morning after at 09:00, the day clocks go back',
      NEW_YORK,
      '2031-11-01T14:30:00Z',
      localTime(1, '09:00'),
      '2031-11-02T14:00:00.000Z',
    ],
    [
      'a time that happens twice when clocks go back, the first time',
      NEW_YORK,
      '2031-11-03T15:30:00Z',
      localTime(-1, '01:30'),
      '2031-11-02T05:30:00.000Z',
    ],
    [
      'at the infusion itself',
      NEW_YORK,
      '2031-06-10T14:30:00Z',
      { kind: 'duration', minutes: 0 },
      '2031-06-10T14:30:00.000Z',
    ],
    [
      'the evening before at 19:00, the day Sydney clocks go back',
      SYDNEY,
      '2031-04-07T00:30:00Z',
      localTime(-1, '19:00'),
      '2031-04-06T09:00:00.000Z',
    ],
    [
      'two evenings before at 19:00, before the April change',
      SYDNEY,
      '2031-04-07T00:30:00Z',
      localTime(-2, '19:00'),
      '2031-04-05T08:00:00.000Z',
    ],
    [
      '48 hours before, across the April change',
      SYDNEY,
      '2031-04-07T00:30:00Z',
      hoursBefore(48),
      '2031-04-05T00:30:00.000Z',
    ],
    [
      'the morning after at 09:00, the day Sydney clocks go forward',
      SYDNEY,
      '2031-10-04T00:30:00Z',
      localTime(1, '09:00'),
      '2031-10-04T22:00:00.000Z',
    ],
    [
      'a time skipped when Sydney clocks go forward',
      SYDNEY,
      '2031-10-04T00:30:00Z',
      localTime(1, '02:30'),
      '2031-10-04T16:30:00.000Z',
    ],
    [
      'the evening before by the Sydney calendar, not the UTC one',
      SYDNEY,
      '2031-06-01T22:00:00Z',
      localTime(-1, '19:00'),
      '2031-06-01T09:00:00.000Z',
    ],
    [
      'the morning of, when it is still the day before in UTC',
      SYDNEY,
      '2031-06-01T22:00:00Z',
      localTime(0, '07:00'),
      '2031-06-01T21:00:00.000Z',
    ],
  ])('%s (%s)', (_name, timeZone, anchor, offset, expected) => {
    expect(dueInstant(new Date(anchor), offset, timeZone).toISOString()).toBe(expected);
  });

  it.each<[string, DueOffset, string]>([
    ['a time past 23:59', localTime(-1, '25:00'), 'HH:mm'],
    ['a time without its leading zero', localTime(-1, '9:00'), 'HH:mm'],
    ['a year of minutes', { kind: 'duration', minutes: 525_600 }, 'minutes'],
    ['part of a minute', { kind: 'duration', minutes: 1.5 }, 'minutes'],
    ['a year of days', localTime(365, '09:00'), 'days'],
  ])('refuses %s', (_name, offset, problem) => {
    const due = () => dueInstant(new Date('2031-06-10T14:30:00Z'), offset, NEW_YORK);

    expect(due).toThrow(DueTimeError);
    expect(due).toThrow(problem);
  });

  it('refuses a time zone it does not know', () => {
    expect(() => dueInstant(new Date(), hoursBefore(1), 'Mars/Olympus')).toThrow(DueTimeError);
  });
});

describe('dueTimes', () => {
  const course: CourseTimeline = {
    timeZone: NEW_YORK,
    enrolledAt: new Date('2031-03-01T15:00:00Z'),
    infusions: [
      { id: 'third', scheduledAt: new Date('2031-03-12T14:30:00Z'), status: 'scheduled' },
      { id: 'first', scheduledAt: new Date('2031-03-05T15:30:00Z'), status: 'completed' },
      { id: 'cancelled', scheduledAt: new Date('2031-03-14T14:30:00Z'), status: 'cancelled' },
      { id: 'second', scheduledAt: new Date('2031-03-10T14:30:00Z'), status: 'scheduled' },
    ],
  };
  const evening = localTime(-1, '19:00');

  it.each<[TaskTiming['anchor'], DueOffset, [string | null, string][]]>([
    [
      'each_infusion',
      evening,
      [
        ['second', '2031-03-09T23:00:00.000Z'],
        ['third', '2031-03-11T23:00:00.000Z'],
      ],
    ],
    ['first_infusion', evening, []],
    ['last_infusion', daysAfter(7), [['third', '2031-03-19T14:30:00.000Z']]],
    ['enrolment', { kind: 'duration', minutes: 0 }, [[null, '2031-03-01T15:00:00.000Z']]],
    ['enrolment', localTime(1, '18:00'), [[null, '2031-03-02T23:00:00.000Z']]],
  ])(
    'times a task from %s, skipping completed and cancelled infusions',
    (anchor, offset, expected) => {
      const due = dueTimes({ anchor, offset }, course);

      expect(due.map(({ infusionId, dueAt }) => [infusionId, dueAt.toISOString()])).toEqual(
        expected,
      );
    },
  );

  it('finds the first infusion by time, whatever order they come in', () => {
    const upcoming = { ...course, infusions: course.infusions.filter(({ id }) => id !== 'first') };

    expect(dueTimes({ anchor: 'first_infusion', offset: evening }, upcoming)).toEqual([
      { infusionId: 'second', dueAt: new Date('2031-03-09T23:00:00.000Z') },
    ]);
  });

  it('gives nothing for a course with no infusions', () => {
    expect(
      dueTimes({ anchor: 'each_infusion', offset: evening }, { ...course, infusions: [] }),
    ).toEqual([]);
  });
});
