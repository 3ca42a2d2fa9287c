import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD } from '../demo-accounts';
import { DashboardSignInPage } from '../pages/dashboard.page';

const HARBOURSIDE_OWNER = 'owner@harbourside.example';

test('an owner opens the email deliveries on the failed ones', async ({ page }) => {
  await new DashboardSignInPage(page).signIn(HARBOURSIDE_OWNER, DEMO_PASSWORD);
  await page.getByRole('menuitem', { name: 'Email deliveries' }).click();

  await expect(page).toHaveURL(/#\/email-deliveries/);
  await expect(page.getByRole('combobox', { name: 'Status' })).toHaveText('Failed');
  // The demo's emails all reach the catcher, so there is usually no failed one to list.
  await expect(
    page
      .getByRole('columnheader', { name: 'Last error' })
      .or(page.getByText('No Email deliveries found using the current filters.')),
  ).toBeVisible();
});

test('a clinician has no email deliveries to open', async ({ page }) => {
  await new DashboardSignInPage(page).signIn('clinician@harbourside.example', DEMO_PASSWORD);

  await expect(page.getByTestId('clinic-name')).toBeVisible();
  await expect(page.getByRole('menuitem', { name: 'Email deliveries' })).toHaveCount(0);
});
