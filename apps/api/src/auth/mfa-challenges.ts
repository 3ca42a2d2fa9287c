import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Role } from '@ivks/contracts';
import { REDIS } from '@ivks/server';
import type { Redis } from 'ioredis';
import {
  decodeSecretToken,
  encodeSecretToken,
  hashSecret,
  newSecret,
  secretMatches,
} from '../common/secret-token';

/** Between the password and the code: long enough to open the app and type, no longer. */
export const MFA_CHALLENGE_TTL_SECONDS = 300;
const KEY_PREFIX = 'ivks:mfa-challenge';

/** Who proved their password and still owes a second factor. */
export interface MfaChallenge {
  userId: string;
  email: string;
  clinicId: string;
  membershipId: string;
  role: Role;
}

interface StoredChallenge extends MfaChallenge {
  secretHash: string;
}

/** Short-lived, single-use tokens for the second step of a sign-in, kept in Redis. */
@Injectable()
export class MfaChallenges {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  async issue(challenge: MfaChallenge): Promise<string> {
    const id = randomUUID();
    const secret = newSecret();
    const stored: StoredChallenge = {
      ...challenge,
      secretHash: hashSecret(secret).toString('hex'),
    };
    await this.redis.set(keyOf(id), JSON.stringify(stored), 'EX', MFA_CHALLENGE_TTL_SECONDS);

    return encodeSecretToken({ id, secret });
  }

  /** The challenge a token stands for, while it is unexpired and unused. */
  async find(token: string): Promise<(MfaChallenge & { id: string }) | null> {
    const decoded = decodeSecretToken(token);
    if (!decoded) {
      return null;
    }
    const raw = await this.redis.get(keyOf(decoded.id));
    if (!raw) {
      return null;
    }
    const { secretHash, ...challenge } = JSON.parse(raw) as StoredChallenge;
    if (!secretMatches(decoded.secret, Buffer.from(secretHash, 'hex'))) {
      return null;
    }

    return { ...challenge, id: decoded.id };
  }

  /** Spends the challenge; false when another request spent it first. */
  async spend(id: string): Promise<boolean> {
    return (await this.redis.del(keyOf(id))) === 1;
  }
}

function keyOf(id: string): string {
  return `${KEY_PREFIX}:${id}`;
}
