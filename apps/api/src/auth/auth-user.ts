import type { Role } from '@ivks/contracts';
import type { TenantScope } from '@ivks/server';

/** The signed-in identity a verified access token carries. */
export interface AuthUser {
  userId: string;
  clinicId: string;
  membershipId: string;
  sessionId: string;
  role: Role;
}

export interface AccessTokenClaims {
  sub: string;
  cid: string;
  mid: string;
  sid: string;
  role: Role;
}

export function scopeOf(user: AuthUser): TenantScope {
  return { clinicId: user.clinicId, userId: user.userId, role: user.role };
}
