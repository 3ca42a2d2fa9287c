import {
  type DueOffset,
  DUE_OFFSET_LIMITS,
  type InfusionStatus,
  LOCAL_TIME_PATTERN,
  type TaskTiming,
  type TimingAnchor,
} from '@ivks/contracts';
import { DateTime } from 'luxon';

/** An infusion as far as timing is concerned. */
export interface TimedInfusion {
  id: string;
  scheduledAt: Date;
  status: InfusionStatus;
}

/** What a patient's due times are computed from. */
export interface CourseTimeline {
  /** The patient's IANA time zone: local-time offsets are read on the patient's own clock. */
  timeZone: string;
  enrolledAt: Date;
  infusions: readonly TimedInfusion[];
}

export interface DueTime {
  /** The infusion the task belongs to; null for a task timed from enrolment. */
  infusionId: string | null;
  dueAt: Date;
}

export class DueTimeError extends RangeError {
  override name = 'DueTimeError';
}

/**
 * The instant an offset from `anchor` falls on. A duration is elapsed time, so across a clock
 * change it lands an hour earlier or later on the wall clock. A local time is read on the
 * patient's calendar and clock: a time skipped when clocks go forward moves on by the gap
 * (02:30 becomes 03:30), and a time that happens twice when clocks go back is its first
 * occurrence.
 */
export function dueInstant(anchor: Date, offset: DueOffset, timeZone: string): Date {
  const start = DateTime.fromJSDate(anchor, { zone: timeZone });
  if (!start.isValid) {
    throw new DueTimeError(`Cannot time a task in ${timeZone}: ${start.invalidExplanation}`);
  }
  switch (offset.kind) {
    case 'duration': {
      assertWithin(offset.minutes, DUE_OFFSET_LIMITS.maxMinutes, 'minutes');

      return start.plus({ minutes: offset.minutes }).toJSDate();
    }
    case 'local_time': {
      assertWithin(offset.days, DUE_OFFSET_LIMITS.maxDays, 'days');
      if (!LOCAL_TIME_PATTERN.test(offset.time)) {
        throw new DueTimeError(`${offset.time} is not a time of day in HH:mm, like 19:00.`);
      }
      // Calendar arithmetic on the date alone, so that no clock change can move it a day.
      const date = DateTime.fromObject(
        { year: start.year, month: start.month, day: start.day },
        { zone: 'utc' },
      ).plus({ days: offset.days });
      const [hour, minute] = offset.time.split(':').map(Number);
      const wallClock = DateTime.fromObject(
        { year: date.year, month: date.month, day: date.day, hour, minute },
        { zone: timeZone },
      );
      const [first] = wallClock
        .getPossibleOffsets()
        .sort((one, other) => one.toMillis() - other.toMillis());

      return (first ?? wallClock).toJSDate();
    }
  }
}

/**
 * The due times of one task for a patient's course: one per matching infusion, or one for
 * enrolment. First and last are judged among the infusions that are not cancelled; only
 * infusions still to come (scheduled, not completed) get tasks.
 */
export function dueTimes(timing: TaskTiming, course: CourseTimeline): DueTime[] {
  if (timing.anchor === 'enrolment') {
    return [
      { infusionId: null, dueAt: dueInstant(course.enrolledAt, timing.offset, course.timeZone) },
    ];
  }
  const notCancelled = course.infusions
    .filter((infusion) => infusion.status !== 'cancelled')
    .sort((one, other) => one.scheduledAt.getTime() - other.scheduledAt.getTime());

  return anchorInfusions(timing.anchor, notCancelled)
    .filter((infusion) => infusion.status === 'scheduled')
    .map((infusion) => ({
      infusionId: infusion.id,
      dueAt: dueInstant(infusion.scheduledAt, timing.offset, course.timeZone),
    }));
}

function anchorInfusions(
  anchor: Exclude<TimingAnchor, 'enrolment'>,
  inOrder: TimedInfusion[],
): TimedInfusion[] {
  switch (anchor) {
    case 'each_infusion':
      return inOrder;
    case 'first_infusion':
      return inOrder.slice(0, 1);
    case 'last_infusion':
      return inOrder.slice(-1);
  }
}

function assertWithin(value: number, limit: number, unit: string): void {
  if (!Number.isInteger(value) || Math.abs(value) > limit) {
    throw new DueTimeError(
      `An offset must be a whole number of ${unit} from -${limit} to ${limit}.`,
    );
  }
}
