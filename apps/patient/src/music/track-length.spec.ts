import { trackLength } from './track-length';

describe('trackLength', () => {
  it.each([
    [210, '3:30', '3 minutes 30 seconds'],
    [65, '1:05', '1 minute 5 seconds'],
    [180, '3:00', '3 minutes'],
    [59, '0:59', '59 seconds'],
    [1, '0:01', '1 second'],
    [1835, '30:35', '30 minutes 35 seconds'],
    [0, '0:00', '0 seconds'],
  ])('shows %p seconds as %p and says "%s"', (seconds, shown, spoken) => {
    expect(trackLength(seconds)).toEqual({ shown, spoken });
  });
});
