import {
  applyDecorators,
  type CanActivate,
  type ExecutionContext,
  Global,
  Inject,
  Injectable,
  Module,
  SetMetadata,
  UseGuards,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { isUuid, REDIS } from '@ivks/server';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { AppException } from './app.exception';

export interface RateLimitWindow {
  points: number;
  durationSeconds: number;
}

export interface RateLimitRule {
  /**
   * `requests` counts every call as it arrives. `failures` counts a call only while it is being
   * decided, and afterwards only if the service counted it as a failure with `RateLimits.fail`,
   * so that a person who gets it right is never slowed down.
   */
  counts: 'requests' | 'failures';
  perAddress: RateLimitWindow;
  /** Keyed by the account the request is about: the `email` in its body, lower-cased. */
  perAccount?: RateLimitWindow;
  /** What the person can do instead of waiting, added to the refusal. */
  meanwhile?: string;
}

const MINUTE = 60;
const HOUR = 60 * MINUTE;

/**
 * Every limit in one place, so operations can read what a caller may do. Per-address windows
 * are wide because a clinic's staff often share one address.
 */
export const RATE_LIMIT_RULES = {
  sign_in: {
    counts: 'failures',
    perAddress: { points: 100, durationSeconds: 15 * MINUTE },
    perAccount: { points: 10, durationSeconds: 15 * MINUTE },
    meanwhile: 'If you have forgotten your password, reset it: a reset lets you in at once.',
  },
  password_reset: {
    counts: 'requests',
    perAddress: { points: 20, durationSeconds: HOUR },
    perAccount: { points: 5, durationSeconds: HOUR },
    meanwhile: 'The reset links already emailed to you still work: use the newest one.',
  },
  password_reset_confirm: {
    counts: 'failures',
    perAddress: { points: 30, durationSeconds: HOUR },
  },
  mfa_manage: {
    counts: 'requests',
    perAddress: { points: 30, durationSeconds: 15 * MINUTE },
  },
  password_change: {
    counts: 'failures',
    perAddress: { points: 30, durationSeconds: HOUR },
  },
  invitation: {
    counts: 'requests',
    perAddress: { points: 60, durationSeconds: HOUR },
    perAccount: { points: 5, durationSeconds: HOUR },
    meanwhile: 'The newest link already emailed still works.',
  },
  invitation_accept: {
    counts: 'failures',
    perAddress: { points: 30, durationSeconds: HOUR },
  },
  sign_up: {
    counts: 'requests',
    perAddress: { points: 10, durationSeconds: HOUR },
    perAccount: { points: 3, durationSeconds: HOUR },
  },
} satisfies Record<string, RateLimitRule>;

export type RateLimitName = keyof typeof RATE_LIMIT_RULES;

/** Who a request is counted against. */
export interface RateLimitKeys {
  address: string;
  account?: string | null;
}

const KEY_PREFIX = 'ivks:rate-limit';
const RATE_LIMIT_NAME = 'ivks:rate-limit';

interface Limiter {
  window: RateLimitWindow;
  store: RateLimiterRedis;
}

function limiterFor(redis: Redis, name: string, window: RateLimitWindow, scope: string): Limiter {
  const options = {
    keyPrefix: `${KEY_PREFIX}:${name}:${scope}`,
    points: window.points,
    duration: window.durationSeconds,
  };

  return {
    window,
    store: new RateLimiterRedis({
      ...options,
      storeClient: redis,
      // A Redis outage falls back to counting in this process rather than to no limit at all.
      rejectIfRedisNotReady: true,
      insuranceLimiter: new RateLimiterMemory(options),
    }),
  };
}

/** Counts requests and failures in Redis, shared by every API process. */
@Injectable()
export class RateLimits {
  private readonly limiters = new Map<string, { address: Limiter; account?: Limiter }>();
  private readonly meanwhile = new Map<string, string | undefined>();

  constructor(@Inject(REDIS) private readonly redis: Redis) {
    for (const [name, rule] of Object.entries(RATE_LIMIT_RULES) as [string, RateLimitRule][]) {
      this.limiters.set(name, {
        address: limiterFor(redis, name, rule.perAddress, 'address'),
        ...(rule.perAccount && { account: limiterFor(redis, name, rule.perAccount, 'account') }),
      });
      this.meanwhile.set(name, rule.meanwhile);
    }
  }

  /** Counts one request; refuses it with `rate_limited` once a window is full. */
  async hit(name: RateLimitName, keys: RateLimitKeys): Promise<void> {
    for (const [limiter, key] of this.pairs(name, keys)) {
      try {
        await limiter.store.consume(key);
      } catch (refusal) {
        throw toRateLimited(refusal, this.meanwhile.get(name));
      }
    }
  }

  /**
   * Holds a place in each window while an attempt is decided, and refuses the attempt when a
   * window is full, so that attempts sent all at once are counted before any of them has failed.
   * Call the returned function once the attempt is decided to give the places back; a failure
   * is counted on its own with `fail`.
   */
  async reserve(name: RateLimitName, keys: RateLimitKeys): Promise<() => Promise<void>> {
    const held: [Limiter, string][] = [];
    const release = async () => {
      await Promise.all(held.map(([limiter, key]) => limiter.store.reward(key)));
    };
    for (const [limiter, key] of this.pairs(name, keys)) {
      try {
        await limiter.store.consume(key);
        held.push([limiter, key]);
      } catch (refusal) {
        if (refusal instanceof RateLimiterRes) {
          // A refused consume still counted its point.
          held.push([limiter, key]);
        }
        await release();
        throw toRateLimited(refusal, this.meanwhile.get(name));
      }
    }

    return release;
  }

  /** Counts one failure; once a window is full, `reserve` refuses until it has passed. */
  async fail(name: RateLimitName, keys: RateLimitKeys): Promise<void> {
    for (const [limiter, key] of this.pairs(name, keys)) {
      await limiter.store.penalty(key);
    }
  }

  /** Forgets the failures of one account, as when its owner proves who they are another way. */
  async clearAccount(name: RateLimitName, account: string): Promise<void> {
    await this.limiters.get(name)?.account?.store.delete(normalAccount(account));
  }

  /** Forgets every count; for tests that start from a clean slate. */
  async clearAll(): Promise<void> {
    const keys = await this.redis.keys(`${KEY_PREFIX}:*`);
    if (keys.length > 0) {
      await this.redis.del(...keys);
    }
  }

  private pairs(name: RateLimitName, keys: RateLimitKeys): [Limiter, string][] {
    const limiters = this.limiters.get(name);
    if (!limiters) {
      throw new Error(`unknown rate limit ${name}`);
    }
    const pairs: [Limiter, string][] = [[limiters.address, keys.address]];
    if (limiters.account && keys.account) {
      pairs.push([limiters.account, normalAccount(keys.account)]);
    }

    return pairs;
  }
}

function normalAccount(account: string): string {
  return account.trim().toLowerCase();
}

/** How long to wait, in words a person reads in the error message. */
export function describeWait(seconds: number): string {
  if (seconds < 60) {
    return seconds <= 1 ? '1 second' : `${seconds} seconds`;
  }
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 60) {
    return minutes === 1 ? '1 minute' : `${minutes} minutes`;
  }
  const hours = Math.ceil(minutes / 60);

  return hours === 1 ? '1 hour' : `${hours} hours`;
}

