import type { JournalCrisisTheme } from '@ivks/contracts';
import { crisisLabel } from './journal-feed';

/**
 * A shared entry's crisis wording, shown so it cannot be missed, with how to reach the patient.
 * The words were found by a word list, not a person: the clinician reads the entry and decides.
 */
export function CrisisFlag({
  themes,
  patientName,
  patientPhone,
}: {
  themes: readonly JournalCrisisTheme[];
  patientName: string;
  patientPhone: string | null;
}) {
  if (themes.length === 0) {
    return null;
  }

  return (
    <div
      role="note"
      aria-label="Crisis wording"
      data-testid="crisis-flag"
      style={{
        borderLeft: '6px solid #b3261e',
        background: '#fdecea',
        padding: '0.5rem 0.75rem',
        margin: '0.5rem 0',
      }}
    >
      <strong>Crisis wording: {crisisLabel(themes)}.</strong>{' '}
      {patientPhone === null ? (
        <span>No phone number is on file for {patientName}.</span>
      ) : (
        <span>
          Call {patientName} on{' '}
          <a href={`tel:${patientPhone.replaceAll(' ', '')}`}>{patientPhone}</a>.
        </span>
      )}
    </div>
  );
}
