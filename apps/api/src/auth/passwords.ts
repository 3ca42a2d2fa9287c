import { hash, verify } from '@node-rs/argon2';

/**
 * argon2id (the library's default variant) above OWASP's recommended minimum of 19 MiB, 2 passes
 * and 1 lane: 24 MiB and 2 passes, which still hashes in tens of milliseconds on one core. The
 * parameters are stored in each hash, so raising them here upgrades each account at its next
 * sign-in (see `needsRehash`).
 */
export const PASSWORD_HASH_PARAMETERS = { memoryCost: 24_576, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, PASSWORD_HASH_PARAMETERS);
}

export function verifyPassword(storedHash: string, password: string): Promise<boolean> {
  return verify(storedHash, password);
}

const PHC_ARGON2 =
  /^\$(argon2(?:id|i|d))\$v=(\d+)\$m=(\d+),t=(\d+),p=(\d+)\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+$/;

/**
 * Whether a stored hash (a PHC string such as `$argon2id$v=19$m=19456,t=2,p=1$salt$hash`) was
 * made with weaker settings than today's, or in a form we do not recognise.
 */
export function needsRehash(storedHash: string): boolean {
  const match = PHC_ARGON2.exec(storedHash);
  if (!match) {
    return true;
  }
  const [, variant, version, memory, passes, lanes] = match;

  return (
    variant !== 'argon2id' ||
    Number(version) < 19 ||
    Number(memory) < PASSWORD_HASH_PARAMETERS.memoryCost ||
    Number(passes) < PASSWORD_HASH_PARAMETERS.timeCost ||
    Number(lanes) < PASSWORD_HASH_PARAMETERS.parallelism
  );
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
