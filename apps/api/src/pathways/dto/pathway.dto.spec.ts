import type { ArgumentMetadata } from '@nestjs/common';
import type { AppException } from '../../common/app.exception';
import { createValidationPipe } from '../../common/validation';
import { SavePathwayDto } from './pathway.dto';
import { DurationOffsetDto, LocalTimeOffsetDto } from './timing.dto';

const metadata: ArgumentMetadata = { type: 'body', metatype: SavePathwayDto };

const withOffset = (offset: unknown, anchor = 'each_infusion') => ({
  name: 'A pathway',
  tasks: [{ contentSlug: 'setting-an-intention', timing: { anchor, offset } }],
});

async function problemsOf(body: unknown): Promise<Record<string, string[]>> {
  try {
    await createValidationPipe().transform(body, metadata);
  } catch (error) {
    return (error as AppException).fields ?? {};
  }

  return {};
}

describe('a pathway body', () => {
  it.each([
    ['48 hours before', { kind: 'duration', minutes: -2880 }, DurationOffsetDto],
    [
      'the evening before at 19:00',
      { kind: 'local_time', days: -1, time: '19:00' },
      LocalTimeOffsetDto,
    ],
  ])('reads %s as its kind of offset', async (_case, offset, type) => {
    const body = (await createValidationPipe().transform(
      withOffset(offset),
      metadata,
    )) as SavePathwayDto;

    expect(body.tasks[0]?.timing.offset).toBeInstanceOf(type);
  });

  it.each<[string, unknown, string, string]>([
    [
      'a time past 23:59',
      { kind: 'local_time', days: -1, time: '25:00' },
      'time',
      'from 00:00 to 23:59',
    ],
    ['a time of 24:00', { kind: 'local_time', days: -1, time: '24:00' }, 'time', 'like 19:00'],
    ['a time in words', { kind: 'local_time', days: -1, time: 'evening' }, 'time', 'like 19:00'],
    ['days as text', { kind: 'local_time', days: '-1', time: '19:00' }, 'days', 'whole number'],
    ['91 days', { kind: 'local_time', days: 91, time: '19:00' }, 'days', 'no more than 90'],
    ['a year of minutes', { kind: 'duration', minutes: 525_600 }, 'minutes', '90 days'],
    ['a minute and a half', { kind: 'duration', minutes: 1.5 }, 'minutes', 'whole number'],
    ['a duration with days', { kind: 'duration', minutes: 0, days: 1 }, 'days', 'should not exist'],
    ['a kind it does not know', { kind: 'weekly' }, 'kind', 'duration'],
  ])('refuses %s, naming the field', async (_case, offset, field, words) => {
    const problems = await problemsOf(withOffset(offset));

    expect(Object.keys(problems)).toEqual([`tasks.0.timing.offset.${field}`]);
    expect(problems[`tasks.0.timing.offset.${field}`]?.join(' ')).toContain(words);
  });

  it.each([
    ['minutes', { kind: 'duration', minutes: -1 }],
    ['days', { kind: 'local_time', days: -1, time: '09:00' }],
  ])('refuses a task timed from enrolment that falls before it, in %s', async (_case, offset) => {
    const problems = await problemsOf(withOffset(offset, 'enrolment'));

    expect(problems['tasks.0.timing.offset']).toEqual([expect.stringMatching(/before enrolment/)]);
  });

  it('lets a task timed from enrolment fall at enrolment or after', async () => {
    expect(await problemsOf(withOffset({ kind: 'duration', minutes: 0 }, 'enrolment'))).toEqual({});
  });

  it('refuses the same task id twice', async () => {
    const task = withOffset({ kind: 'duration', minutes: 0 }).tasks[0];
    const id = '6f1c1d1e-1111-4c1e-9d6e-7d1b2f0a0001';
    const problems = await problemsOf({
      name: 'Twice',
      tasks: [
        { id, ...task },
        { id, ...task },
      ],
    });

    expect(Object.keys(problems)).toEqual(['tasks']);
  });
});
