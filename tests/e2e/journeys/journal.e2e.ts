import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD, HARBOURSIDE } from '../demo-accounts';
import { DashboardSignInPage, PatientListPage } from '../pages/dashboard.page';
import { DashboardJournalPage } from '../pages/dashboard-journal.page';
import { PatientJournalPage } from '../pages/patient-journal.page';
import { PatientSignInPage } from '../pages/patient-sign-in.page';
import { PatientTodayPage } from '../pages/patient-today.page';
import { DASHBOARD_URL, PATIENT_URL } from '../playwright.config';

test('a shared journal entry: the care team reads and replies, and loses it when sharing stops', async ({
  browser,
}) => {
  // Each run writes its own words, so that a rerun on the same database finds only its own.
  const words = `After the third infusion the music felt warm (${Date.now()}).`;
  const replyText = 'Thank you for sharing this with us. See you on Thursday.';

  const patient = await browser.newPage({ baseURL: PATIENT_URL });
  await new PatientSignInPage(patient).open();
  await new PatientSignInPage(patient).signIn(HARBOURSIDE.patients.maya, DEMO_PASSWORD);
  await new PatientTodayPage(patient).expectLoaded();
  const journal = new PatientJournalPage(patient);
  await journal.open();
  await journal.startEntry();
  await journal.write(words);
  const entryId = await journal.save();
  await journal.share();

  const dashboard = await browser.newPage({ baseURL: DASHBOARD_URL });
  await new DashboardSignInPage(dashboard).signIn(HARBOURSIDE.clinician, DEMO_PASSWORD);
  await new PatientListPage(dashboard).expectLoaded();
  const shared = new DashboardJournalPage(dashboard);
  await shared.openFromNeedsAttention(entryId);
  await expect(shared.text).toHaveText(words);
  await shared.openFeed();
  await shared.openEntry(entryId);
  await expect(shared.text).toHaveText(words);
  await shared.reply('Maya Lopez', replyText);

  await patient.reload();
  await expect(journal.region('Replies from your care team')).toContainText(replyText);
  await expect(journal.region('Sharing')).toContainText(/Read by Dr\. Hannah Okafor on /);

  await journal.stopSharing();
  await dashboard.reload();
  await expect(dashboard.getByRole('alert')).toContainText('This entry is not shared with you');
  await expect(dashboard.getByRole('main')).not.toContainText(words);
});
