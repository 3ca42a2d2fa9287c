import type { StaffRole } from './roles';

/** The roles an invitation can give; a clinic gets a new owner by a change of role. */
export const INVITABLE_ROLES = ['admin', 'clinician'] as const;
export type InvitableRole = (typeof INVITABLE_ROLES)[number];

export type StaffMemberStatus = 'active' | 'deactivated';

/** One person on the clinic's staff. */
export interface StaffMember {
  membershipId: string;
  userId: string;
  displayName: string;
  email: string;
  role: StaffRole;
  status: StaffMemberStatus;
  joinedAt: string;
  deactivatedAt: string | null;
}

/** An invitation nobody has accepted or revoked; it may have expired. */
export interface StaffInvitation {
  id: string;
  email: string;
  displayName: string;
  role: InvitableRole;
  sentAt: string;
  expiresAt: string;
  expired: boolean;
}

export interface StaffList {
  members: StaffMember[];
  invitations: StaffInvitation[];
}

export interface InviteStaffRequest {
  email: string;
  displayName: string;
  role: InvitableRole;
}

export interface ChangeStaffRoleRequest {
  role: StaffRole;
}

export type StaffInvitationStatus = 'pending' | 'expired' | 'accepted' | 'revoked';

/** What the invited person sees on opening the link, before signing in. */
export interface StaffInvitationPreview {
  clinicName: string;
  email: string;
  displayName: string;
  role: InvitableRole;
  status: StaffInvitationStatus;
  /** False when the email already has an account: accepting then takes its current password. */
  needsPassword: boolean;
}

export interface AcceptStaffInvitationRequest {
  token: string;
  password: string;
}

export interface AcceptedStaffInvitation {
  clinicId: string;
  email: string;
}

export interface FreshStaffInvitationRequest {
  token: string;
}
