import { expect, test, type Page } from '@playwright/test';
import { generate } from 'otplib';
import { Client } from 'pg';
import { DEMO_PASSWORD } from '../demo-accounts';
import { DashboardSignInPage } from '../pages/dashboard.page';

/** A demo owner whose two-step sign-in this spec turns on, uses, and turns off again. */
const OWNER = 'owner@juniper.example';
/** A demo clinician of the same clinic, made to enrol while the clinic requires it. */
const CLINICIAN = 'clinician@juniper.example';
const STEP_MS = 30_000;

/** A code of a time step after every one already used, as the API accepts each step once. */
async function freshCode(secret: string, after: number): Promise<{ code: string; step: number }> {
  let step = Math.floor(Date.now() / STEP_MS);
  if (step <= after) {
    await new Promise((resolve) => setTimeout(resolve, (after + 1) * STEP_MS - Date.now() + 500));
    step = Math.floor(Date.now() / STEP_MS);
  }

  return { code: await generate({ secret }), step };
}

/** Removes a demo account's authenticator, so a run that failed halfway leaves none behind. */
async function forgetAuthenticator(email: string): Promise<void> {
  const owner = new Client({ connectionString: process.env.DATABASE_OWNER_URL });
  await owner.connect();
  try {
    const user = `(SELECT id FROM users WHERE email = $1)`;
    await owner.query(`DELETE FROM staff_recovery_codes WHERE user_id = ${user}`, [email]);
    await owner.query(`DELETE FROM staff_totp WHERE user_id = ${user}`, [email]);
  } finally {
    await owner.end();
  }
}

test.afterEach(async () => {
  await forgetAuthenticator(OWNER);
  await forgetAuthenticator(CLINICIAN);
});

async function signOut(page: Page): Promise<void> {
  await page.context().clearCookies();
  await page.goto('/');
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
}

test('a staff member sets up an authenticator app, signs in with it and a recovery code, and turns it off', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const signIn = new DashboardSignInPage(page);

  await signIn.signIn(OWNER, DEMO_PASSWORD);
  await expect(page).toHaveURL(/#\/patients/);
  await page.goto('/#/security');
  await page.getByRole('button', { name: 'Set up an authenticator app' }).click();
  await expect(page.getByRole('img', { name: /QR code/ })).toBeVisible();
  const secret = (await page.getByTestId('totp-secret').innerText()).trim();
  const enrolled = await freshCode(secret, 0);
  await page.getByRole('textbox', { name: '6-digit code' }).fill(enrolled.code);
  await page.getByRole('button', { name: 'Confirm' }).click();
  const listed = page.getByTestId('recovery-codes').locator('li');
  await expect(listed).toHaveCount(10);
  const codes = await listed.allInnerTexts();
  await page.getByRole('button', { name: 'I have saved my recovery codes' }).click();
  await expect(page.getByTestId('mfa-status')).toContainText('On');

  await signOut(page);
  await signIn.signIn(OWNER, DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Lost your phone? Use a recovery code' }).click();
  await page.getByRole('textbox', { name: 'Recovery code' }).fill(codes[0] ?? '');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page).toHaveURL(/#\/patients/);

  await signOut(page);
  await signIn.signIn(OWNER, DEMO_PASSWORD);
  await page.getByRole('textbox', { name: 'Recovery code' }).waitFor({ state: 'detached' });
  const signedIn = await freshCode(secret, enrolled.step);
  await page.getByRole('textbox', { name: '6-digit code' }).fill(signedIn.code);
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page).toHaveURL(/#\/patients/);

  await page.goto('/#/security');
  await expect(page.getByTestId('mfa-status')).toContainText('9 unused recovery codes');
  const turnOff = await freshCode(secret, signedIn.step);
  await page
    .getByRole('textbox', { name: 'Code from your app, to turn it off' })
    .fill(turnOff.code);
  await page.getByRole('button', { name: 'Turn off two-step sign-in' }).click();
  await expect(page.getByTestId('mfa-status')).toContainText('Off');
});

test('a clinic that requires two-step sign-in leads a staff member without it to set it up first', async ({
  page,
}) => {
  test.setTimeout(60_000);
  const owner = new Client({ connectionString: process.env.DATABASE_OWNER_URL });
  await owner.connect();
  const clinic = `(SELECT m.clinic_id FROM memberships m JOIN users u ON u.id = m.user_id WHERE u.email = $1)`;
  try {
    await owner.query(`UPDATE clinics SET mfa_required = true WHERE id = ${clinic}`, [CLINICIAN]);

    await new DashboardSignInPage(page).signIn(CLINICIAN, DEMO_PASSWORD);
    await expect(page).toHaveURL(/#\/security\/set-up$/);
    await expect(page.getByRole('heading', { name: 'Set up two-step sign-in' })).toBeVisible();
    await page.goto('/#/patients');
    await expect(page).toHaveURL(/#\/security\/set-up$/);
    const secret = (await page.getByTestId('totp-secret').innerText()).trim();
    await page
      .getByRole('textbox', { name: '6-digit code' })
      .fill((await freshCode(secret, 0)).code);
    await page.getByRole('button', { name: 'Confirm' }).click();
    await expect(page.getByTestId('recovery-codes').locator('li')).toHaveCount(10);
    await page.getByRole('button', { name: 'I have saved my recovery codes' }).click();

    await expect(page).toHaveURL(/#\/patients/);
    await expect(page.getByTestId('clinic-name')).toHaveText('Juniper Wellness');
  } finally {
    await owner.query(`UPDATE clinics SET mfa_required = false WHERE id = ${clinic}`, [CLINICIAN]);
    await owner.end();
  }
});
