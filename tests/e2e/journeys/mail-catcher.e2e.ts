import { expect, test } from '@playwright/test';
import { createTransport } from 'nodemailer';
import { firstLink, MAIL_CATCHER_URL, waitForEmail } from '../support/mailbox';

const SMTP_PORT = Number(process.env.MAIL_CATCHER_SMTP_PORT ?? 1025);

/** The catcher that every email spec reads from, checked on its own. */
test('the mail catcher shows what it receives, and the mailbox helper finds it', async ({
  page,
}) => {
  const to = `catcher.${Date.now()}@test.example`;
  const after = new Date();
  await createTransport({ host: '127.0.0.1', port: SMTP_PORT, secure: false }).sendMail({
    from: 'Patient portal <no-reply@portal.localhost>',
    to,
    subject: 'Something is waiting <for you>',
    text: 'Open it here: http://127.0.0.1:4200/welcome?code=abc.\n\nNothing else.',
    html: '<p>Open it <a href="http://127.0.0.1:4200/welcome?code=abc">here</a>.</p>',
  });

  const message = await waitForEmail({ to, subject: /^Something is waiting/, after });
  expect(message.to).toEqual([to]);
  expect(firstLink(message)).toBe('http://127.0.0.1:4200/welcome?code=abc');

  await page.goto(MAIL_CATCHER_URL);
  await page.getByRole('link', { name: 'Something is waiting <for you>' }).first().click();
  await expect(
    page.getByRole('heading', { name: 'Something is waiting <for you>', level: 1 }),
  ).toBeVisible();
  await expect(
    page.getByRole('link', { name: 'http://127.0.0.1:4200/welcome?code=abc', exact: true }),
  ).toBeVisible();
  await expect(page.frameLocator('iframe[title="HTML body"]').getByText('here')).toBeVisible();
});
