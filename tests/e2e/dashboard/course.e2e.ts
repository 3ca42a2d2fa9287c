import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD, HARBOURSIDE } from '../demo-accounts';
import { DashboardSignInPage } from '../pages/dashboard.page';
import { EnrolPatientPage, PatientCarePage, ReadinessBoardPage } from '../pages/patient-care.page';

const DEFAULT_PATHWAY = 'Six-infusion course';

/** A calendar day some days from now; the course is weeks away, whatever the clinic's zone. */
function daysFromNow(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

test.describe('a clinician plans a course', () => {
  test('schedules three infusions, applies the default pathway and sees who is ready', async ({
    page,
  }) => {
    // A new patient each run, so the course never clashes with one scheduled before.
    const stamp = Date.now().toString(36);
    const patient = {
      givenName: 'Robin',
      familyName: `Course ${stamp}`,
      email: `robin.${stamp}@harbourside.example`,
    };
    const course = [14, 16, 18].map((days) => ({ date: daysFromNow(days), time: '10:30' }));
    const care = new PatientCarePage(page);
    const readiness = new ReadinessBoardPage(page);

    await new DashboardSignInPage(page).signIn(HARBOURSIDE.clinician, DEMO_PASSWORD);
    await expect(page).toHaveURL(/#\/patients/);
    await new EnrolPatientPage(page).enrol(patient);

    await care.scheduleCourse(course);
    await expect(care.notification('3 infusions scheduled.')).toBeVisible();
    await expect(care.infusionRows).toHaveCount(3);

    await care.applyPathway(DEFAULT_PATHWAY);
    await expect(care.notification(/Pathway applied: \d+ new assignments\./)).toBeVisible();
    await expect(care.assignmentGroups.filter({ hasText: 'Infusion on' })).toHaveCount(3);
    await expect(care.assignmentGroups.first().getByText('Open').first()).toBeVisible();

    await readiness.openFromMenu();
    await expect(readiness.day).not.toHaveValue('');
    await readiness.showDay(course[0]?.date ?? '');
    const row = readiness.rowOf(`${patient.givenName} ${patient.familyName}`);
    await expect(row).toHaveCount(1);
    await expect(row).toContainText('10:30 am');
    await expect(row).toContainText('Ride arranged: not yet');
    await expect(row).toContainText('Not yet');

    await row.getByRole('link', { name: `${patient.givenName} ${patient.familyName}` }).click();
    await expect(page).toHaveURL(/#\/patients\/[^/]+\/show$/);
  });
});
