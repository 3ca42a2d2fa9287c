import { expect, type Locator, type Page } from '@playwright/test';

/** The readiness questions Today asks on infusion day. */
export class PatientReadinessPanel {
  readonly region: Locator;

  constructor(private readonly page: Page) {
    this.region = page.getByRole('region', { name: 'Are you ready for today?' });
  }

  async confirmAll(): Promise<void> {
    for (const label of [
      'My ride home is arranged',
      'I have followed my clinic’s instructions for today',
      'The person taking me home knows the plan for the day',
    ]) {
      await this.region.getByRole('checkbox', { name: label, exact: true }).check();
    }
    await expect(this.region).toContainText('You’re all set. Your clinic can see you’re ready.');
  }
}
