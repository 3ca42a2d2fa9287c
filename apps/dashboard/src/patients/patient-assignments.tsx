import type { Assignment, AssignmentGroups, AssignmentStatus } from '@ivks/contracts';
import { useEffect, useId, useState } from 'react';
import { useDataProvider, useNotify } from 'react-admin';
import type { CareDataProvider } from '../data/data-provider';
import { formatInZone } from '../time/format-in-zone';

const ASSIGNMENT_STATUS_LABELS: Record<AssignmentStatus, string> = {
  open: 'Open',
  done: 'Done',
  withdrawn: 'Withdrawn',
};

function checklistProgress(assignment: Assignment): string {
  if (assignment.checklist === null) {
    return '—';
  }
  const ticked = assignment.checklist.filter((item) => item.checked).length;

  return `${ticked} of ${assignment.checklist.length} ticked`;
}

/** The patient's assignments by infusion; `version` changes whenever they may have changed. */
export function PatientAssignments({
  patientId,
  timeZone,
  version,
}: {
  patientId: string;
  timeZone: string;
  version: number;
}) {
  const dataProvider = useDataProvider<CareDataProvider>();
  const notify = useNotify();
  const headingId = useId();
  const [assignments, setAssignments] = useState<AssignmentGroups | null>(null);

  useEffect(() => {
    let current = true;
    dataProvider
      .patientAssignments(patientId)
      .then((found) => {
        if (current) {
          setAssignments(found);
        }
      })
      .catch((error: unknown) => {
        notify(error instanceof Error ? error.message : 'The assignments could not be loaded.', {
          type: 'error',
        });
      });

    return () => {
      current = false;
    };
  }, [dataProvider, notify, patientId, version]);

  return (
    <section aria-labelledby={headingId} style={{ marginBlock: '1.5rem' }}>
      <h2 id={headingId}>Assignments</h2>
      {assignments === null ? (
        <p>Loading assignments…</p>
      ) : assignments.groups.length === 0 ? (
        <p>
          No assignments yet. Apply a pathway to give this patient their preparation and integration
          work.
        </p>
      ) : (
        assignments.groups.map((group) => (
          <table
            key={group.infusion?.id ?? 'none'}
            data-testid="assignment-group"
            style={{ borderCollapse: 'collapse', marginBlock: '1rem', width: '100%' }}
          >
            <caption style={{ textAlign: 'start', fontWeight: 600 }}>
              {group.infusion === null
                ? 'Not tied to an infusion'
                : `Infusion on ${formatInZone(group.infusion.scheduledAt, timeZone)}`}
            </caption>
            <thead>
              <tr>
                <th scope="col" style={{ textAlign: 'start' }}>
                  Task
                </th>
                <th scope="col" style={{ textAlign: 'start' }}>
                  Due (clinic time)
                </th>
                <th scope="col" style={{ textAlign: 'start' }}>
                  Status
                </th>
                <th scope="col" style={{ textAlign: 'start' }}>
                  Checklist
                </th>
              </tr>
            </thead>
            <tbody>
              {group.assignments.map((assignment) => (
                <tr key={assignment.id}>
                  <td>{assignment.content?.title ?? assignment.contentSlug}</td>
                  <td>{formatInZone(assignment.dueAt, timeZone)}</td>
                  <td>{ASSIGNMENT_STATUS_LABELS[assignment.status]}</td>
                  <td>{checklistProgress(assignment)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ))
      )}
    </section>
  );
}
