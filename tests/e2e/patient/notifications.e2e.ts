import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD } from '../demo-accounts';
import { PatientSignInPage } from '../pages/patient-sign-in.page';
import { waitForEmail } from '../support/mailbox';

const API_URL = process.env.API_URL ?? 'http://127.0.0.1:3100';
/** Alex, a Juniper patient whom no other spec schedules. */
const ALEX = { id: '3c9f8e40-0002-4c1e-9d6e-7d1b2f0a0002', email: 'alex@juniper.example' };
const JUNIPER_OWNER = 'owner@juniper.example';

test('a reminder arrives by email and under the bell, and the count clears once read', async ({
  page,
  request,
}) => {
  test.setTimeout(90_000);
  const signIn = new PatientSignInPage(page);
  await signIn.open();
  await signIn.signIn(ALEX.email, DEMO_PASSWORD);
  await expect(page.getByRole('link', { name: /^Notifications, / })).toBeVisible();

  // No quiet hours, so that a reminder due now is sent now, whatever the hour in Denver.
  await page.goto('/settings/notifications');
  await page.getByLabel('From').fill('00:00');
  await page.getByLabel('Until').fill('00:00');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('Your settings are saved.')).toBeVisible();

  const staff = await request.post(`${API_URL}/api/v1/auth/sign-in`, {
    data: { email: JUNIPER_OWNER, password: DEMO_PASSWORD },
  });
  expect(staff.ok()).toBe(true);
  const headers = {
    authorization: `Bearer ${((await staff.json()) as { accessToken: string }).accessToken}`,
  };
  const sentAfter = new Date();
  // 100 minutes from now: the morning reminder, two hours before it, is due at once, and the
  // day-before one was of use only until the day began.
  const scheduledAt = new Date(Date.now() + 100 * 60_000);
  scheduledAt.setSeconds(0, 0);
  const scheduled = await request.post(`${API_URL}/api/v1/patients/${ALEX.id}/infusions`, {
    headers,
    data: { scheduledAt: scheduledAt.toISOString() },
  });
  expect(scheduled.status()).toBe(201);
  const infusionId = ((await scheduled.json()) as { id: string }).id;

  try {
    const email = await waitForEmail({
      to: ALEX.email,
      subject: /waiting for you/,
      after: sentAfter,
      timeoutMs: 30_000,
    });
    expect(email.text).toContain('/settings/notifications');
    expect(`${email.subject} ${email.text}`.toLowerCase()).not.toMatch(/infusion|ketamine dose/);

    await page.goto('/');
    const bell = page.getByRole('link', { name: /^Notifications, \d+ unread$/ });
    await expect(bell).toBeVisible();
    await bell.click();

    await expect(page.getByRole('heading', { level: 1, name: 'Notifications' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Your infusion is today' }).first()).toBeVisible();
    await expect(page.getByRole('link', { name: 'Notifications, none unread' })).toBeVisible();
    await page.reload();
    await expect(page.getByRole('link', { name: 'Notifications, none unread' })).toBeVisible();
  } finally {
    await request.post(`${API_URL}/api/v1/infusions/${infusionId}/cancel`, { headers });
  }
});
