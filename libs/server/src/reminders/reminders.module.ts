import { type BeforeApplicationShutdown, type DynamicModule, Inject, Module } from '@nestjs/common';
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { closeOnceSetUp } from '../queues/queues';
import { REDIS } from '../queues/queues.module';
import { CLOCK, type Clock, systemClock } from './clock';
import { REMINDERS_QUEUE } from './reminder-job';
import { REMINDER_JOBS, ReminderScheduler } from './reminder-scheduler';

/** The producer side of reminders, shared by the API and the worker. */
@Module({})
export class RemindersModule implements BeforeApplicationShutdown {
  constructor(
    @Inject(REMINDER_JOBS) private readonly queue: Queue,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  /** Tests pass a clock they control; everything else reads the system's. */
  static forRoot(clock: Clock = systemClock): DynamicModule {
    return {
      module: RemindersModule,
      global: true,
      providers: [
        { provide: CLOCK, useValue: clock },
        {
          provide: REMINDER_JOBS,
          inject: [REDIS],
          useFactory: (redis: Redis) => new Queue(REMINDERS_QUEUE, { connection: redis }),
        },
        ReminderScheduler,
      ],
      exports: [CLOCK, REMINDER_JOBS, ReminderScheduler],
    };
  }

  /** Closed before the shared Redis connection it runs on is, which happens on shutdown. */
  async beforeApplicationShutdown(): Promise<void> {
    await closeOnceSetUp(this.queue, this.redis);
  }
}
