import type { JournalReply, SharedJournalEntry, SharedJournalEntrySummary } from '@ivks/contracts';
import type { ApiClient } from '../api/api-client';

/** What the dashboard asks of the API about journal entries patients shared. */
export interface JournalMethods {
  /** Shared entries across the signed-in member's care-team patients, newest first. */
  sharedJournal(): Promise<SharedJournalEntrySummary[]>;
  patientJournal(patientId: string): Promise<SharedJournalEntrySummary[]>;
  /** Opens one entry; the API records the read for the patient and in the audit trail. */
  readJournalEntry(entryId: string): Promise<SharedJournalEntry>;
  replyToJournalEntry(entryId: string, text: string): Promise<JournalReply>;
  markJournalEntryReviewed(entryId: string, reviewed: boolean): Promise<SharedJournalEntrySummary>;
}

const segment = (id: string) => encodeURIComponent(id);

export function journalMethods(api: ApiClient): JournalMethods {
  return {
    sharedJournal: async () =>
      (await api.request<SharedJournalEntrySummary[]>('/journal/shared')).body,

    patientJournal: async (patientId) =>
      (await api.request<SharedJournalEntrySummary[]>(`/patients/${segment(patientId)}/journal`))
        .body,

    readJournalEntry: async (entryId) =>
      (await api.request<SharedJournalEntry>(`/journal/${segment(entryId)}`)).body,

    replyToJournalEntry: async (entryId, text) =>
      (
        await api.request<JournalReply>(`/journal/${segment(entryId)}/replies`, {
          method: 'POST',
          body: { text },
        })
      ).body,

    markJournalEntryReviewed: async (entryId, reviewed) =>
      (
        await api.request<SharedJournalEntrySummary>(`/journal/${segment(entryId)}/reviewed`, {
          method: 'PUT',
          body: { reviewed },
        })
      ).body,
  };
}
