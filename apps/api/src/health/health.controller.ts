import { Controller, Get, HttpStatus, Inject, Res, VERSION_NEUTRAL } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { REDIS } from '@ivks/server';
import type { FastifyReply } from 'fastify';
import { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { Public } from '../auth/auth.decorators';

const CHECK_TIMEOUT_MS = 2_000;

type Dependency = 'postgres' | 'redis';

@ApiTags('health')
@Public()
@Controller({ path: 'health', version: VERSION_NEUTRAL })
export class HealthController {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  @Get()
  @ApiOkResponse({ description: 'The process is up.' })
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  @ApiOkResponse({ description: 'PostgreSQL and Redis answer.' })
  @ApiServiceUnavailableResponse({ description: 'Names the dependency that does not answer.' })
  async ready(@Res({ passthrough: true }) reply: FastifyReply) {
    const checks: [Dependency, Promise<unknown>][] = [
      ['postgres', this.dataSource.query('SELECT 1')],
      ['redis', this.redis.ping()],
    ];
    const results = await Promise.all(
      checks.map(async ([name, check]) => ((await answersInTime(check)) ? null : name)),
    );
    const failing = results.filter((name): name is Dependency => name !== null);
    if (failing.length > 0) {
      void reply.status(HttpStatus.SERVICE_UNAVAILABLE);

      return { status: 'unavailable', failing };
    }

    return { status: 'ready' };
  }
}

async function answersInTime(check: Promise<unknown>): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), CHECK_TIMEOUT_MS);
  });
  try {
    return await Promise.race([check.then(() => true), timeout]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}
