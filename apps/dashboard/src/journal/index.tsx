import { Route } from 'react-router-dom';
import { SHARED_JOURNAL_PATH } from './journal-paths';
import { SharedEntryPage } from './shared-entry-page';
import { SharedJournalPage } from './shared-journal-page';

export { SHARED_JOURNAL_PATH } from './journal-paths';
export { journalMethods, type JournalMethods } from './journal-methods';
export { PatientJournal } from './patient-journal';

export const journalRoutes = [
  <Route key="feed" path={SHARED_JOURNAL_PATH} element={<SharedJournalPage />} />,
  <Route key="entry" path={`${SHARED_JOURNAL_PATH}/:id`} element={<SharedEntryPage />} />,
];
