import type { Assignment, ChecklistItemState } from '@ivks/contracts';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { usePageTitle } from '../layout/use-page-title';
import { KIND_LABELS } from '../library/content-labels';
import { ItemBody } from '../library/item-body';
import { useLibraryItem } from '../library/library-source';
import { useSession } from '../session/session-context';
import { dueInWords, taskTitle } from './plan-model';
import { NOT_SAVED_YET, SaveStatus } from './save-status';
import { useTick, useTicksSummary } from './ticks-context';
import { failureMessage, usePlan } from './use-plan';

/** The clinic's own words by topic; a topic it has not written about is missing or null. */
type Instructions = Partial<Record<string, string | null>>;

type InstructionsLoad =
  | { state: 'loading' }
  | { state: 'failed'; message: string }
  | { state: 'ready'; instructions: Instructions };

const checklistKey = (assignmentId: string, entryId: string) =>
  `checklist:${assignmentId}:${entryId}`;
const doneKey = (assignmentId: string) => `done:${assignmentId}`;

function useClinicInstructions(assignment: Assignment): InstructionsLoad {
  const { api } = useSession();
  const needed = assignment.checklist?.some((entry) => entry.clinicInstruction !== null) ?? false;
  const [load, setLoad] = useState<InstructionsLoad>({ state: 'loading' });

  useEffect(() => {
    if (!needed) {
      return;
    }
    let active = true;
    void api
      .request<{ instructions: Instructions }>(
        `/content/${encodeURIComponent(assignment.contentSlug)}`,
      )
      .then(
        ({ instructions }): InstructionsLoad => ({ state: 'ready', instructions }),
        (error: unknown): InstructionsLoad => ({
          state: 'failed',
          message: failureMessage(error),
        }),
      )
      .then((result) => {
        if (active) {
          setLoad(result);
        }
      });

    return () => {
      active = false;
    };
  }, [api, assignment.contentSlug, needed]);

  return load;
}

/** Only the clinic speaks about the physical side of treatment; without its words, we point to it. */
function ClinicWords({ id, topic, load }: { id: string; topic: string; load: InstructionsLoad }) {
  if (load.state === 'loading') {
    return (
      <p className="clinic-words" id={id}>
        Loading your clinic&apos;s instructions…
      </p>
    );
  }
  const text = load.state === 'ready' ? load.instructions[topic]?.trim() : undefined;
  if (text === undefined || text === '') {
    return (
      <p className="clinic-words" id={id}>
        {load.state === 'failed' && 'We could not load your clinic’s instructions just now. '}
        Ask your clinic about this.
      </p>
    );
  }

  return (
    <div className="clinic-words" id={id}>
      <p className="clinic-words__title">Your clinic says:</p>
      <p className="clinic-words__text">{text}</p>
    </div>
  );
}

/** A change the server refused for good: it is dropped, so say why in the server's own words. */
function Refused({ message }: { message: string | null }) {
  if (message === null) {
    return null;
  }

  return (
    <p className="tick-refused" role="alert">
      We could not save this. {message}
    </p>
  );
}

function ChecklistEntry({
  assignmentId,
  entry,
  instructions,
}: {
  assignmentId: string;
  entry: ChecklistItemState;
  instructions: InstructionsLoad;
}) {
  const tick = useTick(
    checklistKey(assignmentId, entry.id),
    `/me/assignments/${assignmentId}/checklist/${encodeURIComponent(entry.id)}`,
    { checked: entry.checked },
  );
  const inputId = `entry-${entry.id}`;
  const clinicId = `${inputId}-clinic`;
  const noteId = `${inputId}-note`;
  const describedBy = [
    entry.clinicInstruction !== null ? clinicId : null,
    tick.state === 'waiting' ? noteId : null,
  ].filter((id) => id !== null);

  return (
    <li className="checkboxes__item">
      <input
        className="checkboxes__input"
        id={inputId}
        type="checkbox"
        checked={tick.value.checked}
        onChange={(event) => tick.save({ checked: event.target.checked })}
        aria-describedby={describedBy.length > 0 ? describedBy.join(' ') : undefined}
      />
      <label className="checkboxes__label" htmlFor={inputId}>
        {entry.label}
      </label>
      {entry.clinicInstruction !== null && (
        <ClinicWords id={clinicId} topic={entry.clinicInstruction} load={instructions} />
      )}
      {tick.state === 'waiting' && (
        <p className="tick-note" id={noteId}>
          {NOT_SAVED_YET}
        </p>
      )}
      <Refused message={tick.refused} />
    </li>
  );
}

