import { Inject, Injectable } from '@nestjs/common';
import { REDIS } from '@ivks/server';
import type { Redis } from 'ioredis';
import type { SessionLimits } from './session-limits';

const KEY_PREFIX = 'ivks:session';

/**
 * Judges a session in one round trip: ended when its record is gone (signed out, revoked,
 * reset), idle for too long, or past its absolute end. When still alive and `touch` is 1, the
 * request counts as activity. Answers 1 alive, 0 ended.
 */
const CHECK_SCRIPT = `
local state = redis.call('HMGET', KEYS[1], 'seen', 'idle', 'deadline')
if not state[1] then return 0 end
local now = tonumber(ARGV[1])
if now - tonumber(state[1]) >= tonumber(state[2]) or now >= tonumber(state[3]) then
  redis.call('DEL', KEYS[1])
  return 0
end
if ARGV[2] == '1' then redis.call('HSET', KEYS[1], 'seen', ARGV[1]) end
return 1
`;

interface SessionCheckCommand {
  ivksSessionCheck(key: string, now: string, touch: string): Promise<number>;
}

/**
 * Which sign-ins (session families) are still alive, kept in Redis so that every signed-in
 * request can ask at the cost of one small script, and an ended sign-in stops working on its
 * very next request rather than when its access token expires.
 */
@Injectable()
export class SessionActivity {
  private readonly redis: Redis & SessionCheckCommand;

  constructor(@Inject(REDIS) redis: Redis) {
    if (!('ivksSessionCheck' in redis)) {
      redis.defineCommand('ivksSessionCheck', { numberOfKeys: 1, lua: CHECK_SCRIPT });
    }
    this.redis = redis as Redis & SessionCheckCommand;
  }

  async start(familyId: string, limits: SessionLimits, now: number): Promise<void> {
    const key = keyOf(familyId);
    await this.redis
      .multi()
      .hset(key, { seen: now, idle: limits.idleMs, deadline: now + limits.absoluteMs })
      .pexpire(key, limits.absoluteMs)
      .exec();
  }

  /** For a signed-in request: alive or not, and if alive the request counts as activity. */
  async touch(familyId: string, now: number): Promise<boolean> {
    return (await this.redis.ivksSessionCheck(keyOf(familyId), String(now), '1')) === 1;
  }

  /** For a refresh, which a page may make on a timer and so is no sign of a person at work. */
  async isAlive(familyId: string, now: number): Promise<boolean> {
    return (await this.redis.ivksSessionCheck(keyOf(familyId), String(now), '0')) === 1;
  }

  async end(familyIds: readonly string[]): Promise<void> {
    if (familyIds.length > 0) {
      await this.redis.del(...familyIds.map(keyOf));
    }
  }
}

function keyOf(familyId: string): string {
  return `${KEY_PREFIX}:${familyId}`;
}
