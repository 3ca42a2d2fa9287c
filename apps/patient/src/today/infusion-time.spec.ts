import { DateTime } from 'luxon';
import { formatInfusionTime, relativeDay, zoneLabel } from './infusion-time';

const now = DateTime.fromISO('2025-12-08T12:00:00Z');

describe('formatInfusionTime', () => {
  it('shows the instant on the patient’s own clock, with the place it is measured in', () => {
    expect(formatInfusionTime('2025-12-09T15:30:00Z', 'America/New_York', now)).toBe(
      'Tuesday 9 December, 10:30 am (New York time)',
    );
  });

  it('moves to the previous day when the zone is far enough behind UTC', () => {
    expect(formatInfusionTime('2025-12-10T02:00:00Z', 'America/Los_Angeles', now)).toBe(
      'Tuesday 9 December, 6:00 pm (Los Angeles time)',
    );
  });

  it('follows daylight saving time', () => {
    expect(formatInfusionTime('2025-07-01T14:00:00Z', 'America/New_York', now)).toBe(
      'Tuesday 1 July, 10:00 am (New York time)',
    );
  });

  it('adds the year only when it is not this year', () => {
    expect(formatInfusionTime('2026-01-06T15:00:00Z', 'America/New_York', now)).toBe(
      'Tuesday 6 January 2026, 10:00 am (New York time)',
    );
  });

  it('says UTC rather than guessing when the zone is unknown', () => {
    expect(formatInfusionTime('2025-12-09T15:30:00Z', 'Mars/Olympus_Mons', now)).toBe(
      'Tuesday 9 December, 3:30 pm (UTC)',
    );
  });

  it('refuses text that is not an instant', () => {
    expect(() => formatInfusionTime('next Tuesday', 'America/New_York', now)).toThrow(RangeError);
  });
});

describe('relativeDay', () => {
  it('counts days on the patient’s calendar, not in UTC', () => {
    // 02:00 UTC on the 9th is still the evening of the 8th in New York.
    expect(relativeDay('2025-12-09T02:00:00Z', 'America/New_York', now)).toBe('today');
    expect(relativeDay('2025-12-09T15:00:00Z', 'America/New_York', now)).toBe('tomorrow');
    expect(relativeDay('2025-12-12T15:00:00Z', 'America/New_York', now)).toBeNull();
  });
});

describe('zoneLabel', () => {
  it('names the place in plain words', () => {
    expect(zoneLabel('America/Argentina/Buenos_Aires')).toBe('Buenos Aires time');
    expect(zoneLabel('Etc/UTC')).toBe('UTC');
  });
});
