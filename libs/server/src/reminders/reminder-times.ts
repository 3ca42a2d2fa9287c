import type { ReminderKind } from '@ivks/contracts';
import { DateTime } from 'luxon';

/** Local wall-clock times, `HH:MM`, at which each kind of reminder goes out. */
export interface ReminderPolicy {
  /** On the calendar day before the infusion. */
  dayBeforeAt: string;
  /** On the infusion's day, or `morningLeadMinutes` before it when that is earlier. */
  morningAt: string;
  morningLeadMinutes: number;
  /** On the evening of the infusion's day, or the next one when it ends too late for that. */
  journalPromptAt: string;
  /** The least time between the infusion's end and the journal prompt. */
  journalPromptAfterMinutes: number;
}

export const REMINDER_POLICY: ReminderPolicy = {
  dayBeforeAt: '18:00',
  morningAt: '08:00',
  morningLeadMinutes: 120,
  journalPromptAt: '19:00',
  journalPromptAfterMinutes: 60,
};

/** A window of local time, `HH:MM` to `HH:MM`, that may run over midnight; equal ends mean none. */
export interface QuietHours {
  start: string;
  end: string;
}

export interface InfusionTiming {
  scheduledAt: Date;
  durationMinutes: number;
}

export interface ReminderTime {
  kind: ReminderKind;
  dueAt: Date;
  /** The latest moment the reminder is still of use; past it, it is not sent. */
  usefulUntil: Date;
}

const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;

export function isLocalTime(value: unknown): value is string {
  return typeof value === 'string' && HH_MM.test(value);
}

function minutesOf(hhmm: string): number {
  const match = HH_MM.exec(hhmm);
  if (!match) {
    throw new RangeError(`${hhmm} is not a local time HH:MM`);
  }

  return Number(match[1]) * 60 + Number(match[2]);
}

/**
 * The instant a wall clock in `zone` shows `hhmm` on the given local day. A time that the clocks
 * skip when they go forward is read as the same distance past the change, as luxon does.
 */
export function atLocalTime(day: DateTime, hhmm: string): DateTime {
  const minutes = minutesOf(hhmm);

  return DateTime.fromObject(
    {
      year: day.year,
      month: day.month,
      day: day.day,
      hour: Math.floor(minutes / 60),
      minute: minutes % 60,
    },
    { zone: day.zone },
  );
}

/** When the three reminders of an infusion are due, before quiet hours are applied. */
export function infusionReminderTimes(
  infusion: InfusionTiming,
  zone: string,
  policy: ReminderPolicy = REMINDER_POLICY,
): ReminderTime[] {
  const start = DateTime.fromJSDate(infusion.scheduledAt, { zone });
  const end = start.plus({ minutes: infusion.durationMinutes });
  const morning = DateTime.min(
    atLocalTime(start, policy.morningAt),
    start.minus({ minutes: policy.morningLeadMinutes }),
  );
  let prompt = atLocalTime(end, policy.journalPromptAt);
  if (prompt < end.plus({ minutes: policy.journalPromptAfterMinutes })) {
    prompt = atLocalTime(end.plus({ days: 1 }), policy.journalPromptAt);
  }

  return [
    {
      kind: 'infusion_day_before',
      dueAt: atLocalTime(start.minus({ days: 1 }), policy.dayBeforeAt).toJSDate(),
      // On the day itself it would say "tomorrow" of today: the morning reminder covers it.
      usefulUntil: start.startOf('day').toJSDate(),
    },
    { kind: 'infusion_morning', dueAt: morning.toJSDate(), usefulUntil: infusion.scheduledAt },
    {
      kind: 'journal_prompt',
      dueAt: prompt.toJSDate(),
      usefulUntil: prompt.plus({ days: 2 }).toJSDate(),
    },
  ];
}

/** When an assignment's reminder is due: at its due time. */
export function assignmentReminderTime(dueAt: Date): ReminderTime {
  return {
    kind: 'assignment_due',
    dueAt,
    usefulUntil: new Date(dueAt.getTime() + 24 * 60 * 60 * 1000),
  };
}

/** True when the wall clock in `zone` at `instant` is inside the quiet hours. */
export function inQuietHours(instant: Date, zone: string, quiet: QuietHours): boolean {
  return quietHoursEnd(instant, zone, quiet) !== null;
}

/** The end of the quiet hours `instant` falls in, or null when it falls in none. */
export function quietHoursEnd(instant: Date, zone: string, quiet: QuietHours): Date | null {
  const start = minutesOf(quiet.start);
  const end = minutesOf(quiet.end);
  if (start === end) {
    return null;
  }
  const local = DateTime.fromJSDate(instant, { zone });
  const minutes = local.hour * 60 + local.minute;
  const overMidnight = start > end;
  const inside = overMidnight
    ? minutes >= start || minutes < end
    : minutes >= start && minutes < end;
  if (!inside) {
    return null;
  }
  const endDay = overMidnight && minutes >= start ? local.plus({ days: 1 }) : local;

  return atLocalTime(endDay, quiet.end).toJSDate();
}

/** Moves an instant inside the quiet hours to their end; one outside stays where it is. */
export function outOfQuietHours(instant: Date, zone: string, quiet: QuietHours): Date {
  return quietHoursEnd(instant, zone, quiet) ?? instant;
}
