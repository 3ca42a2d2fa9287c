import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { closeOnceSetUp } from '../queues/queues';
import { REDIS } from '../queues/queues.module';
import { EMAIL_QUEUE } from './email-job';
import { EMAIL_JOBS, Mailer } from './mailer';

/** The producer side of email: the API and the worker both queue emails through `Mailer`. */
@Global()
@Module({
  providers: [
    {
      provide: EMAIL_JOBS,
      inject: [REDIS],
      useFactory: (redis: Redis) => new Queue(EMAIL_QUEUE, { connection: redis }),
    },
    Mailer,
  ],
  exports: [Mailer, EMAIL_JOBS],
})
export class MailModule implements OnApplicationShutdown {
  constructor(
    @Inject(EMAIL_JOBS) private readonly queue: Queue,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await closeOnceSetUp(this.queue, this.redis);
  }
}
