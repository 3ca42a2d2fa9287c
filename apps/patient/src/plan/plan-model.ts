import type { ContentItem } from '@ivks/content';
import type { Assignment, AssignmentGroup, Infusion } from '@ivks/contracts';
import { DateTime } from 'luxon';
import { clockTime, dayInWords } from '../today/infusion-time';

/** One part of the plan: the tasks of one infusion, or those that belong to none. */
export interface PlanSection {
  infusion: Infusion | null;
  assignments: Assignment[];
}

/** Where a task stands, in the calm words the plan uses. */
export type TaskProgress = 'done' | 'to_do' | 'not_done_yet';

export const PROGRESS_LABELS: Record<TaskProgress, string> = {
  done: 'Done',
  to_do: 'To do',
  not_done_yet: 'Not done yet',
};

function byDue(a: Assignment, b: Assignment): number {
  return a.dueAt.localeCompare(b.dueAt) || a.id.localeCompare(b.id);
}

/**
 * The plan in the order a patient reads it: each infusion of the course by its date, then the
 * tasks that belong to no infusion, such as those from enrolment. Each part lists its tasks by
 * due time, and a part with nothing in it is left out.
 */
export function planSections(groups: readonly AssignmentGroup[]): PlanSection[] {
  const withTasks = groups.filter((group) => group.assignments.length > 0);
  const infusions = withTasks
    .filter((group) => group.infusion !== null)
    .sort((a, b) => (a.infusion?.scheduledAt ?? '').localeCompare(b.infusion?.scheduledAt ?? ''));
  const unattached = withTasks.filter((group) => group.infusion === null);

  return [...infusions, ...unattached].map((group) => ({
    infusion: group.infusion,
    assignments: [...group.assignments].sort(byDue),
  }));
}

/** A checklist with every entry ticked counts as done, even before it is marked so. */
export function progressOf(assignment: Assignment, now: DateTime = DateTime.now()): TaskProgress {
  const allTicked =
    assignment.checklist !== null &&
    assignment.checklist.length > 0 &&
    assignment.checklist.every((entry) => entry.checked);
  if (assignment.status === 'done' || allTicked) {
    return 'done';
  }

  return DateTime.fromISO(assignment.dueAt) < now ? 'not_done_yet' : 'to_do';
}

/** "Due today at 7:00 am", "Due tomorrow at 6:00 pm", "Due Tuesday 9 December at 9:00 am". */
export function dueInWords(
  dueAt: string,
  timeZone: string,
  now: DateTime = DateTime.now(),
): string {
  return `Due ${dayInWords(dueAt, timeZone, now)} at ${clockTime(dueAt, timeZone)}`;
}

/** The title the library gives the task's content, so the plan and the library agree. */
export function taskTitle(assignment: Assignment, item: ContentItem | undefined): string {
  return item?.title ?? assignment.content?.title ?? 'A task from your clinic';
}

/** The open tasks due soonest, overdue ones first, for "Due now and next" on Today. */
export function dueNext(groups: readonly AssignmentGroup[], count: number): Assignment[] {
  return groups
    .flatMap((group) => group.assignments)
    .filter((assignment) => assignment.status === 'open' && progressOf(assignment) !== 'done')
    .sort(byDue)
    .slice(0, count);
}
