import type { PatientDetail, SharedJournalEntrySummary } from '@ivks/contracts';
import { useEffect, useState } from 'react';
import { useDataProvider, useRecordContext } from 'react-admin';
import type { CareDataProvider } from '../data/data-provider';
import { useClinicTimeZone } from '../layout/use-clinic-time-zone';
import { JournalEntryList } from './journal-entry-list';

/** The patient's shared entries, on their page; private entries never reach the dashboard. */
export function PatientJournal() {
  const patient = useRecordContext<PatientDetail>();
  const dataProvider = useDataProvider<CareDataProvider>();
  const timeZone = useClinicTimeZone();
  const [entries, setEntries] = useState<SharedJournalEntrySummary[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const patientId = patient?.id;

  useEffect(() => {
    if (patientId === undefined) {
      return;
    }
    let current = true;
    dataProvider
      .patientJournal(String(patientId))
      .then((found) => {
        if (current) {
          setEntries(found);
        }
      })
      .catch((error: unknown) => {
        if (current) {
          setProblem(error instanceof Error ? error.message : 'The journal could not be loaded.');
        }
      });

    return () => {
      current = false;
    };
  }, [dataProvider, patientId]);

  return (
    <section aria-labelledby="patient-journal-heading" style={{ padding: '1rem' }}>
      <h2 id="patient-journal-heading" style={{ fontSize: '1.25rem' }}>
        Shared journal
      </h2>
      {problem !== null && <p role="alert">{problem}</p>}
      {problem === null && (entries === null || timeZone === undefined) && <p>Loading…</p>}
      {entries !== null && timeZone !== undefined && (
        <JournalEntryList entries={entries} timeZone={timeZone} showPatient={false} />
      )}
    </section>
  );
}
