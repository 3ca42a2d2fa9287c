import {
  Inject,
  Injectable,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import {
  APP_CONFIG,
  closeWorker,
  type AppConfig,
  CLOCK,
  type Clock,
  isUuid,
  Mailer,
  Notification,
  NotificationPreference,
  Patient,
  REMINDER_ATTEMPTS,
  reminderDeliveryId,
  type ReminderJob,
  ReminderOccurrence,
  REMINDERS_QUEUE,
  ReminderScheduler,
  systemScope,
  TenantTransactions,
} from '@ivks/server';
import { DelayedError, type Job, UnrecoverableError, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { PinoLogger } from 'nestjs-pino';
import { inAppMessage, reminderEmail } from './reminder-messages';

/** What became of one job; each is logged on one line. */
export type ReminderOutcome =
  'sent' | 'dropped' | 'stale' | 'already_sent' | 'already_settled' | 'replanned' | 'early';

export interface ReminderResult {
  outcome: ReminderOutcome;
  /** Why it was dropped, such as 'infusion_cancelled'. */
  reason?: string;
}

/** A job that fires this much before its occurrence is due waits for it instead. */
const EARLY_TOLERANCE_MS = 60_000;

/**
 * Sends reminders. Each job names an occurrence and a version; the occurrence is read again,
 * locked, in its clinic, and sent only if it is still pending at that version and still true of
 * its subject. Marking it sent, writing the in-app notification and recording the email happen
 * in one transaction, so a worker that dies halfway sends nothing and the retry sends once.
 */
@Injectable()
export class RemindersProcessor implements OnApplicationBootstrap, OnModuleDestroy {
  private worker?: Worker<ReminderJob, ReminderResult>;
  private connection?: Redis;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly tenants: TenantTransactions,
    private readonly scheduler: ReminderScheduler,
    private readonly mailer: Mailer,
    private readonly logger: PinoLogger,
  ) {
    this.logger.setContext(RemindersProcessor.name);
  }

  onApplicationBootstrap(): void {
    this.connection = new Redis(this.config.REDIS_URL, { maxRetriesPerRequest: null });
    this.worker = new Worker(REMINDERS_QUEUE, (job, token) => this.process(job, token), {
      connection: this.connection,
      concurrency: 4,
      // A reminder takes milliseconds; a short lock lets a killed worker's job be taken over soon.
      lockDuration: 10_000,
      stalledInterval: 5_000,
    });
    // A lost Redis connection is reported here while BullMQ reconnects; with no listener the
    // event would end the process.
    this.worker.on('error', (error) => {
      this.logger.warn({ queue: 'reminders', error: error.message }, 'queue connection error');
    });
    this.worker.on('completed', (job, result) => {
      this.logger.info({ job: jobFields(job), ...result }, 'reminder job completed');
    });
    this.worker.on('failed', (job, error) => {
      this.logger.warn({ job: job && jobFields(job), error: error.message }, 'reminder job failed');
      if (job && (job.attemptsMade >= REMINDER_ATTEMPTS || error instanceof UnrecoverableError)) {
        void this.markFailed(job.data).catch((failure: unknown) => {
          this.logger.error({ job: jobFields(job), err: failure }, 'could not record a failure');
        });
      }
    });
  }

  /**
   * Lets the job in hand finish first of all, while the queues and connections it uses are still
   * open; they close in the later shutdown hooks.
   */
  async onModuleDestroy(): Promise<void> {
    if (this.connection) {
      await closeWorker(this.worker, this.connection);
    }
  }

  async process(job: Job<ReminderJob>, token?: string): Promise<ReminderResult> {
    const { clinicId, occurrenceId, version } = job.data;
    if (
      typeof clinicId !== 'string' ||
      typeof occurrenceId !== 'string' ||
      !isUuid(clinicId) ||
      !isUuid(occurrenceId) ||
      !Number.isInteger(version)
    ) {
      throw new UnrecoverableError('The job does not name a clinic, an occurrence and a version.');
    }

    const result = await this.tenants.run(systemScope(job.data), () =>
      this.send(occurrenceId, version),
    );
    if (result.outcome === 'early' && token && result.dueAt) {
      await job.moveToDelayed(result.dueAt.getTime(), token);
      throw new DelayedError();
    }

    return { outcome: result.outcome, ...(result.reason && { reason: result.reason }) };
  }

  private async send(
    occurrenceId: string,
    version: number,
  ): Promise<ReminderResult & { dueAt?: Date }> {
    const { clinicId } = this.tenants.scope;
    const occurrences = this.tenants.repository(ReminderOccurrence);
    const occurrence = await occurrences.findOne({
      where: { clinicId, id: occurrenceId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!occurrence) {
      return { outcome: 'dropped', reason: 'occurrence_missing' };
    }
    if (occurrence.version !== version) {
      return { outcome: 'stale' };
    }
    if (occurrence.status !== 'pending') {
      return { outcome: occurrence.status === 'sent' ? 'already_sent' : 'already_settled' };
    }
    const now = this.clock.now();
    if (occurrence.dueAt.getTime() > now.getTime() + EARLY_TOLERANCE_MS) {
      return { outcome: 'early', dueAt: occurrence.dueAt };
    }

    const plan = await this.scheduler.currentPlan(occurrence.kind, occurrence.subjectId);
    const reason = plan ? plan.skip : 'subject_missing';
    if (reason) {
      await occurrences.update(
        { clinicId, id: occurrenceId },
        { status: 'dropped', outcome: reason, updatedAt: now },
      );

      return { outcome: 'dropped', reason };
    }
    if (plan && plan.fingerprint !== occurrence.fingerprint) {
      await this.scheduler.schedule([plan]);

      return { outcome: 'replanned' };
    }

    const patient = await this.tenants
      .repository(Patient)
      .findOneByOrFail({ clinicId, id: occurrence.patientId });
    const preferences = await this.tenants
      .repository(NotificationPreference)
      .findOneBy({ clinicId, patientId: patient.id });
    // Until a patient accepts their invitation the portal is not theirs yet: the invitation is the
    // one email they get, and the reminder waits in the app for their first sign-in.
    const emailEnabled = patient.status === 'active' && (preferences?.emailEnabled ?? true);
    const inAppEnabled = preferences?.inAppEnabled ?? true;
    const deliveryId = emailEnabled ? reminderDeliveryId(occurrenceId, version) : null;

    await occurrences.update(
      { clinicId, id: occurrenceId },
      { status: 'sent', outcome: null, sentAt: now, emailDeliveryId: deliveryId, updatedAt: now },
    );
    if (inAppEnabled) {
      await this.tenants
        .repository(Notification)
        .createQueryBuilder()
        .insert()
        .values({
          clinicId,
          patientId: patient.id,
          kind: occurrence.kind,
          ...inAppMessage(occurrence.kind, occurrence.subjectId),
          occurrenceId,
          occurrenceVersion: version,
        })
        .orIgnore()
        .execute();
    }
    if (deliveryId) {
      await this.mailer.send(
        { kind: 'reminder', to: patient.email, ...reminderEmail(this.config.PATIENT_APP_URL) },
        { deliveryId },
      );
    }

    return { outcome: 'sent' };
  }

  /** A job that has used up its attempts leaves its occurrence failed, not pending forever. */
  private async markFailed(job: ReminderJob): Promise<void> {
    if (!isUuid(job.clinicId) || !isUuid(job.occurrenceId)) {
      return;
    }
    await this.tenants.run(systemScope(job), async (manager) => {
      await manager.update(
        ReminderOccurrence,
        { clinicId: job.clinicId, id: job.occurrenceId, version: job.version, status: 'pending' },
        { status: 'failed', outcome: 'job_failed', updatedAt: this.clock.now() },
      );
    });
  }
}

function jobFields(job: Job<ReminderJob>) {
  return {
    id: job.id,
    clinicId: job.data.clinicId,
    occurrenceId: job.data.occurrenceId,
    version: job.data.version,
    attempt: job.attemptsMade,
  };
}
