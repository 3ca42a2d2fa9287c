import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD, HARBOURSIDE } from '../demo-accounts';
import { PatientJournalPage } from '../pages/patient-journal.page';
import { PatientSignInPage } from '../pages/patient-sign-in.page';
import { PatientTodayPage } from '../pages/patient-today.page';

test('crisis wording in the journal shows the crisis resources at once', async ({ page }) => {
  await new PatientSignInPage(page).open();
  await new PatientSignInPage(page).signIn(HARBOURSIDE.patients.daniel, DEMO_PASSWORD);
  await new PatientTodayPage(page).expectLoaded();
  const journal = new PatientJournalPage(page);
  await journal.open();
  await journal.startEntry();

  await expect(journal.crisisResources).toHaveCount(0);
  await journal.write('Some nights I want to die.');

  await expect(journal.crisisResources).toBeVisible();
  await expect(journal.crisisResources.getByRole('link', { name: 'Call 988' })).toHaveAttribute(
    'href',
    'tel:988',
  );
  await expect(journal.crisisResources.getByRole('link', { name: 'Text 988' })).toHaveAttribute(
    'href',
    'sms:988',
  );
  await expect(
    journal.crisisResources.getByRole('link', { name: /^Call Harbourside Ketamine Clinic on / }),
  ).toBeVisible();
  await expect(journal.crisisResources).toContainText(
    'Your journal is not monitored in real time.',
  );

  // Saved, the entry stays private, and the help stays on its page.
  await journal.save();
  await expect(journal.crisisResources).toBeVisible();
  await expect(page.getByText('Private, only you can see it')).toBeVisible();
  await journal.delete();
});
