import { expect, type Locator, type Page } from '@playwright/test';

export class PatientSharingPage {
  readonly heading: Locator;

  constructor(private readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Sharing' });
  }

  async open(): Promise<void> {
    await this.page
      .getByRole('navigation', { name: 'Main menu' })
      .getByRole('link', { name: 'Sharing' })
      .click();
    await expect(this.heading).toBeVisible();
  }

  section(name: string): Locator {
    return this.page.getByRole('region', { name });
  }

  /** Makes a link in the named section and returns the address it shows. */
  async makeLink(section: string, button: RegExp): Promise<string> {
    await this.section(section).getByRole('button', { name: button }).click();
    const url = this.section(section).locator('.share-url code');
    await expect(url).toBeVisible();

    return (await url.textContent()) ?? '';
  }

  async stopLink(section: string): Promise<void> {
    await this.section(section).getByRole('button', { name: 'Stop this link' }).click();
    await expect(this.section(section).getByRole('button', { name: 'Stop this link' })).toHaveCount(
      0,
    );
  }
}
