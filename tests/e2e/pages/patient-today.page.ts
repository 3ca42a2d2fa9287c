import { expect, type Locator, type Page } from '@playwright/test';

export class PatientTodayPage {
  readonly heading: Locator;
  readonly nextInfusion: Locator;
  readonly course: Locator;

  constructor(private readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Today' });
    this.nextInfusion = page.getByRole('region', { name: 'Your next infusion' });
    this.course = page.getByRole('region', { name: 'Your course', exact: true });
  }

  async expectLoaded(): Promise<void> {
    await expect(this.page).toHaveURL(/\/$/);
    await expect(this.heading).toBeVisible();
  }

  async openHelp(): Promise<void> {
    await this.page.getByRole('banner').getByRole('link', { name: 'Get help now' }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: 'Get help now' })).toBeVisible();
  }
}
