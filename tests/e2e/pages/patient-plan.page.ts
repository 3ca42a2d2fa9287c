import { expect, type Locator, type Page } from '@playwright/test';

export const NOT_SAVED_YET = 'Not saved yet — we’ll keep trying.';

export class PatientPlanPage {
  readonly heading: Locator;

  constructor(private readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Your plan' });
  }

  async open(): Promise<void> {
    await this.page
      .getByRole('navigation', { name: 'Main menu' })
      .getByRole('link', { name: 'Plan', exact: true })
      .click();
    await expect(this.page).toHaveURL(/\/plan$/);
    await expect(this.heading).toBeVisible();
  }

  /**
   * Opens the last task with this title: it belongs to the last infusion of the course, which is
   * still ahead on whatever day the demo was seeded.
   */
  async openLastTask(title: string): Promise<void> {
    await this.page
      .getByRole('main')
      .getByRole('link', { name: title, exact: true })
      .last()
      .click();
    await expect(this.page).toHaveURL(/\/plan\/[0-9a-f-]{36}$/);
    await expect(this.page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  }

  /** Opens the soonest task with this title that is not done yet. */
  async openFirstOpenTask(title: string): Promise<void> {
    await this.page
      .getByRole('main')
      .getByRole('listitem')
      .filter({ hasText: 'Not done yet' })
      .getByRole('link', { name: title, exact: true })
      .first()
      .click();
    await expect(this.page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  }
}

export class PatientTaskPage {
  readonly saveStatus: Locator;

  constructor(private readonly page: Page) {
    this.saveStatus = page.getByRole('main').locator('[aria-live="polite"]');
  }

  entry(label: string): Locator {
    return this.page.getByRole('checkbox', { name: label, exact: true });
  }

  /** The quiet note beside an entry whose tick the server has not confirmed yet. */
  notSavedNote(label: string): Locator {
    return this.page
      .getByRole('listitem')
      .filter({ has: this.entry(label) })
      .getByText(NOT_SAVED_YET);
  }

  async expectSaved(): Promise<void> {
    await expect(this.saveStatus).toHaveText(/^Saved at \d{1,2}:\d{2} (am|pm)\.$/);
  }

  /** Resolves when the server has accepted the next tick of a checklist entry. */
  tickSaved(): Promise<unknown> {
    return this.page.waitForResponse(
      (response) =>
        response.request().method() === 'PUT' &&
        response.url().includes('/checklist/') &&
        response.ok(),
    );
  }

  async tick(label: string): Promise<void> {
    await this.entry(label).check();
  }

  /** Clears an entry a run before may have left ticked, and waits until the server has it. */
  async untickAndSave(label: string): Promise<void> {
    if (await this.entry(label).isChecked()) {
      const saved = this.tickSaved();
      await this.entry(label).uncheck();
      await saved;
      await this.expectSaved();
    }
  }
}
