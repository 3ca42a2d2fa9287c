import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { APP_CONFIG } from '../config/config.module';
import { type AppConfig } from '../config/app-config';
import { closeOnceSetUp, INFUSION_EVENTS_QUEUE } from './queues';

export const REDIS = Symbol('REDIS');
export const INFUSION_EVENTS = Symbol('INFUSION_EVENTS');

/** One Redis connection per process for producers and health checks, and the queues on it. */
@Global()
@Module({
  providers: [
    {
      provide: REDIS,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) =>
        new Redis(config.REDIS_URL, { maxRetriesPerRequest: null, lazyConnect: false }),
    },
    {
      provide: INFUSION_EVENTS,
      inject: [REDIS],
      useFactory: (redis: Redis) => new Queue(INFUSION_EVENTS_QUEUE, { connection: redis }),
    },
  ],
  exports: [REDIS, INFUSION_EVENTS],
})
export class QueuesModule implements OnApplicationShutdown {
  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(INFUSION_EVENTS) private readonly infusionEvents: Queue,
  ) {}

  /** A Redis that is down would hold QUIT forever; then the connection is simply dropped. */
  async onApplicationShutdown(): Promise<void> {
    if (this.redis.status !== 'ready') {
      this.redis.disconnect();
    }
    await closeOnceSetUp(this.infusionEvents, this.redis);
    if (this.redis.status === 'ready') {
      await this.redis.quit();
    }
  }
}
