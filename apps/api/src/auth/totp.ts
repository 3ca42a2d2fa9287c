import { randomInt } from 'node:crypto';
import { generateSecret, generateURI, verify } from 'otplib';
import { hashSecret } from '../common/secret-token';

const ISSUER = 'IV Ketamine Support';

/**
 * Codes of the step before and after the current one are accepted too, for a phone whose clock
 * is a little off and for the seconds it takes to type.
 */
const TOLERANCE_SECONDS = 30;

export function newTotpSecret(): string {
  return generateSecret();
}

export function otpauthUri(secret: string, accountName: string): string {
  return generateURI({ issuer: ISSUER, label: accountName, secret });
}

/**
 * The time step a code belongs to when it is right and newer than `afterTimeStep`, or null.
 * Remembering the step makes each code single use.
 */
export async function acceptedTimeStep(
  secret: string,
  code: string,
  afterTimeStep: number | null,
  nowMs: number,
): Promise<number | null> {
  if (!/^\d{6}$/.test(code)) {
    return null;
  }
  const result = await verify({
    secret,
    token: code,
    epoch: Math.floor(nowMs / 1000),
    epochTolerance: TOLERANCE_SECONDS,
    ...(afterTimeStep !== null && { afterTimeStep }),
  });

  return result.valid && 'timeStep' in result ? result.timeStep : null;
}

export const RECOVERY_CODE_COUNT = 10;
const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** A code to type from paper: twelve letters and digits that are hard to confuse, in groups of four (about 59 bits). */
export function newRecoveryCode(): string {
  const characters = Array.from({ length: 12 }, () =>
    RECOVERY_ALPHABET.charAt(randomInt(RECOVERY_ALPHABET.length)),
  );

  return [0, 4, 8].map((start) => characters.slice(start, start + 4).join('')).join('-');
}

/** Case, spaces and dashes do not matter when a recovery code is typed back. */
export function hashRecoveryCode(code: string): Buffer {
  return hashSecret(code.toLowerCase().replace(/[\s-]/g, ''));
}
