import { expect, type Locator, type Page } from '@playwright/test';

export class PatientSignInPage {
  readonly email: Locator;
  readonly password: Locator;
  readonly errorSummary: Locator;

  constructor(private readonly page: Page) {
    this.email = page.getByLabel('Email address');
    this.password = page.getByLabel('Password', { exact: true });
    this.errorSummary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
  }

  async open(): Promise<void> {
    await this.page.goto('/sign-in');
    await expect(this.page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  }

  async signIn(email: string, password: string): Promise<void> {
    await this.email.fill(email);
    await this.password.fill(password);
    await this.page.getByRole('button', { name: 'Sign in' }).click();
  }
}
