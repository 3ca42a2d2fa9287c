import { RATE_LIMIT_RULES, describeWait } from './rate-limit';

describe('rate limits', () => {
  it.each([
    [1, '1 second'],
    [45, '45 seconds'],
    [60, '1 minute'],
    [61, '2 minutes'],
    [14 * 60, '14 minutes'],
    [3600, '1 hour'],
    [3601, '2 hours'],
  ])('says %p seconds as %p', (seconds, words) => {
    expect(describeWait(seconds)).toBe(words);
  });

  it('limits each account’s failed sign-ins to far fewer than 100 an hour', () => {
    const perAccount = RATE_LIMIT_RULES.sign_in.perAccount;

    expect((perAccount.points * 3600) / perAccount.durationSeconds).toBeLessThanOrEqual(100);
  });
});
