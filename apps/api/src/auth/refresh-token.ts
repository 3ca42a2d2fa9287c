import { isUuid } from '@ivks/server';
import { isSecret } from '../common/secret-token';

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

export function encodeRefreshToken(token: RefreshToken): string {
  return [token.clinicId, token.userId, token.sessionId, token.secret].join('.');
}

export function decodeRefreshToken(value: string | undefined): RefreshToken | null {
  const parts = value?.split('.') ?? [];
  if (parts.length !== 4) {
    return null;
  }
  const [clinicId = '', userId = '', sessionId = '', secret = ''] = parts;
  if (!isUuid(clinicId) || !isUuid(userId) || !isUuid(sessionId) || !isSecret(secret)) {
    return null;
  }

  return { clinicId, userId, sessionId, secret };
}
