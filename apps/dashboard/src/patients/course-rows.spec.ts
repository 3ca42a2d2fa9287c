import { courseInfusions, courseProblemsFromApi } from './course-rows';

describe('courseInfusions', () => {
  it('reads each row on the clinic’s clock, across a change of the clocks', () => {
    const result = courseInfusions(
      [
        { key: 1, date: '2031-03-07', time: '10:30' },
        { key: 2, date: '2031-03-10', time: '10:30' },
      ],
      'America/New_York',
    );

    expect(result).toEqual({
      infusions: [
        { scheduledAt: '2031-03-07T15:30:00.000Z' },
        { scheduledAt: '2031-03-10T14:30:00.000Z' },
      ],
      rowOf: [0, 1],
    });
  });

  it('passes over rows left wholly blank, and remembers where each infusion came from', () => {
    const result = courseInfusions(
      [
        { key: 1, date: '', time: '' },
        { key: 2, date: '2031-03-07', time: '10:30' },
        { key: 3, date: '', time: '' },
      ],
      'America/New_York',
    );

    expect(result).toEqual({
      infusions: [{ scheduledAt: '2031-03-07T15:30:00.000Z' }],
      rowOf: [1],
    });
  });

  it('names each row that lacks a date or a time, and sends nothing', () => {
    const result = courseInfusions(
      [
        { key: 1, date: '2031-03-07', time: '10:30' },
        { key: 2, date: '', time: '10:30' },
        { key: 3, date: '2031-03-12', time: '' },
      ],
      'America/New_York',
    );

    expect(result).toEqual({
      problems: {
        rows: {
          1: 'Enter a date and a time for this infusion.',
          2: 'Enter a date and a time for this infusion.',
        },
        course: null,
      },
    });
  });

  it('asks for at least one infusion', () => {
    for (const rows of [[], [{ key: 1, date: '', time: '' }]]) {
      expect(courseInfusions(rows, 'UTC')).toEqual({
        problems: { rows: {}, course: 'Add at least one infusion.' },
      });
    }
  });
});

describe('courseProblemsFromApi', () => {
  it('puts each row’s problem beside the row it came from, and the course’s above them', () => {
    expect(
      courseProblemsFromApi(
        {
          'infusions.1.scheduledAt': 'This patient already has an infusion at that time',
          infusions: 'infusions must not list two infusions at the same time',
        },
        [0, 2],
      ),
    ).toEqual({
      rows: { 2: 'This patient already has an infusion at that time' },
      course: 'infusions must not list two infusions at the same time',
    });
  });

  it('has nothing to show when the API named no field', () => {
    expect(courseProblemsFromApi(undefined, [])).toEqual({ rows: {}, course: null });
  });
});
