import { expect, test } from '@playwright/test';
import { DashboardSignInPage, PatientEnrolmentPage } from '../pages/dashboard.page';
import {
  AcceptInvitationPage,
  ClinicSignUpPage,
  SecondFactorEnrolmentPage,
  StaffPage,
  VerifyEmailPage,
} from '../pages/dashboard-onboarding.page';
import { PatientSignInPage } from '../pages/patient-sign-in.page';
import { PatientTodayPage } from '../pages/patient-today.page';
import { DASHBOARD_URL, PATIENT_URL } from '../playwright.config';
import { firstLink, waitForEmail } from '../support/mailbox';

test('a new clinic signs up, its first clinician joins and enrols a patient, who accepts and signs in', async ({
  browser,
}) => {
  const tag = Date.now().toString(36);
  const clinic = {
    name: `Cedar Grove ${tag}`,
    timeZone: 'America/Chicago',
    owner: { email: `owner.${tag}@cedar.example`, password: 'cedar grove owner passphrase' },
    clinician: {
      email: `clinician.${tag}@cedar.example`,
      password: 'cedar grove clinician passphrase',
    },
    patient: { email: `patient.${tag}@cedar.example`, password: 'willow stream evening walk' },
  };

  const ownerPage = await browser.newPage({ baseURL: DASHBOARD_URL });
  const signedUpAt = new Date();
  await new ClinicSignUpPage(ownerPage).signUp({
    clinicName: clinic.name,
    timeZone: clinic.timeZone,
    phone: '+1 312 555 0142',
    ownerName: 'Rowan Owner',
    email: clinic.owner.email,
    password: clinic.owner.password,
  });

  const verification = await waitForEmail({
    to: clinic.owner.email,
    subject: /confirm your email/i,
    after: signedUpAt,
  });
  expect(verification.text).not.toMatch(/infusion|treatment|journal/i);
  await ownerPage.goto(firstLink(verification));
  const verified = new VerifyEmailPage(ownerPage);
  await verified.expectClinicReady();

  await verified.goToSignIn();
  await new DashboardSignInPage(ownerPage).signIn(clinic.owner.email, clinic.owner.password);
  // New clinics require two-step sign-in, so the first sign-in sets it up.
  await new SecondFactorEnrolmentPage(ownerPage).enrol();
  await expect(ownerPage.getByTestId('clinic-name')).toHaveText(clinic.name);

  const staff = new StaffPage(ownerPage);
  await staff.open();
  await expect(staff.member(clinic.owner.email)).toContainText('Owner');
  const invitedAt = new Date();
  await staff.invite('Sage Clinician', clinic.clinician.email, 'Clinician');

  const invitation = await waitForEmail({
    to: clinic.clinician.email,
    subject: /invited to join/i,
    after: invitedAt,
  });
  const clinicianPage = await browser.newPage({ baseURL: DASHBOARD_URL });
  await clinicianPage.goto(firstLink(invitation));
  const accept = new AcceptInvitationPage(clinicianPage);
  await accept.join(clinic.name, clinic.clinician.password);
  await accept.goToSignIn();
  await new DashboardSignInPage(clinicianPage).signIn(
    clinic.clinician.email,
    clinic.clinician.password,
  );
  await new SecondFactorEnrolmentPage(clinicianPage).enrol();

  await ownerPage.reload();
  await expect(staff.member(clinic.clinician.email)).toContainText('Active');

  await expect(clinicianPage.getByTestId('clinic-name')).toHaveText(clinic.name);
  const enrolledAt = new Date();
  await new PatientEnrolmentPage(clinicianPage).enrol({
    givenName: 'Ash',
    familyName: 'Patient',
    email: clinic.patient.email,
  });

  const patientInvitation = await waitForEmail({
    to: clinic.patient.email,
    subject: /invited you/,
    after: enrolledAt,
  });
  expect(patientInvitation.text).not.toMatch(/infusion|treatment|journal|ketamine/i);
  const patientPage = await browser.newPage({ baseURL: PATIENT_URL });
  await patientPage.goto(firstLink(patientInvitation));
  await expect(patientPage.getByText(`${clinic.name} has invited you`)).toBeVisible();
  await patientPage.getByLabel('Choose a password').fill(clinic.patient.password);
  await patientPage.getByRole('button', { name: 'Set up my account' }).click();
  const today = new PatientTodayPage(patientPage);
  await today.expectLoaded();

  await patientPage.getByRole('button', { name: 'Sign out' }).click();
  const signIn = new PatientSignInPage(patientPage);
  await signIn.open();
  await signIn.signIn(clinic.patient.email, clinic.patient.password);
  await today.expectLoaded();

  await clinicianPage.goto('/#/patients');
  await expect(
    clinicianPage.locator('table tbody tr', { hasText: clinic.patient.email }),
  ).not.toContainText('Not yet accepted');
});
