import type { ReadinessBoard, ReadinessBoardRow } from '@ivks/contracts';
import { useEffect, useState } from 'react';
import { Link, Title, useDataProvider, useNotify } from 'react-admin';
import type { CareDataProvider } from '../data/data-provider';
import { formatInZone, formatTimeInZone } from '../time/format-in-zone';

const yesOrNotYet = (answer: boolean | undefined) => (answer === true ? 'yes' : 'not yet');

function checklistText(checklist: ReadinessBoardRow['checklist']): string {
  return checklist.total === 0
    ? 'No checklist'
    : `${checklist.ticked} of ${checklist.total} ticked`;
}

function ReadinessCell({ row }: { row: ReadinessBoardRow }) {
  const answers = row.readiness;

  return (
    <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      <li>Ride arranged: {yesOrNotYet(answers?.rideArranged)}</li>
      <li>Instructions followed: {yesOrNotYet(answers?.instructionsFollowed)}</li>
      <li>Chaperone briefed: {yesOrNotYet(answers?.chaperoneBriefed)}</li>
    </ul>
  );
}

/** Who is ready for their infusion on one day, on the clinic's clock; today unless chosen. */
export function ReadinessBoardPage() {
  const dataProvider = useDataProvider<CareDataProvider>();
  const notify = useNotify();
  const [date, setDate] = useState('');
  const [board, setBoard] = useState<ReadinessBoard | null>(null);

  useEffect(() => {
    let current = true;
    dataProvider
      .readinessBoard(date)
      .then((found) => {
        if (current) {
          setBoard(found);
        }
      })
      .catch((error: unknown) => {
        notify(
          error instanceof Error ? error.message : 'The readiness board could not be loaded.',
          {
            type: 'error',
          },
        );
      });

    return () => {
      current = false;
    };
  }, [dataProvider, notify, date]);

  const cell = {
    padding: '0.5rem 1rem 0.5rem 0',
    verticalAlign: 'top',
    textAlign: 'start',
  } as const;

  return (
    <div style={{ padding: '1rem' }}>
      <Title title="Readiness" />
      <h1 style={{ fontSize: '1.5rem' }}>Who is ready</h1>
      <label>
        Day{' '}
        <input
          type="date"
          value={date === '' ? (board?.date ?? '') : date}
          onChange={(event) => setDate(event.target.value)}
        />
      </label>
      {board === null ? (
        <p>Loading…</p>
      ) : (
        <>
          <p>Times are on the clinic’s clock ({board.timeZone.replaceAll('_', ' ')}).</p>
          {board.rows.length === 0 ? (
            <p>No infusions on this day.</p>
          ) : (
            <table style={{ borderCollapse: 'collapse', width: '100%' }}>
              <thead>
                <tr>
                  <th scope="col" style={cell}>
                    Time
                  </th>
                  <th scope="col" style={cell}>
                    Patient
                  </th>
                  <th scope="col" style={cell}>
                    Readiness
                  </th>
                  <th scope="col" style={cell}>
                    Confirmed
                  </th>
                  <th scope="col" style={cell}>
                    Checklist
                  </th>
                </tr>
              </thead>
              <tbody>
                {board.rows.map((row) => (
                  <tr key={row.infusionId} data-testid="readiness-row">
                    <td style={cell}>
                      {formatTimeInZone(row.scheduledAt, board.timeZone)}
                      {row.status === 'completed' ? ' (completed)' : ''}
                    </td>
                    <td style={cell}>
                      <Link to={`/patients/${encodeURIComponent(row.patientId)}/show`}>
                        {row.patientName}
                      </Link>
                    </td>
                    <td style={cell}>
                      <ReadinessCell row={row} />
                    </td>
                    <td style={cell}>
                      {row.readiness?.confirmedAt
                        ? formatInZone(row.readiness.confirmedAt, board.timeZone)
                        : 'Not yet'}
                    </td>
                    <td style={cell}>{checklistText(row.checklist)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </div>
  );
}
