import type { Role } from './roles';

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
