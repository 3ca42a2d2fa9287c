import { expect, test } from '@playwright/test';
import { HARBOURSIDE } from '../demo-accounts';
import { PatientSignInPage } from '../pages/patient-sign-in.page';

test.describe('patient sign-in problems', () => {
  test('a wrong password shows an error summary that links to the field and keeps the email', async ({
    page,
  }) => {
    const signIn = new PatientSignInPage(page);

    await signIn.open();
    await signIn.signIn(HARBOURSIDE.patients.maya, 'not-the-password');

    await expect(signIn.errorSummary).toBeVisible();
    await expect(signIn.errorSummary).toContainText('Your email address or password is not right');
    await expect(page).toHaveTitle(/^Error: /);
    await expect(signIn.email).toHaveValue(HARBOURSIDE.patients.maya);

    await signIn.errorSummary.getByRole('link').click();
    await expect(signIn.email).toBeFocused();
  });

  test('an empty form lists each missing answer without calling the API', async ({ page }) => {
    const signIn = new PatientSignInPage(page);
    let signInCalls = 0;
    page.on('request', (request) => {
      if (request.url().includes('/api/v1/auth/sign-in')) {
        signInCalls += 1;
      }
    });

    await signIn.open();
    await page.getByRole('button', { name: 'Sign in' }).click();

    await expect(signIn.errorSummary.getByRole('link')).toHaveText([
      'Enter your email address',
      'Enter your password',
    ]);
    await expect(signIn.email).toHaveAttribute('aria-invalid', 'true');
    expect(signInCalls).toBe(0);
  });

  test('"Get help now" works before signing in too', async ({ page }) => {
    await page.goto('/sign-in');
    await page.getByRole('banner').getByRole('link', { name: 'Get help now' }).click();

    await expect(page.getByRole('link', { name: 'Call 988' })).toBeVisible();
  });
});
