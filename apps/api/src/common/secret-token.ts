import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { isUuid } from '@ivks/server';

/**
 * Tokens that travel in links and cookies are a row's id and a random secret. Only a hash of the
 * secret is stored, so a copy of the database opens nothing.
 */
export interface SecretToken {
  id: string;
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

export function isSecret(value: string): boolean {
  return /^[\w-]{43}$/.test(value);
}

export function encodeSecretToken(token: SecretToken): string {
  return `${token.id}.${token.secret}`;
}

/** Null for anything that is not an id and a secret, so a mangled link is simply not found. */
export function decodeSecretToken(value: string | undefined): SecretToken | null {
  const [id = '', secret = '', ...rest] = value?.split('.') ?? [];
  if (rest.length > 0 || !isUuid(id) || !isSecret(secret)) {
    return null;
  }

  return { id, secret };
}
