import type { ListQuery } from './pagination';

export const PATIENT_STATUSES = ['invited', 'active', 'discharged'] as const;
export type PatientStatus = (typeof PATIENT_STATUSES)[number];

export const PATIENT_SORT_FIELDS = [
  'familyName',
  'givenName',
  'enrolledAt',
  'nextInfusionAt',
  'status',
] as const;
export type PatientSortField = (typeof PATIENT_SORT_FIELDS)[number];

export type PatientListQuery = ListQuery<PatientSortField> & { q?: string; status?: PatientStatus };

export interface PatientSummary {
  id: string;
  givenName: string;
  familyName: string;
  email: string;
  timeZone: string;
  status: PatientStatus;
  enrolledAt: string;
  /** The next scheduled infusion as an ISO 8601 instant, or null when none is scheduled. */
  nextInfusionAt: string | null;
  completedInfusions: number;
  scheduledInfusions: number;
  /** When the latest invitation was sent, or null when none was (a patient seeded directly). */
  invitationSentAt: string | null;
}

export interface PatientDetail extends PatientSummary {
  phone: string | null;
  dischargedAt: string | null;
  infusions: Infusion[];
}

export interface EnrolPatientRequest {
  givenName: string;
  familyName: string;
  email: string;
  timeZone: string;
  phone?: string;
  /**
   * Membership ids of clinicians of the clinic. By default the enrolling clinician; a clinician
   * who enrols must be on it, since a clinician sees only the patients of their care teams.
   */
  careTeam?: string[];
}

/** A clinician of the clinic who can be put on a patient's care team. */
export interface ClinicianChoice {
  membershipId: string;
  name: string;
}

export const INFUSION_STATUSES = ['scheduled', 'completed', 'cancelled'] as const;
export type InfusionStatus = (typeof INFUSION_STATUSES)[number];

export interface Infusion {
  id: string;
  patientId: string;
  /** ISO 8601 instant in UTC. */
  scheduledAt: string;
  durationMinutes: number;
  status: InfusionStatus;
}

/** How long an infusion may be planned to last, in minutes. */
export const INFUSION_MINUTES = { min: 10, max: 480 } as const;

export interface ScheduleInfusionRequest {
  scheduledAt: string;
  durationMinutes?: number;
}

/** The most infusions one request may schedule: a course and its boosters. */
export const MAX_COURSE_INFUSIONS = 24;

/** Schedules several infusions of a patient's course at once; all of them, or none. */
export interface ScheduleCourseRequest {
  infusions: ScheduleInfusionRequest[];
}

export interface ScheduledCourse {
  infusions: Infusion[];
}

/** Moves an infusion, changes its length, or both; its open assignments move with it. */
export interface RescheduleInfusionRequest {
  scheduledAt?: string;
  durationMinutes?: number;
}

/** What a patient sees first when they open the app. */
export interface TodayView {
  patient: { id: string; givenName: string; familyName: string; timeZone: string };
  clinic: { name: string; phone: string | null; timeZone: string };
  nextInfusion: Infusion | null;
  completedInfusions: number;
  totalInfusions: number;
}
