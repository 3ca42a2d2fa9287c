import { expect, type Locator, type Page } from '@playwright/test';
import { generate } from 'otplib';

export interface ClinicSignUp {
  clinicName: string;
  timeZone: string;
  phone: string;
  ownerName: string;
  email: string;
  password: string;
}

/** The dashboard's public sign-up form. */
export class ClinicSignUpPage {
  readonly sent: Locator;

  constructor(private readonly page: Page) {
    this.sent = page.getByTestId('sign-up-sent');
  }

  async signUp(details: ClinicSignUp): Promise<void> {
    await this.page.goto('/#/sign-up');
    await this.page.getByRole('textbox', { name: 'Clinic name' }).fill(details.clinicName);
    const zone = this.page.getByRole('combobox', { name: 'Time zone' });
    await zone.fill(details.timeZone);
    await this.page.getByRole('option', { name: details.timeZone, exact: true }).click();
    await this.page.getByRole('textbox', { name: 'Clinic phone' }).fill(details.phone);
    await this.page.getByRole('textbox', { name: 'Your name' }).fill(details.ownerName);
    await this.page.getByRole('textbox', { name: 'Your email' }).fill(details.email);
    await this.page.getByLabel('Choose a password').fill(details.password);
    await this.page.getByLabel('The same password again').fill(details.password);
    await this.page.getByRole('button', { name: 'Sign up' }).click();
    await expect(this.sent).toContainText(details.email);
  }
}

/** Where the verification link lands. */
export class VerifyEmailPage {
  constructor(private readonly page: Page) {}

  async expectClinicReady(): Promise<void> {
    await expect(this.page.getByTestId('verify-email-done')).toBeVisible();
  }

  async goToSignIn(): Promise<void> {
    await this.page.getByRole('link', { name: 'Sign in' }).click();
  }
}

/** The staff page of an owner or admin. */
export class StaffPage {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByRole('menuitem', { name: 'Staff' }).click();
    await expect(this.page.getByTestId('staff-members')).toBeVisible();
  }

  member(email: string): Locator {
    return this.page.getByTestId(`staff-member-${email}`);
  }

  invitation(email: string): Locator {
    return this.page.getByTestId(`staff-invitation-${email}`);
  }

  async invite(name: string, email: string, role: 'Admin' | 'Clinician'): Promise<void> {
    await this.page.getByRole('textbox', { name: 'Name' }).fill(name);
    await this.page.getByRole('textbox', { name: 'Email' }).fill(email);
    if (role !== 'Clinician') {
      await this.page.getByRole('combobox', { name: 'Role' }).click();
      await this.page.getByRole('option', { name: role }).click();
    }
    await this.page.getByRole('button', { name: 'Send invitation' }).click();
    await expect(this.invitation(email)).toBeVisible();
  }
}

/** Where an invitation's link lands. */
export class AcceptInvitationPage {
  constructor(private readonly page: Page) {}

  async join(clinicName: string, password: string): Promise<void> {
    await expect(
      this.page.getByRole('heading', { name: `Join ${clinicName}`, level: 1 }),
    ).toBeVisible();
    await this.page.getByLabel('Choose a password').fill(password);
    await this.page.getByRole('button', { name: 'Join the clinic' }).click();
    await expect(this.page.getByTestId('invitation-joined')).toBeVisible();
  }

  async goToSignIn(): Promise<void> {
    await this.page.getByRole('link', { name: 'Sign in' }).click();
  }
}

/**
 * The set-up of two-step sign-in that a clinic requiring it shows on first sign-in: the test
 * plays the authenticator app, computing codes from the key the page shows.
 */
export class SecondFactorEnrolmentPage {
  constructor(private readonly page: Page) {}

  async enrol(): Promise<string> {
    const secret = (await this.page.getByTestId('totp-secret').innerText()).trim();
    await this.page.getByRole('textbox', { name: '6-digit code' }).fill(await generate({ secret }));
    await this.page.getByRole('button', { name: 'Confirm' }).click();
    await expect(this.page.getByTestId('recovery-codes')).toBeVisible();
    await this.page.getByRole('button', { name: 'I have saved my recovery codes' }).click();

    return secret;
  }
}
