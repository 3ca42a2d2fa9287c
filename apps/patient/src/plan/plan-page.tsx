import type { AssignmentGroup, Infusion } from '@ivks/contracts';
import { usePageTitle } from '../layout/use-page-title';
import { formatInfusionTime } from '../today/infusion-time';
import { planSections } from './plan-model';
import { TaskSummary } from './task-summary';
import { usePlan } from './use-plan';

function SectionHeading({
  id,
  infusion,
  timeZone,
}: {
  id: string;
  infusion: Infusion | null;
  timeZone: string;
}) {
  if (infusion === null) {
    return <h2 id={id}>Before your course starts</h2>;
  }

  return (
    <h2 id={id}>
      Infusion on{' '}
      <time dateTime={infusion.scheduledAt}>
        {formatInfusionTime(infusion.scheduledAt, timeZone)}
      </time>
      {infusion.status === 'cancelled' && ' (cancelled)'}
    </h2>
  );
}

export function PlanPage() {
  const { load, retry } = usePlan();

  usePageTitle('Your plan', false);

  return (
    <>
      <h1>Your plan</h1>
      <p className="lead">What your clinic has asked you to do, infusion by infusion.</p>
      {load.state === 'loading' && <p role="status">Loading your plan…</p>}
      {load.state === 'failed' && (
        <>
          <div className="notification" role="alert">
            <p>We could not load your plan. {load.message}</p>
          </div>
          <button type="button" className="button button--secondary" onClick={retry}>
            Try again
          </button>
        </>
      )}
      {load.state === 'ready' && <Sections timeZone={load.timeZone} groups={load.groups} />}
    </>
  );
}

function Sections({ timeZone, groups }: { timeZone: string; groups: readonly AssignmentGroup[] }) {
  const sections = planSections(groups);

  if (sections.length === 0) {
    return (
      <p>Your clinic has not given you anything to do yet. When they do, you will find it here.</p>
    );
  }

  return sections.map((section) => {
    const headingId = `plan-${section.infusion?.id ?? 'before-course'}`;

    return (
      <section key={headingId} aria-labelledby={headingId}>
        <SectionHeading id={headingId} infusion={section.infusion} timeZone={timeZone} />
        <ul className="task-list">
          {section.assignments.map((assignment) => (
            <TaskSummary key={assignment.id} assignment={assignment} timeZone={timeZone} />
          ))}
        </ul>
      </section>
    );
  });
}
