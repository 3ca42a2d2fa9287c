import type { Role } from './roles';

/**
 * The length a password must have, counted in characters. The API also refuses the passwords
 * guessed most often; the web apps check the length only to spare a round trip.
 */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 1024;

export interface SignInRequest {
  email: string;
  password: string;
  /** Needed only when the account belongs to more than one clinic. */
  clinicId?: string;
}

/**
 * The refresh token travels in an HttpOnly cookie scoped to the auth routes;
 * the body carries only the short-lived access token.
 */
export interface SessionResponse {
  accessToken: string;
  /** Seconds until the access token expires. */
  expiresIn: number;
  /**
   * The clinic requires a second factor and this staff member has none yet: until enrolment is
   * confirmed (then refresh), every route but enrolment answers 403 `mfa_enrolment_required`.
   */
  mfaEnrolmentRequired?: boolean;
}

/** The password was right; the sign-in completes at POST /auth/mfa with a code. */
export interface MfaChallengeResponse {
  mfaRequired: true;
  /** Single use, valid for five minutes. */
  mfaToken: string;
}

export type SignInResponse = SessionResponse | MfaChallengeResponse;

/** Exactly one of `code` (from the authenticator app) or `recoveryCode`. */
export interface MfaSignInRequest {
  mfaToken: string;
  code?: string;
  recoveryCode?: string;
}

export interface MfaStatus {
  totpEnabled: boolean;
  recoveryCodesLeft: number;
  requiredByClinic: boolean;
}

/** Shown once, to add the account to an authenticator app. */
export interface TotpEnrolment {
  secret: string;
  otpauthUri: string;
}

/** Shown once, when enrolment is confirmed; only hashes are kept. */
export interface RecoveryCodes {
  recoveryCodes: string[];
}

export interface ChangePasswordRequest {
  currentPassword: string;
  newPassword: string;
}

export interface PasswordResetRequest {
  email: string;
}

export interface PasswordResetConfirmRequest {
  token: string;
  password: string;
}

export interface ClinicSummary {
  id: string;
  name: string;
  timeZone: string;
  phone: string | null;
}

export interface Me {
  userId: string;
  email: string;
  displayName: string;
  role: Role;
  clinic: ClinicSummary;
  /** Set when the signed-in user is a patient. */
  patientId: string | null;
}
