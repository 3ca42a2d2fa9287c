import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD, HARBOURSIDE, JUNIPER } from '../demo-accounts';
import { DashboardSignInPage, PatientListPage } from '../pages/dashboard.page';

test.describe('a clinician uses the dashboard', () => {
  test('sees only her own clinic’s patients and opens one', async ({ page }) => {
    const patientList = new PatientListPage(page);

    await new DashboardSignInPage(page).signIn(HARBOURSIDE.clinician, DEMO_PASSWORD);

    await patientList.expectLoaded();
    await expect(patientList.clinicName).toHaveText(HARBOURSIDE.name);

    const emails = await patientList.emails();
    for (const email of HARBOURSIDE.patientEmails) {
      expect(emails).toContain(email);
    }
    for (const email of JUNIPER.patientEmails) {
      expect(emails).not.toContain(email);
    }
    await expect(page.getByText(/@juniper\.example/)).toHaveCount(0);

    await patientList.open(HARBOURSIDE.patients.maya);

    await expect(page).toHaveURL(/#\/patients\/[^/]+\/show$/);
    await expect(page.getByText(HARBOURSIDE.patients.maya)).toBeVisible();
    await expect(page.getByText('Infusions', { exact: true })).toBeVisible();
  });

  test('a wrong password is refused with the API’s message', async ({ page }) => {
    await new DashboardSignInPage(page).signIn(HARBOURSIDE.clinician, 'not-the-password');

    await expect(page.getByRole('alert')).toBeVisible();
    await expect(page).not.toHaveURL(/#\/patients/);
  });
});
