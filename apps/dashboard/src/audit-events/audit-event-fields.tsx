import type {
  AuditAction,
  AuditActorRole,
  AuditEvent,
  AuditSubjectType,
  SessionRevocationReason,
  SignInFailureReason,
} from '@ivks/contracts';
import { useRecordContext } from 'react-admin';
import { useClinicTimeZone } from '../layout/use-clinic-time-zone';
import { formatInZone } from '../time/format-in-zone';

export const ACTION_LABELS: Record<AuditAction, string> = {
  'auth.signed_in': 'Signed in',
  'auth.sign_in_failed': 'Sign-in failed',
  'auth.signed_out': 'Signed out',
  'auth.sessions_revoked': 'Sessions ended',
  'auth.password_changed': 'Changed their password',
  'auth.password_reset_requested': 'A password reset link was emailed',
  'auth.password_reset': 'Reset their password by email',
  'auth.mfa_enabled': 'Turned on two-step sign-in',
  'auth.mfa_disabled': 'Turned off two-step sign-in',
  'auth.recovery_code_used': 'Signed in with a recovery code',
  'patient.viewed': 'Viewed a patient’s record',
  'patient.invitation_sent': 'Invited a patient to the portal',
  'patient.invitation_resent': 'Sent a patient a new invitation',
  'patient.invitation_accepted': 'A patient accepted their invitation',
  'patient.discharged': 'Discharged a patient',
  'patient.readmitted': 'Readmitted a patient',
  'journal.viewed': 'Read a journal entry a patient shared',
  'journal.exported': 'Exported their own journal',
  'clinic.created': 'Signed the clinic up',
  'clinic.settings_changed': 'Changed the clinic’s settings',
  'staff.invited': 'Invited a staff member',
  'staff.invitation_resent': 'Sent a staff invitation again',
  'staff.invitation_revoked': 'Withdrew a staff invitation',
  'staff.invitation_accepted': 'Joined the staff',
  'staff.role_changed': 'Changed a staff member’s role',
  'staff.deactivated': 'Deactivated a staff member',
  'staff.reactivated': 'Reactivated a staff member',
};

const REASONS: Record<SignInFailureReason | SessionRevocationReason, string> = {
  wrong_password: 'wrong password',
  not_a_member: 'not a member of this clinic',
  refresh_token_reused: 'an old sign-in token was used again',
  signed_out_everywhere: 'signed out everywhere',
  password_changed: 'the password was changed',
  password_reset: 'the password was reset',
};

const ROLE_LABELS: Record<AuditActorRole, string> = {
  owner: 'owner',
  admin: 'admin',
  clinician: 'clinician',
  patient: 'patient',
  system: 'the portal',
};

const SUBJECT_LABELS: Record<AuditSubjectType, string> = {
  user: 'Account',
  patient: 'Patient',
  clinic: 'Clinic',
  staff_invitation: 'Staff invitation',
};

/** The action in plain words, with its reason when it has one. */
export function describeAction(event: Pick<AuditEvent, 'action' | 'details'>): string {
  const reason = event.details.reason;
  const because =
    typeof reason === 'string' && Object.hasOwn(REASONS, reason)
      ? REASONS[reason as keyof typeof REASONS]
      : null;

  return because === null
    ? ACTION_LABELS[event.action]
    : `${ACTION_LABELS[event.action]}: ${because}`;
}

/** Who acted: their name and role, the portal itself, or nobody signed in. */
export function describeActor(
  event: Pick<AuditEvent, 'actorName' | 'actorRole' | 'actorUserId'>,
): string {
  if (event.actorRole === 'system') {
    return 'The portal';
  }
  if (event.actorUserId === null) {
    return 'Nobody signed in';
  }
  const name = event.actorName ?? 'Someone no longer in the clinic';

  return event.actorRole === null ? name : `${name} (${ROLE_LABELS[event.actorRole]})`;
}

/** What the event was about: a person by name, else the kind of record and the start of its id. */
export function describeSubject(
  event: Pick<AuditEvent, 'subjectType' | 'subjectId' | 'subjectName'>,
): string {
  if (event.subjectType === null || event.subjectId === null) {
    return '—';
  }

  return `${SUBJECT_LABELS[event.subjectType]}: ${event.subjectName ?? event.subjectId.slice(0, 8)}`;
}

/** When, on the clinic's clock. */
export function OccurredAtField(_props: { label?: string; sortable?: boolean }) {
  const event = useRecordContext<AuditEvent>();
  const timeZone = useClinicTimeZone();

  if (event === undefined || timeZone === undefined) {
    return null;
  }

  return <span>{formatInZone(event.occurredAt, timeZone)}</span>;
}
