import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { isUuid } from '@ivks/server';

/**
 * A refresh token names the clinic, user and session it belongs to, so that it can be looked up
 * under that clinic's row-level security, plus a random secret of which only a hash is stored.
 */
export interface RefreshToken {
  clinicId: string;
  userId: string;
  sessionId: string;
  secret: string;
}

export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

export function hashSecret(secret: string): Buffer {
  return createHash('sha256').update(secret).digest();
}

export function secretMatches(secret: string, storedHash: Buffer): boolean {
  const offered = hashSecret(secret);

  return offered.length === storedHash.length && timingSafeEqual(offered, storedHash);
}

export function encodeRefreshToken(token: RefreshToken): string {
  return [token.clinicId, token.userId, token.sessionId, token.secret].join('.');
}

export function decodeRefreshToken(value: string | undefined): RefreshToken | null {
  const parts = value?.split('.') ?? [];
  if (parts.length !== 4) {
    return null;
  }
  const [clinicId = '', userId = '', sessionId = '', secret = ''] = parts;
  if (!isUuid(clinicId) || !isUuid(userId) || !isUuid(sessionId) || !/^[\w-]{43}$/.test(secret)) {
    return null;
  }

  return { clinicId, userId, sessionId, secret };
}
