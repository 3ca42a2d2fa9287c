import type { Page } from './pagination';
import type { Role } from './roles';

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
  'patient.viewed',
  'journal.viewed',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/**
 * Why a sign-in with the email of a real account failed: the password was wrong, or it was right
 * for a clinic the account does not belong to.
 */
export type SignInFailureReason = 'wrong_password' | 'not_a_member';

/** Why every session of one sign-in was ended at once. */
export type SessionRevocationReason = 'refresh_token_reused';

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
  'patient.viewed': NoDetails;
  /** The subject is the patient whose entry was read. */
  'journal.viewed': { entryId: string };
}

export type AuditDetails<A extends AuditAction = AuditAction> = AuditDetailsByAction[A];

/** The kinds of record an event can be about. */
export const AUDIT_SUBJECT_TYPES = ['user', 'patient'] as const;
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
