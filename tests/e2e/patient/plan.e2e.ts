import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD, HARBOURSIDE } from '../demo-accounts';
import { PatientPlanPage, PatientTaskPage } from '../pages/patient-plan.page';
import { PatientSignInPage } from '../pages/patient-sign-in.page';
import { PatientTodayPage } from '../pages/patient-today.page';

const CHECKLIST = 'Getting ready for your infusion';
const RIDE = 'Arrange a ride home with someone you trust.';
const CLOTHES = 'Pick out comfortable clothes, with a soft layer on top.';

test.describe('a patient works through her plan', () => {
  test.beforeEach(async ({ page }) => {
    const signIn = new PatientSignInPage(page);

    await signIn.open();
    await signIn.signIn(HARBOURSIDE.patients.maya, DEMO_PASSWORD);
    await new PatientTodayPage(page).expectLoaded();
  });

  test('ticks a checklist, keeps a tick made offline, and finds both saved after a reload', async ({
    page,
    context,
  }) => {
    const plan = new PatientPlanPage(page);
    const task = new PatientTaskPage(page);

    await plan.open();
    await plan.openLastTask(CHECKLIST);
    // Start from a clean list, whatever an earlier run left behind.
    await task.untickAndSave(RIDE);
    await task.untickAndSave(CLOTHES);

    const rideSaved = task.tickSaved();
    await task.tick(RIDE);
    await rideSaved;
    await task.expectSaved();

    await context.setOffline(true);
    await task.tick(CLOTHES);
    await expect(task.entry(CLOTHES)).toBeChecked();
    await expect(task.notSavedNote(CLOTHES)).toBeVisible();

    const clothesSaved = task.tickSaved();
    await context.setOffline(false);
    await clothesSaved;
    await expect(task.notSavedNote(CLOTHES)).toHaveCount(0);
    await task.expectSaved();

    await page.reload();
    await expect(task.entry(RIDE)).toBeChecked();
    await expect(task.entry(CLOTHES)).toBeChecked();

    // Leave Maya's list as the seed made it, for the next run and the other specs.
    await task.untickAndSave(RIDE);
    await task.untickAndSave(CLOTHES);
  });
});
