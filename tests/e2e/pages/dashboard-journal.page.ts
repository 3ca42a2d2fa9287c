import { expect, type Locator, type Page } from '@playwright/test';

/** The dashboard's shared journal: the feed and one shared entry. */
export class DashboardJournalPage {
  readonly text: Locator;

  constructor(private readonly page: Page) {
    this.text = page.getByTestId('journal-text');
  }

  async openFeed(): Promise<void> {
    await this.page.getByRole('menuitem', { name: 'Shared journal' }).click();
    await expect(
      this.page.getByRole('heading', { level: 1, name: 'Shared journal' }),
    ).toBeVisible();
  }

  /** Opens the entry from the feed, which records the read for the patient. */
  async openEntry(entryId: string): Promise<void> {
    await this.page.locator(`a[href$="/journal/${entryId}"]`).click();
    await expect(this.text).toBeVisible();
  }

  /** Opens the entry from its item on the needs-attention list. */
  async openFromNeedsAttention(entryId: string): Promise<void> {
    await this.page.getByRole('menuitem', { name: 'Needs attention' }).click();
    await this.page.locator(`li[data-kind="shared_entry"] a[href$="/journal/${entryId}"]`).click();
    await expect(this.text).toBeVisible();
  }

  async reply(patientName: string, text: string): Promise<void> {
    await this.page.getByRole('textbox', { name: `Reply to ${patientName}` }).fill(text);
    await this.page.getByRole('button', { name: 'Send reply' }).click();
    await expect(this.page.getByRole('region', { name: 'Replies' })).toContainText(text);
  }

  async markReviewed(): Promise<void> {
    await this.page.getByRole('button', { name: 'Mark reviewed' }).click();
    await expect(this.page.getByRole('button', { name: 'Mark not reviewed' })).toBeVisible();
  }
}
