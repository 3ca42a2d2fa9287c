import type { Page } from './pagination';
import type { Role, StaffRole } from './roles';
import type { InvitableRole } from './staff';

/**
 * What the audit trail records, as `area.what_happened`. New kinds of event (invitations, role
 * changes, MFA changes, journal reads) are added here with the details they carry, and the
 * compiler then asks each place that names every action (such as the dashboard's labels) for it.
 */
export const AUDIT_ACTIONS = [
  'auth.signed_in',
  'auth.sign_in_failed',
  'auth.signed_out',
  'auth.sessions_revoked',
  'auth.password_changed',
  'auth.password_reset_requested',
  'auth.password_reset',
  'auth.mfa_enabled',
  'auth.mfa_disabled',
  'auth.recovery_code_used',
  'patient.viewed',
  'patient.invitation_sent',
  'patient.invitation_resent',
  'patient.invitation_accepted',
  'patient.discharged',
  'patient.readmitted',
  'journal.viewed',
  'journal.exported',
  'clinic.created',
  'clinic.settings_changed',
  'staff.invited',
  'staff.invitation_resent',
  'staff.invitation_revoked',
  'staff.invitation_accepted',
  'staff.role_changed',
  'staff.deactivated',
  'staff.reactivated',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/**
 * Why a sign-in with the email of a real account failed: the password was wrong, or it was right
 * for a clinic the account does not belong to.
 */
export type SignInFailureReason = 'wrong_password' | 'not_a_member';

/** Why every session of one sign-in was ended at once. */
export type SessionRevocationReason =
  'refresh_token_reused' | 'signed_out_everywhere' | 'password_changed' | 'password_reset';

type NoDetails = Record<string, never>;

/**
 * The details each action carries: a few fixed facts, never health information, a password, a
 * token, or anything a patient wrote.
 */
export interface AuditDetailsByAction {
  'auth.signed_in': NoDetails;
  'auth.sign_in_failed': { reason: SignInFailureReason };
  'auth.signed_out': NoDetails;
  'auth.sessions_revoked': { reason: SessionRevocationReason };
  'auth.password_changed': NoDetails;
  /** Recorded for a real account only; the requester is not known. */
  'auth.password_reset_requested': NoDetails;
  'auth.password_reset': NoDetails;
  'auth.mfa_enabled': { method: 'totp' };
  'auth.mfa_disabled': { method: 'totp' };
  /** How many unused recovery codes are left after this one. */
  'auth.recovery_code_used': { remaining: number };
  'patient.viewed': NoDetails;
  /** The subject is the patient; sent when they are enrolled. */
  'patient.invitation_sent': NoDetails;
  /** A new link replaced the old one, asked for by staff or by the patient from a dead link. */
  'patient.invitation_resent': { requestedBy: 'staff' | 'patient' };
  /** The portal linked the patient's account; `existingAccount` when the email had one already. */
  'patient.invitation_accepted': { existingAccount: boolean };
  'patient.discharged': { withdrawnAssignments: number };
  'patient.readmitted': NoDetails;
  /** The subject is the patient whose entry was read. */
  'journal.viewed': { entryId: string };
  /** The subject is the patient who exported their own journal; no words are recorded. */
  'journal.exported': { format: 'json' | 'html'; entries: number };
  /** The subject is the clinic; its owner, who signed it up, is the actor. */
  'clinic.created': NoDetails;
  /** Which settings changed, and the second-factor rule when it is one of them. */
  'clinic.settings_changed': { fields: string[]; mfaRequired?: boolean };
  /** The subject is the invitation. */
  'staff.invited': { role: InvitableRole };
  'staff.invitation_resent': NoDetails;
  'staff.invitation_revoked': NoDetails;
  /** The subject is the person who accepted, acting themselves. */
  'staff.invitation_accepted': { invitationId: string; role: InvitableRole };
  /** The subject is the staff member; their sessions end when they lose a role's rights. */
  'staff.role_changed': { from: StaffRole; to: StaffRole; sessionsEnded: number };
  'staff.deactivated': { sessionsEnded: number };
  'staff.reactivated': NoDetails;
}

export type AuditDetails<A extends AuditAction = AuditAction> = AuditDetailsByAction[A];

/** The kinds of record an event can be about. */
export const AUDIT_SUBJECT_TYPES = ['user', 'patient', 'clinic', 'staff_invitation'] as const;
export type AuditSubjectType = (typeof AUDIT_SUBJECT_TYPES)[number];

/** Who acted: a role of the clinic, or the portal itself (`system`). */
export type AuditActorRole = Role | 'system';

/** One event of a clinic's audit trail. */
export interface AuditEvent {
  /** The event's place in its clinic's trail: 1 for the first, then one more for each. */
  seq: number;
  /** ISO 8601 instant in UTC. */
  occurredAt: string;
  /** Null when nobody was signed in (a failed sign-in) or the portal acted by itself. */
  actorUserId: string | null;
  actorRole: AuditActorRole | null;
  /** The actor's name in the clinic, when they have one. */
  actorName: string | null;
  action: AuditAction;
  subjectType: AuditSubjectType | null;
  subjectId: string | null;
  /** The subject's name, for a person of the clinic. */
  subjectName: string | null;
  details: Record<string, unknown>;
  requestId: string | null;
  clientIp: string | null;
}

/** Newest first. `from` is inclusive and `to` exclusive, both ISO 8601 instants with an offset. */
export interface AuditEventListQuery {
  page?: number;
  perPage?: number;
  action?: AuditAction;
  actorUserId?: string;
  subjectId?: string;
  from?: string;
  to?: string;
}

export type AuditEventPage = Page<AuditEvent>;
