import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD, JUNIPER } from '../demo-accounts';
import { DashboardSignInPage, PatientListPage } from '../pages/dashboard.page';
import { PatientCarePage, ReadinessBoardPage } from '../pages/patient-care.page';
import { PatientPlanPage, PatientTaskPage } from '../pages/patient-plan.page';
import { PatientReadinessPanel } from '../pages/patient-readiness.page';
import { PatientSignInPage } from '../pages/patient-sign-in.page';
import { DASHBOARD_URL, PATIENT_URL } from '../playwright.config';

/** A wall-clock date and time a few minutes ahead, in a zone: "today" there, for the test. */
function minutesAhead(minutes: number, timeZone: string): { date: string; time: string } {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(Date.now() + minutes * 60_000));
  const part = (type: string) => parts.find((candidate) => candidate.type === type)?.value ?? '';

  return {
    date: `${part('year')}-${part('month')}-${part('day')}`,
    time: `${part('hour')}:${part('minute')}`,
  };
}

test('an infusion today: the clinician plans it, the patient gets ready, the clinic sees it', async ({
  browser,
}) => {
  const slot = minutesAhead(3, JUNIPER.timeZone);
  test.skip(slot.time < '00:05', 'The infusion would fall on tomorrow’s date in the clinic.');

  const dashboard = await browser.newPage({ baseURL: DASHBOARD_URL });
  const care = new PatientCarePage(dashboard);
  await new DashboardSignInPage(dashboard).signIn(JUNIPER.clinician, DEMO_PASSWORD);
  const patients = new PatientListPage(dashboard);
  await patients.expectLoaded();
  await patients.open(JUNIPER.patients.sam);
  await care.scheduleCourse([slot]);
  await expect(care.notification('One infusion scheduled.')).toBeVisible();
  await care.applyPathway('Six-infusion course');
  await expect(care.notification(/Pathway applied: \d+ new assignments\./)).toBeVisible();

  const patient = await browser.newPage({ baseURL: PATIENT_URL });
  await new PatientSignInPage(patient).open();
  await new PatientSignInPage(patient).signIn(JUNIPER.patients.sam, DEMO_PASSWORD);
  await new PatientReadinessPanel(patient).confirmAll();

  const plan = new PatientPlanPage(patient);
  const task = new PatientTaskPage(patient);
  await plan.open();
  await plan.openFirstOpenTask('Getting ready for your infusion');
  const saved = task.tickSaved();
  await task.entry('Arrange a ride home with someone you trust.').check();
  await saved;
  await task.expectSaved();

  const board = new ReadinessBoardPage(dashboard);
  await board.openFromMenu();
  await board.showDay(slot.date);
  const row = board.rowOf('Sam');
  await expect(row).toContainText('Ride arranged: yes');
  await expect(row).not.toContainText('Not yet');
  await expect(row).toContainText(/[1-9]\d* of \d+ ticked/);

  await patient.close();
  await dashboard.close();
});
