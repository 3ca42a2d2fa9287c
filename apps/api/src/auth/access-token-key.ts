import { createSecretKey, type KeyObject } from 'node:crypto';
import { type AppConfig, ConfigError, JWT_SECRET_REQUIRED } from '@ivks/server';

/**
 * The HMAC key that signs and verifies access tokens, made once. Handing jsonwebtoken a string
 * makes it try, and fail, to parse the string as a public key on every verification, which
 * costs more than the rest of the request's authentication.
 */
export function accessTokenKey(config: AppConfig): KeyObject {
  if (!config.JWT_SECRET) {
    throw new ConfigError([JWT_SECRET_REQUIRED]);
  }

  return createSecretKey(Buffer.from(config.JWT_SECRET, 'utf8'));
}
