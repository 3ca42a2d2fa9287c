/**
 * What a pathway task, or an assignment, is timed from: each infusion of the course, only the
 * first or the last one, or the day the patient was enrolled.
 */
export const TIMING_ANCHORS = [
  'each_infusion',
  'first_infusion',
  'last_infusion',
  'enrolment',
] as const;
export type TimingAnchor = (typeof TIMING_ANCHORS)[number];

/** A fixed length of time from the anchor; negative minutes fall before it ("48 hours before"). */
export interface DurationOffset {
  kind: 'duration';
  minutes: number;
}

/**
 * A wall-clock time in the patient's time zone, a number of calendar days from the anchor's
 * local date ("the evening before at 19:00" is `{ days: -1, time: '19:00' }`).
 */
export interface LocalTimeOffset {
  kind: 'local_time';
  days: number;
  /** 24-hour `HH:mm`, from 00:00 to 23:59. */
  time: string;
}

export type DueOffset = DurationOffset | LocalTimeOffset;

export const DUE_OFFSET_KINDS = [
  'duration',
  'local_time',
] as const satisfies readonly DueOffset['kind'][];

export interface TaskTiming {
  anchor: TimingAnchor;
  offset: DueOffset;
}

/**
 * How far from its anchor a task may fall. A course runs over weeks, so anything further than
 * this is a slip of the keyboard rather than a plan.
 */
export const DUE_OFFSET_LIMITS = { maxDays: 90, maxMinutes: 90 * 24 * 60 } as const;

/** `HH:mm` on a 24-hour clock. */
export const LOCAL_TIME_PATTERN = /^([01]\d|2[0-3]):[0-5]\d$/;

/** The pathways the portal can create for a clinic by itself. */
export const BUILT_IN_PATHWAYS = ['six_infusion_course'] as const;
export type BuiltInPathway = (typeof BUILT_IN_PATHWAYS)[number];

export interface PathwayTask {
  id: string;
  /** The slug of a built-in content item. */
  contentSlug: string;
  timing: TaskTiming;
}

/** A clinic's template of tasks timed relative to infusions; tasks are kept in the given order. */
export interface Pathway {
  id: string;
  name: string;
  description: string | null;
  /** Which built-in pathway this one started as, if any; the clinic may have edited it since. */
  builtIn: BuiltInPathway | null;
  tasks: PathwayTask[];
  updatedAt: string;
}

export interface PathwayTaskInput {
  /** Keeps an existing task (and its link to the assignments made from it); omit for a new one. */
  id?: string;
  contentSlug: string;
  timing: TaskTiming;
}

/** Creates a pathway, or replaces one's name, description and whole task list. */
export interface SavePathwayRequest {
  name: string;
  description?: string;
  tasks: PathwayTaskInput[];
}
