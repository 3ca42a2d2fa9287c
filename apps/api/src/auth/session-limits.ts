import type { Role } from '@ivks/contracts';

export interface SessionLimits {
  /** A session with no signed-in request for this long has ended. */
  idleMs: number;
  /** A sign-in lasts at most this long, however busy, refreshes included. */
  absoluteMs: number;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/**
 * Staff see every patient of the clinic, often on a shared workstation: half an hour idle, a
 * working day in all. Patients see only their own records, mostly on their own phone, and come
 * back to the journal between appointments: a day idle and a week in all. The refresh cookie's
 * own lifetime (REFRESH_TOKEN_TTL_HOURS) can end a session sooner.
 */
export function sessionLimitsFor(role: Role): SessionLimits {
  return role === 'patient'
    ? { idleMs: 24 * HOUR, absoluteMs: 7 * 24 * HOUR }
    : { idleMs: 30 * MINUTE, absoluteMs: 12 * HOUR };
}
