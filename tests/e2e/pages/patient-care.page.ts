import { expect, type Locator, type Page } from '@playwright/test';

export interface NewPatient {
  givenName: string;
  familyName: string;
  email: string;
}

/** The dashboard's enrolment form; the patient's time zone starts as the clinic's. */
export class EnrolPatientPage {
  constructor(private readonly page: Page) {}

  /** Starts from the patient list, so the clinic's zone is known when the form opens. */
  async enrol(patient: NewPatient): Promise<void> {
    await expect(this.page.getByTestId('clinic-name')).toBeVisible();
    await this.page.getByRole('link', { name: 'Enrol patient' }).click();
    await this.page.getByLabel('Given name').fill(patient.givenName);
    await this.page.getByLabel('Family name').fill(patient.familyName);
    await this.page.getByLabel('Email').fill(patient.email);
    await this.page.getByRole('button', { name: 'Save' }).click();
    await expect(this.page).toHaveURL(/#\/patients\/[^/]+\/show$/);
  }
}

/** The patient's page: their infusions, the course and pathway forms, and their assignments. */
export class PatientCarePage {
  readonly infusionRows: Locator;
  readonly assignmentGroups: Locator;

  constructor(private readonly page: Page) {
    this.infusionRows = page
      .locator('tbody tr')
      .filter({ has: page.locator('td.column-durationMinutes') });
    this.assignmentGroups = page.getByTestId('assignment-group');
  }

  /** Fills one row per infusion, adding rows as needed, and submits the course. */
  async scheduleCourse(infusions: { date: string; time: string }[]): Promise<void> {
    // Rows are counted below, and counting does not wait: let the form appear first.
    await expect(this.page.getByLabel('Infusion 1 date', { exact: true })).toBeVisible();
    for (const [index, infusion] of infusions.entries()) {
      const date = this.page.getByLabel(`Infusion ${index + 1} date`, { exact: true });
      if ((await date.count()) === 0) {
        await this.page.getByRole('button', { name: 'Add another infusion' }).click();
      }
      await date.fill(infusion.date);
      await this.page.getByLabel(`Infusion ${index + 1} time`, { exact: true }).fill(infusion.time);
    }
    await this.page.getByRole('button', { name: 'Schedule course' }).click();
  }

  async applyPathway(name: string): Promise<void> {
    await this.page.getByRole('combobox', { name: /Pathway/ }).selectOption({ label: name });
    await this.page.getByRole('button', { name: 'Apply pathway' }).click();
  }

  notification(text: string | RegExp): Locator {
    return this.page.getByText(text);
  }
}

/** The readiness board of one day, on the clinic's clock. */
export class ReadinessBoardPage {
  readonly heading: Locator;
  readonly day: Locator;
  readonly rows: Locator;

  constructor(private readonly page: Page) {
    this.heading = page.getByRole('heading', { name: 'Who is ready' });
    this.day = page.getByLabel('Day', { exact: true });
    this.rows = page.getByTestId('readiness-row');
  }

  async openFromMenu(): Promise<void> {
    await this.page.getByRole('menuitem', { name: 'Readiness' }).click();
    await expect(this.heading).toBeVisible();
  }

  async showDay(date: string): Promise<void> {
    await this.day.fill(date);
  }

  rowOf(patientName: string): Locator {
    return this.rows.filter({ hasText: patientName });
  }
}
