import { randomUUID } from 'node:crypto';
import { type Browser, expect, type Page, test } from '@playwright/test';
import { Client } from 'pg';
import { DEMO_PASSWORD, HARBOURSIDE } from '../demo-accounts';
import { DashboardSignInPage, PatientEnrolmentPage } from '../pages/dashboard.page';
import { PatientTodayPage } from '../pages/patient-today.page';
import { DASHBOARD_URL } from '../playwright.config';
import { firstLink, waitForEmail } from '../support/mailbox';

const NEW_PASSWORD = 'lantern river biscuit morning';
const INVITATION_SUBJECT = /invited you/;

/** A fresh address for each run, so that the spec can run again on the same database. */
function newPatientEmail(): string {
  return `invited.${randomUUID().slice(0, 8)}@harbourside.example`;
}

/** Enrols a patient through the dashboard, as the Harbourside clinician does on her computer. */
async function enrolInDashboard(
  browser: Browser,
  email: string,
  familyName: string,
): Promise<void> {
  const clinician = await browser.newContext({
    baseURL: DASHBOARD_URL,
    viewport: { width: 1280, height: 800 },
    isMobile: false,
    hasTouch: false,
  });
  const page = await clinician.newPage();
  await new DashboardSignInPage(page).signIn(HARBOURSIDE.clinician, DEMO_PASSWORD);
  await expect(page).toHaveURL(/#\/patients/);
  await new PatientEnrolmentPage(page).enrol({ givenName: 'Robin', familyName, email });
  await clinician.close();
}

async function choosePassword(page: Page): Promise<void> {
  await expect(page.getByRole('heading', { level: 1, name: 'Welcome, Robin' })).toBeVisible();
  await expect(page.getByText(`${HARBOURSIDE.name} has invited you`)).toBeVisible();
  await page.getByLabel('Choose a password').fill(NEW_PASSWORD);
  await page.getByRole('button', { name: 'Set up my account' }).click();
}

test.describe('a patient accepts their invitation', () => {
  test('follows the emailed link, chooses a password and lands signed in', async ({
    browser,
    page,
  }) => {
    const email = newPatientEmail();
    const sentAfter = new Date();
    await enrolInDashboard(browser, email, 'Accepting');

    const invitation = await waitForEmail({
      to: email,
      subject: INVITATION_SUBJECT,
      after: sentAfter,
    });
    expect(invitation.text).not.toMatch(/infusion|journal/i);
    await page.goto(firstLink(invitation));
    await choosePassword(page);

    await new PatientTodayPage(page).expectLoaded();
  });

  test('an expired link offers a fresh one, and the fresh one works', async ({ browser, page }) => {
    const email = newPatientEmail();
    const sentAfter = new Date();
    await enrolInDashboard(browser, email, 'Expiring');
    const first = await waitForEmail({ to: email, subject: INVITATION_SUBJECT, after: sentAfter });

    const owner = new Client({ connectionString: process.env.DATABASE_OWNER_URL });
    await owner.connect();
    try {
      const expired = await owner.query(
        `UPDATE patient_invitations i
         SET sent_at = now() - interval '8 days', expires_at = now() - interval '1 day'
         FROM patients p
         WHERE p.clinic_id = i.clinic_id AND p.id = i.patient_id AND p.email = $1`,
        [email],
      );
      expect(expired.rowCount).toBe(1);
    } finally {
      await owner.end();
    }

    await page.goto(firstLink(first));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'This link has run its course',
    );
    const freshAfter = new Date();
    await page.getByRole('button', { name: 'Send me a fresh link' }).click();
    await expect(page.getByRole('status')).toContainText('on its way');

    const fresh = await waitForEmail({ to: email, subject: INVITATION_SUBJECT, after: freshAfter });
    expect(firstLink(fresh)).not.toBe(firstLink(first));
    await page.goto(firstLink(fresh));
    await choosePassword(page);

    await new PatientTodayPage(page).expectLoaded();
  });
});
