import type { ScheduleInfusionRequest } from '@ivks/contracts';
import { wallClockToInstant } from '../time/format-in-zone';

/** One row of the course form: a date and a time on the clinic's clock, as typed. */
export interface CourseRow {
  /** Keeps React's row identity stable while rows are added and removed. */
  key: number;
  date: string;
  time: string;
}

/** Problems of the course form: by row position, and of the course as a whole. */
export interface CourseProblems {
  rows: Record<number, string>;
  course: string | null;
}

export const NO_PROBLEMS: CourseProblems = { rows: {}, course: null };

/**
 * Reads every filled-in row as an instant on the clinic's clock; rows left wholly blank are
 * passed over. The API schedules all of a course or none, so one unreadable row stops the whole
 * submission. `rowOf` says which row each infusion came from, to place the API's answers.
 */
export function courseInfusions(
  rows: CourseRow[],
  timeZone: string,
): { infusions: ScheduleInfusionRequest[]; rowOf: number[] } | { problems: CourseProblems } {
  const filled = [...rows.entries()].filter(([, row]) => row.date !== '' || row.time !== '');
  if (filled.length === 0) {
    return { problems: { rows: {}, course: 'Add at least one infusion.' } };
  }
  const problems: Record<number, string> = {};
  const infusions: ScheduleInfusionRequest[] = [];
  const rowOf: number[] = [];
  for (const [index, row] of filled) {
    const scheduledAt =
      row.date === '' || row.time === ''
        ? null
        : wallClockToInstant(`${row.date}T${row.time}`, timeZone);
    if (scheduledAt === null) {
      problems[index] = 'Enter a date and a time for this infusion.';
    } else {
      infusions.push({ scheduledAt });
      rowOf.push(index);
    }
  }

  return Object.keys(problems).length > 0
    ? { problems: { rows: problems, course: null } }
    : { infusions, rowOf };
}

const ROW_FIELD = /^infusions\.(\d+)\./;

/** Places the API's field problems (`infusions.2.scheduledAt`, `infusions`) beside their rows. */
export function courseProblemsFromApi(
  errors: Record<string, string> | undefined,
  rowOf: number[],
): CourseProblems {
  const problems: CourseProblems = { rows: {}, course: null };
  for (const [field, message] of Object.entries(errors ?? {})) {
    const row = ROW_FIELD.exec(field);
    if (row?.[1] !== undefined) {
      const index = rowOf[Number(row[1])] ?? Number(row[1]);
      problems.rows[index] = [problems.rows[index], message].filter(Boolean).join('. ');
    } else {
      problems.course = [problems.course, message].filter(Boolean).join('. ');
    }
  }

  return problems;
}
