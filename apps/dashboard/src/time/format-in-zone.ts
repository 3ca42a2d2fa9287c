import { DateTime } from 'luxon';

/**
 * Formats an instant on a given zone's clock, for example "Tue 9 Dec 2025, 10:30 am". Staff read
 * times in the clinic's zone, whatever zone their own computer is set to.
 */
export function formatInZone(isoInstant: string | null, timeZone: string): string {
  if (isoInstant === null) {
    return '—';
  }
  const instant = DateTime.fromISO(isoInstant);
  if (!instant.isValid) {
    return isoInstant;
  }
  const local = instant.setZone(timeZone);
  const shown = local.isValid ? local : instant.toUTC();
  const text = shown.setLocale('en-GB').toFormat('ccc d LLL yyyy, h:mm a');

  return `${text.replace(/ (AM|PM|am|pm)$/, (meridiem) => meridiem.toLowerCase())}${local.isValid ? '' : ' UTC'}`;
}

/** Reads a wall-clock time typed for a zone ("2025-12-09T10:30") as an ISO instant in UTC. */
export function wallClockToInstant(localDateTime: string, timeZone: string): string | null {
  const local = DateTime.fromISO(localDateTime, { zone: timeZone });

  return local.isValid ? local.toUTC().toISO() : null;
}

/**
 * The instant a calendar day ("2025-12-09") begins on a zone's clock, `days` later, in UTC. A
 * date filter picks whole days on the clinic's clock, and days are not all 24 hours long.
 */
export function startOfDayInZone(isoDate: string, timeZone: string, days = 0): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(isoDate)) {
    return null;
  }
  const start = DateTime.fromISO(isoDate, { zone: timeZone }).startOf('day').plus({ days });

  return start.isValid ? start.toUTC().toISO() : null;
}

/** The time of day of an instant on a zone's clock, like "11:30 pm", for lists of one day. */
export function formatTimeInZone(isoInstant: string, timeZone: string): string {
  const local = DateTime.fromISO(isoInstant, { zone: timeZone });
  if (!local.isValid) {
    return isoInstant;
  }

  return local.setLocale('en-GB').toFormat('h:mm a').toLowerCase();
}
