import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD, HARBOURSIDE } from '../demo-accounts';
import { PatientSharingPage } from '../pages/patient-sharing.page';
import { PatientSignInPage } from '../pages/patient-sign-in.page';
import { PatientTodayPage } from '../pages/patient-today.page';

test.describe('a patient shares links', () => {
  test.beforeEach(async ({ page }) => {
    await new PatientSignInPage(page).open();
    await new PatientSignInPage(page).signIn(HARBOURSIDE.patients.daniel, DEMO_PASSWORD);
    await new PatientTodayPage(page).expectLoaded();
  });

  test('gives a chaperone a page with the day and the tips, and can take it back', async ({
    page,
    browser,
  }) => {
    const sharing = new PatientSharingPage(page);
    await sharing.open();
    const url = await sharing.makeLink(
      'A page for the person taking you home',
      /^Make a chaperone link/,
    );

    // The chaperone has no account: a fresh browser context, with no session.
    const chaperone = await browser.newPage();
    await chaperone.goto(url);
    await expect(
      chaperone.getByRole('heading', { level: 1, name: 'Helping Daniel on the day' }),
    ).toBeVisible();
    await expect(chaperone.getByRole('region', { name: 'When to be there' })).toContainText(
      /Be there to collect Daniel by/,
    );
    await expect(chaperone.getByRole('heading', { name: 'The ride home' })).toBeVisible();
    await expect(chaperone.getByRole('main')).not.toContainText('Brooks');

    await sharing.stopLink('A page for the person taking you home');
    await chaperone.reload();
    await expect(chaperone.getByRole('alert')).toContainText('does not work any more');
    await chaperone.close();
  });

  test('makes a calendar feed whose appointments say nothing about treatment', async ({ page }) => {
    const sharing = new PatientSharingPage(page);
    await sharing.open();
    const url = await sharing.makeLink(
      'Your appointments in your calendar',
      /^Make a calendar link/,
    );

    const feed = await page.request.get(url);
    expect(feed.status()).toBe(200);
    const body = await feed.text();
    expect(body).toContain('BEGIN:VCALENDAR');
    expect(body).toContain('SUMMARY:Appointment');
    expect(body).not.toMatch(/ketamine|infusion|harbourside/i);
  });
});
