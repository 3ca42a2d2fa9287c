import { expect, type Page, test } from '@playwright/test';
import { DEMO_PASSWORD, HARBOURSIDE } from '../demo-accounts';
import { PatientJournalPage } from '../pages/patient-journal.page';
import { PatientSignInPage } from '../pages/patient-sign-in.page';
import { PatientTodayPage } from '../pages/patient-today.page';

const PRIYA = HARBOURSIDE.patientEmails[2] ?? '';

async function startEntry(page: Page): Promise<PatientJournalPage> {
  await new PatientSignInPage(page).open();
  await new PatientSignInPage(page).signIn(PRIYA, DEMO_PASSWORD);
  await new PatientTodayPage(page).expectLoaded();
  const journal = new PatientJournalPage(page);
  await journal.open();
  await journal.startEntry();

  return journal;
}

test('an entry whose save is cut off after it reached the journal is kept, and saved once', async ({
  page,
}) => {
  // Each run writes its own words, so that a rerun on the same database finds only its own.
  const words = `The line dropped while I was saving this (${Date.now()}).`;
  const journal = await startEntry(page);

  // Every save reaches the API, which stores it, and the answer is lost on the way back.
  await page.route('**/api/v1/me/journal/*', async (route) => {
    if (route.request().method() !== 'PUT') {
      await route.continue();

      return;
    }
    await route.fetch();
    await route.abort('connectionreset');
  });
  await journal.write(words);
  await page.getByRole('button', { name: 'Save entry' }).click();
  await expect(page.getByRole('alert')).toContainText('Your words are kept on this device');

  await page.reload();
  await expect(page.getByRole('textbox', { name: 'Your words' })).toHaveValue(words);
  await page.unroute('**/api/v1/me/journal/*');
  await page.getByRole('button', { name: 'Save entry' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Your entry is saved.' })).toBeVisible();

  await journal.open();
  await expect(page.getByRole('listitem').filter({ hasText: words })).toHaveCount(1);
  await page.getByRole('listitem').filter({ hasText: words }).getByRole('link').click();
  await journal.delete();
});

test('an entry written while the journal cannot be reached stays on the device until it is saved', async ({
  page,
}) => {
  const words = `Written with no way through to the journal (${Date.now()}).`;
  const journal = await startEntry(page);

  await page.route('**/api/v1/me/journal/*', async (route) => {
    await (route.request().method() === 'PUT' ? route.abort('connectionreset') : route.continue());
  });
  await journal.write(words);
  await expect(page.getByText('We could not reach your journal just now')).toBeVisible();

  await page.reload();
  await expect(page.getByRole('textbox', { name: 'Your words' })).toHaveValue(words);
  await page.unroute('**/api/v1/me/journal/*');
  await page.getByRole('button', { name: 'Save entry' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Your entry is saved.' })).toBeVisible();
  await journal.delete();
});
