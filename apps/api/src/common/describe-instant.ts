import { DateTime } from 'luxon';

/** An instant as the person it concerns reads it, like "Monday 10 March 2031 at 10:30 (UTC)". */
export function describeInstant(instant: Date, timeZone: string): string {
  const local = DateTime.fromJSDate(instant, { zone: timeZone }).setLocale('en-GB');

  return `${local.toFormat("cccc d LLLL yyyy 'at' HH:mm")} (${timeZone})`;
}
