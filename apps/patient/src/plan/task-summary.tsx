import type { Assignment } from '@ivks/contracts';
import { Link } from 'react-router-dom';
import { useLibraryItem } from '../library/library-source';
import { dueInWords, progressOf, PROGRESS_LABELS, taskTitle } from './plan-model';

/** A task as lists show it: its title linking to it, when it is due, and whether it is done. */
export function TaskSummary({
  assignment,
  timeZone,
}: {
  assignment: Assignment;
  timeZone: string;
}) {
  const progress = progressOf(assignment);
  const item = useLibraryItem(assignment.contentSlug);

  return (
    <li className="task-list__item">
      <Link className="task-list__title" to={`/plan/${assignment.id}`}>
        {taskTitle(assignment, item)}
      </Link>
      <p className="task-list__meta">
        <span className={`tag tag--${progress.replaceAll('_', '-')}`}>
          {PROGRESS_LABELS[progress]}
        </span>{' '}
        {progress !== 'done' && (
          <time dateTime={assignment.dueAt}>{dueInWords(assignment.dueAt, timeZone)}</time>
        )}
      </p>
    </li>
  );
}
