import {
  formatInZone,
  formatTimeInZone,
  startOfDayInZone,
  wallClockToInstant,
} from './format-in-zone';

describe('formatInZone', () => {
  it('shows the clinic’s clock, not the computer’s', () => {
    expect(formatInZone('2025-12-09T15:30:00Z', 'America/New_York')).toBe(
      'Tue 9 Dec 2025, 10:30 am',
    );
    expect(formatInZone('2025-12-09T15:30:00Z', 'America/Los_Angeles')).toBe(
      'Tue 9 Dec 2025, 7:30 am',
    );
  });

  it('shows a dash when nothing is scheduled', () => {
    expect(formatInZone(null, 'America/New_York')).toBe('—');
  });

  it('labels the time UTC when the zone is unknown', () => {
    expect(formatInZone('2025-12-09T15:30:00Z', 'Nowhere/Special')).toBe(
      'Tue 9 Dec 2025, 3:30 pm UTC',
    );
  });
});

describe('wallClockToInstant', () => {
  it('reads the typed time on the clinic’s clock, across daylight saving changes', () => {
    expect(wallClockToInstant('2025-12-09T10:30', 'America/New_York')).toBe(
      '2025-12-09T15:30:00.000Z',
    );
    expect(wallClockToInstant('2025-07-01T10:30', 'America/New_York')).toBe(
      '2025-07-01T14:30:00.000Z',
    );
  });

  it('returns null for text that is not a time', () => {
    expect(wallClockToInstant('soon', 'America/New_York')).toBeNull();
  });
});

describe('startOfDayInZone', () => {
  it('finds midnight on the clinic’s clock, and the midnight after a day that is 25 hours long', () => {
    expect(startOfDayInZone('2025-12-09', 'America/New_York')).toBe('2025-12-09T05:00:00.000Z');
    expect(startOfDayInZone('2025-11-02', 'America/New_York', 1)).toBe('2025-11-03T05:00:00.000Z');
  });

  it('returns null for text that is not a date', () => {
    expect(startOfDayInZone('2025-12-09T10:30', 'America/New_York')).toBeNull();
    expect(startOfDayInZone('yesterday', 'America/New_York')).toBeNull();
  });
});

describe('formatTimeInZone', () => {
  it('shows the time of day on the clinic’s clock, not the computer’s', () => {
    expect(formatTimeInZone('2033-06-15T03:30:00.000Z', 'America/New_York')).toBe('11:30 pm');
    expect(formatTimeInZone('2033-06-15T03:30:00.000Z', 'Europe/Dublin')).toBe('4:30 am');
  });

  it('shows text that is not an instant as it came', () => {
    expect(formatTimeInZone('soon', 'America/New_York')).toBe('soon');
  });
});
