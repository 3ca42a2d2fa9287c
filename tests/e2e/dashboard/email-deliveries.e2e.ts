import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD } from '../demo-accounts';
import { DashboardSignInPage } from '../pages/dashboard.page';
import { REFUSED_DOMAIN } from '../support/mailbox';

const API_URL = process.env.API_URL ?? 'http://127.0.0.1:3100';

const HARBOURSIDE_OWNER = 'owner@harbourside.example';

test('an owner sees an invitation that could not be delivered among the failed emails', async ({
  page,
  request,
}) => {
  const recipient = `mistyped.${Date.now()}@${REFUSED_DOMAIN}`;
  const owner = await request.post(`${API_URL}/api/v1/auth/sign-in`, {
    data: { email: HARBOURSIDE_OWNER, password: DEMO_PASSWORD },
  });
  expect(owner.ok()).toBe(true);
  const { accessToken } = (await owner.json()) as { accessToken: string };
  const invited = await request.post(`${API_URL}/api/v1/staff/invitations`, {
    headers: { authorization: `Bearer ${accessToken}` },
    data: { email: recipient, displayName: 'Mistyped Address', role: 'clinician' },
  });
  expect(invited.status()).toBe(201);

  await new DashboardSignInPage(page).signIn(HARBOURSIDE_OWNER, DEMO_PASSWORD);
  await page.getByRole('menuitem', { name: 'Email deliveries' }).click();
  await expect(page).toHaveURL(/#\/email-deliveries/);
  await expect(page.getByRole('combobox', { name: 'Status' })).toHaveText('Failed');

  const row = page.getByRole('row').filter({ hasText: recipient });
  await expect(async () => {
    await page.reload();
    await expect(row).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await expect(row).toContainText('550');
});

test('a clinician has no email deliveries to open', async ({ page }) => {
  await new DashboardSignInPage(page).signIn('clinician@harbourside.example', DEMO_PASSWORD);

  await expect(page.getByTestId('clinic-name')).toBeVisible();
  await expect(page.getByRole('menuitem', { name: 'Email deliveries' })).toHaveCount(0);
});