function Checklist({ assignment }: { assignment: Assignment }) {
  const instructions = useClinicInstructions(assignment);
  const entries = assignment.checklist ?? [];

  return (
    <fieldset className="fieldset">
      <legend className="legend">Tick each one when it is done</legend>
      <p className="hint">Each tick is saved as soon as you make it. You can come back any time.</p>
      <ul className="checkboxes">
        {entries.map((entry) => (
          <ChecklistEntry
            key={entry.id}
            assignmentId={assignment.id}
            entry={entry}
            instructions={instructions}
          />
        ))}
      </ul>
    </fieldset>
  );
}

function MarkDone({ assignment }: { assignment: Assignment }) {
  const tick = useTick(doneKey(assignment.id), `/me/assignments/${assignment.id}/done`, {
    done: assignment.status === 'done',
  });

  return (
    <>
      {tick.value.done && <p>You have marked this as done.</p>}
      <p>
        <button
          type="button"
          className={tick.value.done ? 'button button--secondary' : 'button'}
          onClick={() => tick.save({ done: !tick.value.done })}
        >
          {tick.value.done ? 'Mark as not done' : 'Mark as done'}
        </button>
      </p>
      {tick.state === 'waiting' && <p className="tick-note">{NOT_SAVED_YET}</p>}
      <Refused message={tick.refused} />
    </>
  );
}

function Task({ assignment, timeZone }: { assignment: Assignment; timeZone: string }) {
  const item = useLibraryItem(assignment.contentSlug);
  const keys =
    assignment.checklist === null
      ? [doneKey(assignment.id)]
      : assignment.checklist.map((entry) => checklistKey(assignment.id, entry.id));
  const summary = useTicksSummary(keys);

  return (
    <>
      {item !== undefined && <span className="caption">{KIND_LABELS[item.kind].one}</span>}
      <h1>{taskTitle(assignment, item)}</h1>
      <p className="lead">{item?.summary ?? assignment.content?.summary}</p>
      <p className="task-list__meta">
        <time dateTime={assignment.dueAt}>{dueInWords(assignment.dueAt, timeZone)}</time>
      </p>
      {assignment.checklist === null ? (
        <>
          {item !== undefined && <ItemBody item={item} />}
          <MarkDone assignment={assignment} />
        </>
      ) : (
        <Checklist assignment={assignment} />
      )}
      <SaveStatus state={summary.state} savedAt={summary.savedAt} />
    </>
  );
}

export function TaskPage() {
  const { assignmentId = '' } = useParams();
  const { load, retry } = usePlan();
  const assignment =
    load.state === 'ready'
      ? load.groups
          .flatMap((group) => group.assignments)
          .find((candidate) => candidate.id === assignmentId)
      : undefined;
  const item = useLibraryItem(assignment?.contentSlug ?? '');

  usePageTitle(
    load.state !== 'ready'
      ? 'Your task'
      : assignment === undefined
        ? 'Task not found'
        : taskTitle(assignment, item),
  );

  return (
    <>
      <Link className="back-link" to="/plan">
        Back to your plan
      </Link>
      {load.state === 'loading' && <p role="status">Loading…</p>}
      {load.state === 'failed' && (
        <>
          <h1>Your task</h1>
          <div className="notification" role="alert">
            <p>We could not load this task. {load.message}</p>
          </div>
          <button type="button" className="button button--secondary" onClick={retry}>
            Try again
          </button>
        </>
      )}
      {load.state === 'ready' && assignment === undefined && (
        <>
          <h1>We could not find that task</h1>
          <p>
            Your clinic may have taken it off your plan, or the link may be out of date. Everything
            you still have to do is on your plan.
          </p>
        </>
      )}
      {load.state === 'ready' && assignment !== undefined && (
        <Task assignment={assignment} timeZone={load.timeZone} />
      )}
    </>
  );
}
