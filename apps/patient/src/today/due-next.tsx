import type { Assignment, AssignmentGroups } from '@ivks/contracts';
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { dueNext } from '../plan/plan-model';
import { TaskSummary } from '../plan/task-summary';
import { useSession } from '../session/session-context';

type Load = { state: 'loading' } | { state: 'failed' } | { state: 'ready'; next: Assignment[] };

/** How many open tasks Today lists; the rest wait on the plan, so the day stays short. */
const SHOWN = 3;

/** The next few open tasks, so the patient sees what to do without opening the whole plan. */
export function DueNext({ timeZone }: { timeZone: string }) {
  const { api } = useSession();
  const [load, setLoad] = useState<Load>({ state: 'loading' });

  useEffect(() => {
    let active = true;
    void api.request<AssignmentGroups>('/me/assignments').then(
      ({ groups }) => active && setLoad({ state: 'ready', next: dueNext(groups, SHOWN) }),
      () => active && setLoad({ state: 'failed' }),
    );

    return () => {
      active = false;
    };
  }, [api]);

  return (
    <section aria-labelledby="due-next">
      <h2 id="due-next">Due now and next</h2>
      {load.state === 'loading' && <p>Loading your tasks…</p>}
      {load.state === 'failed' && <p>We could not load your tasks just now.</p>}
      {load.state === 'ready' && load.next.length === 0 && (
        <p>There is nothing for you to do at the moment.</p>
      )}
      {load.state === 'ready' && load.next.length > 0 && (
        <ul className="task-list">
          {load.next.map((assignment) => (
            <TaskSummary key={assignment.id} assignment={assignment} timeZone={timeZone} />
          ))}
        </ul>
      )}
      <p>
        <Link to="/plan">See your whole plan</Link>
      </p>
    </section>
  );
}
