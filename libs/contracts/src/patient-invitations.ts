/** What an invitation link can still do, as its page shows it. */
export const PATIENT_INVITATION_STATUSES = ['pending', 'expired', 'accepted', 'revoked'] as const;
export type PatientInvitationStatus = (typeof PATIENT_INVITATION_STATUSES)[number];

/** How long an invitation link works after it is sent. */
export const PATIENT_INVITATION_TTL_DAYS = 7;

/** What the invitation page may know before the patient signs in, and nothing more. */
export interface PatientInvitationView {
  status: PatientInvitationStatus;
  clinicName: string;
  givenName: string;
}

/**
 * Accepts an invitation. A new account gets this password; when the email already has an
 * account, it must be that account's current password.
 */
export interface AcceptPatientInvitationRequest {
  token: string;
  password: string;
}

/** The account is ready: sign in with its email and the clinic named here. */
export interface AcceptedPatientInvitation {
  email: string;
  clinicId: string;
}

export interface FreshPatientInvitationRequest {
  token: string;
}

/** The same answer whatever the token, so that it tells nobody which links exist. */
export interface FreshPatientInvitationAnswer {
  message: string;
}

/** When the patient's latest invitation was sent, and until when it works. */
export interface PatientInvitationSent {
  sentAt: string;
  expiresAt: string;
}