function toRateLimited(refusal: unknown, meanwhile: string | undefined): unknown {
  if (!(refusal instanceof RateLimiterRes)) {
    return refusal;
  }
  const retryAfterSeconds = Math.max(1, Math.ceil(refusal.msBeforeNext / 1000));
  const wait = `Too many attempts. Please try again in ${describeWait(retryAfterSeconds)}.`;

  return new AppException('rate_limited', meanwhile ? `${wait} ${meanwhile}` : wait, {
    retryAfterSeconds,
  });
}

/**
 * Whom or what a request is about, for the per-account window: the email its body names, else
 * the record its token or its address names (an invitation, say), so that one person's inbox
 * cannot be flooded from many addresses or by one busy caller.
 */
function subjectOf(request: FastifyRequest): string | null {
  const body: unknown = request.body;
  if (body && typeof body === 'object') {
    if ('email' in body && typeof body.email === 'string') {
      // Normalised as validation will, so that padding an email does not make it another account.
      const email = normalAccount(body.email);

      return email.length > 0 && email.length <= 320 ? email : null;
    }
    if ('token' in body && typeof body.token === 'string') {
      const [recordId = ''] = body.token.split('.');

      return isUuid(recordId) ? recordId : null;
    }
  }
  const params = request.params as Record<string, unknown> | undefined;
  const recordId = Object.values(params ?? {}).find(
    (value): value is string => typeof value === 'string' && isUuid(value),
  );

  return recordId ?? null;
}

/** Applies the route's named limit to the caller's address and to what the request is about. */
@Injectable()
export class RateLimitGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly limits: RateLimits,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const name = this.reflector.get<RateLimitName | undefined>(
      RATE_LIMIT_NAME,
      context.getHandler(),
    );
    if (!name) {
      return true;
    }
    const http = context.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const keys = { address: request.ip, account: subjectOf(request) };
    try {
      if (RATE_LIMIT_RULES[name].counts === 'requests') {
        await this.limits.hit(name, keys);
      } else {
        const release = await this.limits.reserve(name, keys);
        // A place left held for want of Redis only counts until its window passes.
        http
          .getResponse<FastifyReply>()
          .raw.once('close', () => void release().catch(() => undefined));
      }
    } catch (error) {
      if (error instanceof AppException && error.code === 'rate_limited') {
        void http
          .getResponse<FastifyReply>()
          .header('retry-after', String(error.details?.['retryAfterSeconds']));
      }
      throw error;
    }

    return true;
  }
}

/**
 * Limits the route by the caller's address, and by the account or record the request is about
 * (see `subjectOf`). Over the limit the answer is 429 `rate_limited` with a Retry-After header.
 */
export const RateLimit = (name: RateLimitName) =>
  applyDecorators(
    SetMetadata(RATE_LIMIT_NAME, name),
    UseGuards(RateLimitGuard),
    ApiTooManyRequestsResponse({
      description: 'rate_limited: too many attempts; the Retry-After header says when to retry.',
    }),
  );

/** Provides the limits to every module; imported once by the app module. */
@Global()
@Module({ providers: [RateLimits, RateLimitGuard], exports: [RateLimits, RateLimitGuard] })
export class RateLimitModule {}
