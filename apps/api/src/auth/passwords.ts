import { hash, verify } from '@node-rs/argon2';

/**
 * OWASP's recommended minimum for argon2id (the library's default variant): 19 MiB of memory,
 * 2 passes, 1 lane. The parameters are stored in each hash.
 */
const PARAMETERS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, PARAMETERS);
}

export function verifyPassword(storedHash: string, password: string): Promise<boolean> {
  return verify(storedHash, password);
}

let decoy: Promise<string> | undefined;

/**
 * Spends the same time as a real check when the email is unknown, so the answer's timing does
 * not tell whether an account exists.
 */
export async function verifyAgainstDecoy(password: string): Promise<false> {
  decoy ??= hashPassword('decoy password that no account has');
  await verify(await decoy, password);

  return false;
}
