import { describeInstant } from './describe-instant';

describe('describeInstant', () => {
  it.each([
    [
      '2031-03-10T14:30:00Z',
      'America/New_York',
      'Monday 10 March 2031 at 10:30 (America/New_York)',
    ],
    ['2031-06-01T22:00:00Z', 'Australia/Sydney', 'Monday 2 June 2031 at 08:00 (Australia/Sydney)'],
  ])('reads %s on the clock of %s', (instant, timeZone, words) => {
    expect(describeInstant(new Date(instant), timeZone)).toBe(words);
  });
});
