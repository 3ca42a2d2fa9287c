import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD, HARBOURSIDE } from '../demo-accounts';
import { PatientLibraryPage, PatientMainMenu, PatientPacer } from '../pages/patient-library.page';
import { PatientMusicPage } from '../pages/patient-music.page';
import { PatientSignInPage } from '../pages/patient-sign-in.page';
import { PatientTodayPage } from '../pages/patient-today.page';

test.describe('a patient finds support in the library and music', () => {
  test.beforeEach(async ({ page }) => {
    const signIn = new PatientSignInPage(page);

    await signIn.open();
    await signIn.signIn(HARBOURSIDE.patients.maya, DEMO_PASSWORD);
    await new PatientTodayPage(page).expectLoaded();
  });

  test('filters the library by kind, opens a breathing exercise and starts the pacer', async ({
    page,
  }) => {
    const library = new PatientLibraryPage(page);
    const pacer = new PatientPacer(page);

    await new PatientMainMenu(page).open('Library');
    await library.expectLoaded();
    await library.filterByKind('Calming exercises');

    await expect(page).toHaveURL(/\/library\?kind=exercise$/);
    await expect(library.results.first()).toContainText('Calming exercise');
    await expect(library.resultsCount).toHaveText(/^Showing \d+ items?$/);

    await library.openItem('Box breathing');
    await expect(pacer.cue).toHaveText('When you are ready, press Start.');
    await pacer.start();
    await expect(pacer.cue).toHaveText('Breathe in…');
    await pacer.stop();

    // The filter lives in the address, so going back shows the same filtered list.
    await page.goBack();
    await expect(library.kindFilter('Calming exercises')).toHaveAttribute('aria-current', 'true');
  });

  test('with reduced motion the pacer shows the words without a moving circle', async ({
    page,
  }) => {
    const pacer = new PatientPacer(page);

    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.getByRole('link', { name: 'Calm now' }).click();
    await pacer.start();

    await expect(pacer.cue).toHaveText('Breathe in…');
    await expect(pacer.circle).toHaveCount(0);
  });

  test('lists playlists by moment, with their tracks and Listen links', async ({ page }) => {
    const music = new PatientMusicPage(page);

    await new PatientMainMenu(page).open('Music');
    await music.expectLoaded();

    const playlist = music.moment('During an infusion').getByRole('article').first();
    await expect(playlist.getByRole('heading', { level: 3 })).toBeVisible();
    await expect(music.tracks(playlist).first()).toContainText(/\d+:\d{2}/);

    const listen = music.listenLinks(playlist).first();
    await expect(listen).toHaveAttribute('target', '_blank');
    await expect(listen).toHaveAttribute('rel', 'noopener noreferrer');
    await expect(page.locator('audio, video')).toHaveCount(0);
  });
});
