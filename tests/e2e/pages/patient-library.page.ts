import { expect, type Locator, type Page } from '@playwright/test';

/** The main menu that every signed-in page shows under the header. */
export class PatientMainMenu {
  readonly menu: Locator;

  constructor(page: Page) {
    this.menu = page.getByRole('navigation', { name: 'Main menu' });
  }

  async open(name: 'Today' | 'Library' | 'Music'): Promise<void> {
    await this.menu.getByRole('link', { name, exact: true }).click();
  }
}

export class PatientLibraryPage {
  readonly heading: Locator;
  readonly results: Locator;
  readonly resultsCount: Locator;

  constructor(private readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Library' });
    this.results = page.locator('.content-list > li');
    this.resultsCount = page.getByRole('main').getByRole('status');
  }

  async expectLoaded(): Promise<void> {
    await expect(this.page).toHaveURL(/\/library(\?.*)?$/);
    await expect(this.heading).toBeVisible();
  }

  kindFilter(name: string): Locator {
    return this.page
      .getByRole('list', { name: 'What kind' })
      .getByRole('link', { name, exact: true });
  }

  async filterByKind(name: string): Promise<void> {
    await this.kindFilter(name).click();
    await expect(this.kindFilter(name)).toHaveAttribute('aria-current', 'true');
  }

  async openItem(title: string): Promise<void> {
    await this.results.getByRole('link', { name: title, exact: true }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  }
}

export class PatientPacer {
  readonly region: Locator;
  readonly cue: Locator;
  readonly circle: Locator;

  constructor(page: Page) {
    this.region = page.getByRole('region', { name: 'Breathe along' });
    this.cue = this.region.locator('[aria-live="polite"]');
    this.circle = this.region.locator('.pacer__circle');
  }

  async start(): Promise<void> {
    await this.region.getByRole('button', { name: 'Start' }).click();
  }

  async stop(): Promise<void> {
    await this.region.getByRole('button', { name: 'Stop' }).click();
  }
}
