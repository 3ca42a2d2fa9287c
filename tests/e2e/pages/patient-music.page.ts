import { expect, type Locator, type Page } from '@playwright/test';

export class PatientMusicPage {
  readonly heading: Locator;

  constructor(private readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Music' });
  }

  async expectLoaded(): Promise<void> {
    await expect(this.page).toHaveURL(/\/music$/);
    await expect(this.heading).toBeVisible();
  }

  moment(name: 'Before an infusion' | 'During an infusion' | 'After an infusion'): Locator {
    return this.page.getByRole('region', { name });
  }

  tracks(playlist: Locator): Locator {
    return playlist.getByRole('listitem');
  }

  listenLinks(playlist: Locator): Locator {
    return playlist.getByRole('link', { name: /^Listen to .+ \(opens in a new tab\)$/ });
  }
}
