import { DateTime } from 'luxon';

/** Turns an IANA zone into words a patient knows, such as "New York time" for America/New_York. */
export function zoneLabel(timeZone: string): string {
  if (timeZone === 'UTC' || timeZone === 'Etc/UTC') {
    return 'UTC';
  }
  const place = timeZone.split('/').at(-1) ?? timeZone;

  return `${place.replaceAll('_', ' ')} time`;
}

function inZone(isoInstant: string, timeZone: string): { local: DateTime; label: string } {
  const instant = DateTime.fromISO(isoInstant, { setZone: false });
  if (!instant.isValid) {
    throw new RangeError(`Not an ISO 8601 instant: ${isoInstant}`);
  }
  const local = instant.setZone(timeZone);

  // An unknown zone must not show a wrong clock time under a familiar name; say UTC plainly instead.
  return local.isValid
    ? { local, label: zoneLabel(timeZone) }
    : { local: instant.toUTC(), label: 'UTC' };
}

/**
 * Formats an instant as the patient reads it on their own clock, for example
 * "Tuesday 9 December, 10:30 am (New York time)". The year shows only when it is not this year.
 */
export function formatInfusionTime(
  isoInstant: string,
  timeZone: string,
  now: DateTime = DateTime.now(),
): string {
  const { local, label } = inZone(isoInstant, timeZone);
  const sameYear = local.year === now.setZone(local.zone).year;
  const day = local.setLocale('en-GB').toFormat(sameYear ? 'cccc d LLLL' : 'cccc d LLLL yyyy');
  const time = local.setLocale('en-GB').toFormat('h:mm a').toLowerCase();

  return `${day}, ${time} (${label})`;
}

/** "today" or "tomorrow" on the patient's own calendar, or null for any other day. */
export function relativeDay(
  isoInstant: string,
  timeZone: string,
  now: DateTime = DateTime.now(),
): 'today' | 'tomorrow' | null {
  const { local } = inZone(isoInstant, timeZone);
  const today = now.setZone(local.zone).startOf('day');
  const days = local.startOf('day').diff(today, 'days').days;

  if (days === 0) {
    return 'today';
  }

  return days === 1 ? 'tomorrow' : null;
}

/** The time on the patient's own clock, such as "7:00 am". */
export function clockTime(isoInstant: string, timeZone: string): string {
  return inZone(isoInstant, timeZone).local.setLocale('en-GB').toFormat('h:mm a').toLowerCase();
}

/**
 * The day on the patient's own calendar in words: "today", "tomorrow", or the date, such as
 * "Tuesday 9 December", with the year only when it is not this year.
 */
export function dayInWords(
  isoInstant: string,
  timeZone: string,
  now: DateTime = DateTime.now(),
): string {
  const relative = relativeDay(isoInstant, timeZone, now);
  if (relative !== null) {
    return relative;
  }
  const { local } = inZone(isoInstant, timeZone);
  const sameYear = local.year === now.setZone(local.zone).year;

  return local.setLocale('en-GB').toFormat(sameYear ? 'cccc d LLLL' : 'cccc d LLLL yyyy');
}
