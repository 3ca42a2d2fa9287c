import type { StaffRole } from './roles';

/** A clinician assigned to a patient; only the care team may read what the patient shares. */
export interface CareTeamMember {
  membershipId: string;
  name: string;
  role: StaffRole;
  addedAt: string;
}

export interface CareTeam {
  patientId: string;
  members: CareTeamMember[];
}

/** Replaces the whole team: staff memberships of the clinic, none repeated. */
export interface SetCareTeamRequest {
  membershipIds: string[];
}
