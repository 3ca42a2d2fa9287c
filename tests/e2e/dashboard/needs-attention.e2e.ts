import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD, HARBOURSIDE } from '../demo-accounts';
import { DashboardSignInPage } from '../pages/dashboard.page';

test('a clinician finds needs attention first in the menu and opens it', async ({ page }) => {
  await new DashboardSignInPage(page).signIn(HARBOURSIDE.clinician, DEMO_PASSWORD);

  const menu = page.getByRole('menuitem');
  await expect(menu.first()).toHaveText(/Needs attention/);
  await menu.first().click();

  await expect(page).toHaveURL(/#\/needs-attention/);
  await expect(page.getByRole('heading', { level: 1, name: 'Needs attention' })).toBeVisible();
  await expect(
    page.getByRole('region').first().or(page.getByText('Nothing needs your attention right now.')),
  ).toBeVisible();
});
