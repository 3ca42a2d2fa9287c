import { expect, type Locator, type Page } from '@playwright/test';

export class DashboardSignInPage {
  constructor(private readonly page: Page) {}

  async signIn(email: string, password: string): Promise<void> {
    await this.page.goto('/');
    await this.page.getByRole('textbox', { name: 'Email', exact: true }).fill(email);
    await this.page.getByRole('textbox', { name: 'Password', exact: true }).fill(password);
    await this.page.getByRole('button', { name: 'Sign in' }).click();
  }
}

export class PatientListPage {
  readonly rows: Locator;
  readonly clinicName: Locator;

  constructor(private readonly page: Page) {
    this.rows = page.locator('table tbody tr');
    this.clinicName = page.getByTestId('clinic-name');
  }

  async expectLoaded(): Promise<void> {
    await expect(this.page).toHaveURL(/#\/patients/);
    await expect(this.rows.first()).toBeVisible();
  }

  async emails(): Promise<string[]> {
    return this.page.locator('table tbody td.column-email').allInnerTexts();
  }

  async open(email: string): Promise<void> {
    await this.rows.filter({ hasText: email }).click();
  }
}

/** The enrolment form a clinician fills in for a new patient. */
export class PatientEnrolmentPage {
  constructor(private readonly page: Page) {}

  async enrol(patient: { givenName: string; familyName: string; email: string }): Promise<void> {
    await this.page.getByRole('link', { name: 'Enrol patient' }).click();
    await this.page.getByRole('textbox', { name: 'Given name' }).fill(patient.givenName);
    await this.page.getByRole('textbox', { name: 'Family name' }).fill(patient.familyName);
    await this.page.getByRole('textbox', { name: 'Email' }).fill(patient.email);
    await this.page.getByRole('button', { name: 'Save' }).click();
    await expect(this.page).toHaveURL(/#\/patients\/[^/]+\/show$/);
    await expect(this.page.getByText('Not yet accepted')).toBeVisible();
  }
}
