import type { SharedJournalEntrySummary } from '@ivks/contracts';
import { useEffect, useState } from 'react';
import { Title, useDataProvider, useNotify } from 'react-admin';
import type { CareDataProvider } from '../data/data-provider';
import { useClinicTimeZone } from '../layout/use-clinic-time-zone';
import { JournalEntryList } from './journal-entry-list';

/** Entries the clinician's care-team patients shared, the ones to review first at the top. */
export function SharedJournalPage() {
  const dataProvider = useDataProvider<CareDataProvider>();
  const notify = useNotify();
  const timeZone = useClinicTimeZone();
  const [entries, setEntries] = useState<SharedJournalEntrySummary[] | null>(null);

  useEffect(() => {
    let current = true;
    dataProvider
      .sharedJournal()
      .then((found) => {
        if (current) {
          setEntries(found);
        }
      })
      .catch((error: unknown) => {
        notify(error instanceof Error ? error.message : 'The shared journal could not be loaded.', {
          type: 'error',
        });
      });

    return () => {
      current = false;
    };
  }, [dataProvider, notify]);

  return (
    <div style={{ padding: '1rem' }}>
      <Title title="Shared journal" />
      <h1 style={{ fontSize: '1.5rem' }}>Shared journal</h1>
      <p>
        Entries your care-team patients chose to share. Opening one shows the patient that you read
        it. The journal is not monitored in real time, and patients are told so.
      </p>
      {entries === null || timeZone === undefined ? (
        <p>Loading…</p>
      ) : (
        <JournalEntryList entries={entries} timeZone={timeZone} showPatient />
      )}
    </div>
  );
}
