import { KEY_BYTES } from './aes-gcm';

/** A key-encryption key from configuration; it wraps the clinics' data keys and nothing else. */
export interface MasterKey {
  id: string;
  key: Buffer;
}

/**
 * Used when MASTER_KEYS is not set outside production, so that a developer's machine and the
 * tests run without a secret. It is published in this file: never use it for real data.
 */
export const DEVELOPMENT_MASTER_KEY: MasterKey = {
  id: 'development-only-not-secret',
  key: Buffer.from('ZGV2ZWxvcG1lbnQtb25seS1ub3Qtc2VjcmV0LWtleSE=', 'base64'),
};

const KEY_ID = /^[A-Za-z0-9._-]{1,100}$/;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/**
 * Reads `id:base64` pairs separated by commas, the current key first. Returns the keys, or the
 * problem to report; a problem never quotes a key.
 */
export function parseMasterKeys(value: string): MasterKey[] | string {
  const keys: MasterKey[] = [];
  const entries = value.split(',').map((entry) => entry.trim());
  for (const [index, entry] of entries.entries()) {
    const separator = entry.indexOf(':');
    const id = separator > 0 ? entry.slice(0, separator) : '';
    const encoded = entry.slice(separator + 1);
    if (!KEY_ID.test(id)) {
      return `entry ${index + 1} must start with a key id of letters, digits, . _ or - and a colon`;
    }
    const key = BASE64.test(encoded) ? Buffer.from(encoded, 'base64') : Buffer.alloc(0);
    if (key.length !== KEY_BYTES) {
      return `key ${id} must be ${KEY_BYTES} bytes in base64 (openssl rand -base64 32)`;
    }
    if (keys.some((known) => known.id === id)) {
      return `key id ${id} appears twice`;
    }
    keys.push({ id, key });
  }

  return keys;
}
