import type { Role } from '@ivks/contracts';
import type { TenantScope } from '@ivks/server';

/** The signed-in identity a verified access token carries. */
export interface AuthUser {
  userId: string;
  clinicId: string;
  membershipId: string;
  sessionId: string;
  /** The sign-in the session belongs to; every rotation of its refresh token keeps it. */
  familyId: string;
  role: Role;
  /** The clinic requires a second factor this staff member has not set up yet. */
  mfaEnrolmentPending: boolean;
}

export interface AccessTokenClaims {
  sub: string;
  cid: string;
  mid: string;
  sid: string;
  fid: string;
  role: Role;
  /** Present, as `enrol`, only while enrolment in a required second factor is pending. */
  mfa?: 'enrol';
}

export function scopeOf(user: AuthUser): TenantScope {
  return { clinicId: user.clinicId, userId: user.userId, role: user.role };
}
