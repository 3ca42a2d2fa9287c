import {
  Inject,
  Injectable,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import {
  APP_CONFIG,
  closeWorker,
  type AppConfig,
  Infusion,
  INFUSION_EVENTS_QUEUE,
  type InfusionScheduledJob,
  isUuid,
  systemScope,
  TenantTransactions,
} from '@ivks/server';
import { type Job, UnrecoverableError, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { PinoLogger } from 'nestjs-pino';

export type InfusionEventOutcome = 'confirmed' | 'dropped';

/**
 * Handles infusion events inside the clinic named by the job. The database is the source of
 * truth: an event whose infusion is gone or no longer scheduled is dropped, not retried.
 */
@Injectable()
export class InfusionEventsProcessor implements OnApplicationBootstrap, OnApplicationShutdown {
  private worker?: Worker<InfusionScheduledJob, InfusionEventOutcome>;
  private connection?: Redis;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly tenants: TenantTransactions,
    private readonly logger: PinoLogger,
  ) {
    this.logger.setContext(InfusionEventsProcessor.name);
  }

  onApplicationBootstrap(): void {
    this.connection = new Redis(this.config.REDIS_URL, { maxRetriesPerRequest: null });
    this.worker = new Worker(INFUSION_EVENTS_QUEUE, (job) => this.process(job), {
      connection: this.connection,
      concurrency: 4,
    });
    // A lost Redis connection is reported here while BullMQ reconnects; with no listener the
    // event would end the process.
    this.worker.on('error', (error) => {
      this.logger.warn(
        { queue: 'infusion-events', error: error.message },
        'queue connection error',
      );
    });
    this.worker.on('completed', (job, outcome) => {
      this.logger.info({ job: jobFields(job), outcome }, 'job completed');
    });
    this.worker.on('failed', (job, error) => {
      this.logger.warn({ job: job && jobFields(job), error: error.message }, 'job failed');
    });
  }

  /** Lets the job in hand finish before the process exits. */
  async onApplicationShutdown(): Promise<void> {
    if (this.connection) {
      await closeWorker(this.worker, this.connection);
    }
  }

  async process(job: Job<InfusionScheduledJob>): Promise<InfusionEventOutcome> {
    const { clinicId, infusionId } = job.data;
    if (
      typeof clinicId !== 'string' ||
      typeof infusionId !== 'string' ||
      !isUuid(clinicId) ||
      !isUuid(infusionId)
    ) {
      throw new UnrecoverableError('The job does not name a clinic and an infusion.');
    }

    return this.tenants.run(systemScope(job.data), async (manager) => {
      const infusion = await manager.findOneBy(Infusion, { clinicId, id: infusionId });

      return infusion?.status === 'scheduled' ? 'confirmed' : 'dropped';
    });
  }
}

function jobFields(job: Job<InfusionScheduledJob>) {
  return { id: job.id, name: job.name, clinicId: job.data.clinicId, attempt: job.attemptsMade };
}
