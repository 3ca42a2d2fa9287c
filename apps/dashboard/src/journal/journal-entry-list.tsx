import type { SharedJournalEntrySummary } from '@ivks/contracts';
import { Link } from 'react-admin';
import { formatInZone } from '../time/format-in-zone';
import { CrisisFlag } from './crisis-flag';
import { feedOrder } from './journal-feed';

const cell = { padding: '0.5rem 1rem 0.5rem 0', verticalAlign: 'top', textAlign: 'start' } as const;

/** Shared entries without their words: opening one shows them and records the read. */
export function JournalEntryList({
  entries,
  timeZone,
  showPatient,
}: {
  entries: readonly SharedJournalEntrySummary[];
  timeZone: string;
  showPatient: boolean;
}) {
  if (entries.length === 0) {
    return <p>No shared entries.</p>;
  }

  return (
    <table style={{ borderCollapse: 'collapse', width: '100%' }}>
      <thead>
        <tr>
          <th scope="col" style={cell}>
            Written
          </th>
          {showPatient && (
            <th scope="col" style={cell}>
              Patient
            </th>
          )}
          <th scope="col" style={cell}>
            Mood
          </th>
          <th scope="col" style={cell}>
            Tags
          </th>
          <th scope="col" style={cell}>
            Review
          </th>
        </tr>
      </thead>
      <tbody>
        {feedOrder(entries).map((entry) => (
          <tr key={entry.id} data-testid="journal-row">
            <td style={cell}>
              <Link to={`/journal/${encodeURIComponent(entry.id)}`}>
                Read the entry of {formatInZone(entry.createdAt, timeZone)}
              </Link>
              <CrisisFlag
                themes={entry.crisisThemes}
                patientName={entry.patientName}
                patientPhone={entry.patientPhone}
              />
            </td>
            {showPatient && (
              <td style={cell}>
                <Link to={`/patients/${encodeURIComponent(entry.patientId)}/show`}>
                  {entry.patientName}
                </Link>
              </td>
            )}
            <td style={cell}>{entry.mood === null ? '—' : `${entry.mood} of 10`}</td>
            <td style={cell}>{entry.tags.length === 0 ? '—' : entry.tags.join(', ')}</td>
            <td style={cell}>
              {entry.reviewedAt === null ? (
                <strong>Not reviewed</strong>
              ) : (
                `Reviewed ${formatInZone(entry.reviewedAt, timeZone)}`
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
