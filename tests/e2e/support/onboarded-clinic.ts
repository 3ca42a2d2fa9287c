import { expect, type Page } from '@playwright/test';

/** A clinic that signed up in the dashboard during the test, and its staff. */
export interface OnboardedClinic {
  name: string;
  timeZone: string;
  owner: { email: string; password: string };
  clinician: { email: string; password: string };
}

/**
 * Where a journey that starts from a freshly onboarded clinic continues: the clinician is signed
 * in to the dashboard of a clinic with no patients yet, with two-step sign-in set up. The patient
 * invitation journey picks up here (enrol a patient, follow their invitation email in the
 * patient app).
 */
export async function continueWithFirstPatient(
  clinicianDashboard: Page,
  clinic: OnboardedClinic,
): Promise<void> {
  await expect(clinicianDashboard.getByTestId('clinic-name')).toHaveText(clinic.name);
}
