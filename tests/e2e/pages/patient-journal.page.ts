import { expect, type Locator, type Page } from '@playwright/test';

/** The patient's journal: the list, the writing page and one entry's page. */
export class PatientJournalPage {
  readonly crisisResources: Locator;

  constructor(private readonly page: Page) {
    this.crisisResources = page.getByRole('region', { name: 'You do not have to hold this alone' });
  }

  async open(): Promise<void> {
    await this.page
      .getByRole('navigation', { name: 'Main menu' })
      .getByRole('link', { name: 'Journal' })
      .click();
    await expect(this.page.getByRole('heading', { level: 1, name: 'Journal' })).toBeVisible();
  }

  async startEntry(): Promise<void> {
    await this.page.getByRole('link', { name: 'Write an entry' }).click();
    await expect(
      this.page.getByRole('heading', { level: 1, name: 'Write an entry' }),
    ).toBeVisible();
    await expect(this.page.getByText('Only you can see this.')).toBeVisible();
  }

  async write(text: string): Promise<void> {
    await this.page.getByRole('textbox', { name: 'Your words' }).fill(text);
  }

  /** Saves the entry and returns its id, from the address of the page it opens. */
  async save(): Promise<string> {
    await this.page.getByRole('button', { name: 'Save entry' }).click();
    await expect(
      this.page.getByRole('status').filter({ hasText: 'Your entry is saved.' }),
    ).toBeVisible();
    const match = /\/journal\/entries\/([0-9a-f-]{36})$/.exec(this.page.url());
    if (match?.[1] === undefined) {
      throw new Error(`Saving did not open the entry's page: ${this.page.url()}`);
    }

    return match[1];
  }

  async share(): Promise<void> {
    await this.page.getByRole('button', { name: 'Share with my care team' }).click();
    await expect(
      this.page.getByText(/Your care team can read this entry until you stop/),
    ).toBeVisible();
    await this.page.getByRole('button', { name: 'I agree, share this entry' }).click();
    await expect(this.page.getByRole('button', { name: 'Stop sharing this entry' })).toBeVisible();
  }

  async stopSharing(): Promise<void> {
    await this.page.getByRole('button', { name: 'Stop sharing this entry' }).click();
    await expect(this.page.getByRole('button', { name: 'Share with my care team' })).toBeVisible();
  }

  region(name: string): Locator {
    return this.page.getByRole('region', { name });
  }

  async delete(): Promise<void> {
    await this.page.getByRole('button', { name: 'Delete this entry' }).click();
    await this.page.getByRole('button', { name: 'Yes, delete it' }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: 'Journal' })).toBeVisible();
  }
}
