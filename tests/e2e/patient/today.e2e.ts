import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD, HARBOURSIDE } from '../demo-accounts';
import { PatientSignInPage } from '../pages/patient-sign-in.page';
import { PatientTodayPage } from '../pages/patient-today.page';

test.describe('a patient signs in to the patient app', () => {
  test('sees Today with her name, her clinic and her next infusion in her own time', async ({
    page,
  }) => {
    const signIn = new PatientSignInPage(page);
    const today = new PatientTodayPage(page);

    await signIn.open();
    await signIn.signIn(HARBOURSIDE.patients.maya, DEMO_PASSWORD);

    await today.expectLoaded();
    await expect(page.getByText(/Hello, Maya/)).toBeVisible();
    await expect(page.getByRole('main').getByText(HARBOURSIDE.name).first()).toBeVisible();
    // Harbourside is in New York; Maya's times read on her own clock with the place named.
    await expect(today.nextInfusion.locator('time')).toHaveText(
      /^[A-Z][a-z]+day \d{1,2} [A-Z][a-z]+( \d{4})?, \d{1,2}:\d{2} (am|pm) \(.+ time\)$/,
    );
    await expect(today.course).toContainText(/You have had \d+ of \d+ infusions/);
  });

  test('stays signed in after a reload, through the refresh cookie', async ({ page }) => {
    const signIn = new PatientSignInPage(page);
    const today = new PatientTodayPage(page);

    await signIn.open();
    await signIn.signIn(HARBOURSIDE.patients.maya, DEMO_PASSWORD);
    await today.expectLoaded();

    await page.reload();

    await today.expectLoaded();
    await expect(page.getByText(/Hello, Maya/)).toBeVisible();
  });

  test('"Get help now" in the header shows 988, 911 and the note that nobody watches live', async ({
    page,
  }) => {
    const signIn = new PatientSignInPage(page);
    const today = new PatientTodayPage(page);

    await signIn.open();
    await signIn.signIn(HARBOURSIDE.patients.maya, DEMO_PASSWORD);
    await today.expectLoaded();
    await today.openHelp();

    await expect(page.getByRole('link', { name: 'Call 988' })).toHaveAttribute('href', 'tel:988');
    await expect(page.getByRole('link', { name: 'Text 988' })).toHaveAttribute('href', 'sms:988');
    await expect(page.getByRole('link', { name: 'Call 911' })).toHaveAttribute('href', 'tel:911');
    await expect(
      page.getByRole('main').getByText('Nobody watches this app in real time.'),
    ).toBeVisible();
  });

  test('signing out returns to the sign-in page', async ({ page }) => {
    const signIn = new PatientSignInPage(page);
    const today = new PatientTodayPage(page);

    await signIn.open();
    await signIn.signIn(HARBOURSIDE.patients.maya, DEMO_PASSWORD);
    await today.expectLoaded();

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.goto('/');

    await expect(page).toHaveURL(/\/sign-in$/);
  });
});
