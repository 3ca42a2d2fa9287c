import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const ALGORITHM = 'aes-256-gcm';
const FORMAT_V1 = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const HEADER_BYTES = 1 + IV_BYTES + TAG_BYTES;

export const KEY_BYTES = 32;

/** Raised when a sealed value was changed, or is opened with another key or context. */
export class DecryptionError extends Error {
  constructor() {
    super('The value could not be decrypted: wrong key, wrong context or altered.');
    this.name = 'DecryptionError';
  }
}

/**
 * Encrypts with AES-256-GCM under a fresh random nonce. `context` is authenticated but not
 * stored: it must be given again to open the value, so a value copied to a record whose context
 * differs (another clinic, another row) cannot be opened there. Layout: format byte, nonce, tag,
 * ciphertext.
 */
export function seal(key: Buffer, plaintext: Buffer, context: string): Buffer {
  if (key.length !== KEY_BYTES) {
    throw new RangeError(`An AES-256 key has ${KEY_BYTES} bytes, not ${key.length}.`);
  }
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(context, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);

  return Buffer.concat([Buffer.of(FORMAT_V1), iv, cipher.getAuthTag(), ciphertext]);
}

/** Opens what `seal` made with the same key and context, or throws `DecryptionError`. */
export function open(key: Buffer, sealed: Buffer, context: string): Buffer {
  if (key.length !== KEY_BYTES || sealed.length < HEADER_BYTES || sealed[0] !== FORMAT_V1) {
    throw new DecryptionError();
  }
  const iv = sealed.subarray(1, 1 + IV_BYTES);
  const tag = sealed.subarray(1 + IV_BYTES, HEADER_BYTES);
  const decipher = createDecipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
  decipher.setAAD(Buffer.from(context, 'utf8'));
  decipher.setAuthTag(tag);
  try {
    return Buffer.concat([decipher.update(sealed.subarray(HEADER_BYTES)), decipher.final()]);
  } catch {
    throw new DecryptionError();
  }
}
