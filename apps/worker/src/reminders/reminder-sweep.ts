import {
  Inject,
  Injectable,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import {
  APP_CONFIG,
  type AppConfig,
  CLOCK,
  type Clock,
  EmailDelivery,
  Mailer,
  Patient,
  REMINDER_JOBS,
  reminderJob,
  reminderJobId,
  type ReminderJob,
  ReminderOccurrence,
  systemScope,
  TenantTransactions,
} from '@ivks/server';
import type { Queue } from 'bullmq';
import { PinoLogger } from 'nestjs-pino';
import { DataSource, In, LessThanOrEqual, MoreThanOrEqual } from 'typeorm';
import { PeriodicTask } from '../periodic-task';
import { reminderEmail } from './reminder-messages';

/** How far ahead the sweep queues, so that a job is in Redis before its occurrence is due. */
export const SWEEP_HORIZON_MS = 10 * 60_000;
export const SWEEP_INTERVAL_MS = 60_000;
/** A sent reminder's email still queued after this long is queued again. */
const EMAIL_GRACE_MS = 60_000;
const EMAIL_LOOKBACK_MS = 24 * 3_600_000;

export interface SweepResult {
  clinics: number;
  queued: number;
  promoted: number;
  emailsRequeued: number;
}

/**
 * The database, not Redis, says what is to be sent. On start and every minute the sweep queues
 * every pending occurrence that is due or coming due and has no job waiting (Redis was flushed,
 * or the enqueue after commit failed), and queues again the email of a sent reminder whose
 * delivery is still waiting, which the Mailer sends at most once.
 */
@Injectable()
export class ReminderSweep implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly periodic = new PeriodicTask(
    () => this.sweep(),
    (error) => this.logger.error({ err: error }, 'reminder sweep failed'),
  );

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(REMINDER_JOBS) private readonly queue: Queue<ReminderJob>,
    @Inject(DataSource) private readonly dataSource: DataSource,
    private readonly tenants: TenantTransactions,
    private readonly mailer: Mailer,
    private readonly logger: PinoLogger,
  ) {
    this.logger.setContext(ReminderSweep.name);
  }

  onApplicationBootstrap(): void {
    this.periodic.start(SWEEP_INTERVAL_MS);
  }

  /** Stops before the queues close, and lets a sweep under way finish. */
  async onModuleDestroy(): Promise<void> {
    await this.periodic.stop();
  }

  async sweep(): Promise<SweepResult> {
    const now = this.clock.now();
    const until = new Date(now.getTime() + SWEEP_HORIZON_MS);
    const rows = await this.dataSource.query<{ clinic_id: string }[]>(
      'SELECT reminder_sweep_clinics AS clinic_id FROM reminder_sweep_clinics($1, $2)',
      [until.toISOString(), new Date(now.getTime() - EMAIL_LOOKBACK_MS).toISOString()],
    );
    const result: SweepResult = { clinics: rows.length, queued: 0, promoted: 0, emailsRequeued: 0 };
    for (const { clinic_id: clinicId } of rows) {
      const scope = systemScope({ clinicId });
      const due = await this.tenants.run(scope, (manager) =>
        manager.findBy(ReminderOccurrence, {
          clinicId,
          status: 'pending',
          dueAt: LessThanOrEqual(until),
        }),
      );
      for (const occurrence of due) {
        const change = await this.requeue(occurrence, now);
        result.queued += change === 'queued' ? 1 : 0;
        result.promoted += change === 'promoted' ? 1 : 0;
      }
      result.emailsRequeued += await this.tenants.run(scope, () =>
        this.requeueEmails(clinicId, now),
      );
    }
    if (result.queued + result.promoted + result.emailsRequeued > 0) {
      this.logger.info(result, 'reminder sweep queued work');
    }

    return result;
  }

  private async requeue(
    occurrence: ReminderOccurrence,
    now: Date,
  ): Promise<'queued' | 'promoted' | 'in_hand'> {
    const reminder = {
      clinicId: occurrence.clinicId,
      occurrenceId: occurrence.id,
      version: occurrence.version,
      dueAt: occurrence.dueAt,
    };
    const job = await this.queue.getJob(reminderJobId(occurrence.id, occurrence.version));
    const state = job ? await job.getState() : 'unknown';
    if (job && state === 'delayed' && occurrence.dueAt <= now) {
      await job.promote();

      return 'promoted';
    }
    // A finished job left its occurrence pending: it ran early or failed for good before the
    // failure was recorded. A new run decides again from the database.
    if (job && (state === 'completed' || state === 'failed')) {
      await job.remove();
    } else if (job) {
      return 'in_hand';
    }
    const { name, data, opts } = reminderJob(reminder, now);
    await this.queue.add(name, data, opts);

    return 'queued';
  }

  private async requeueEmails(clinicId: string, now: Date): Promise<number> {
    const sent = await this.tenants.repository(ReminderOccurrence).findBy({
      clinicId,
      status: 'sent',
      sentAt: MoreThanOrEqual(new Date(now.getTime() - EMAIL_LOOKBACK_MS)),
    });
    const waiting = sent.filter(
      (occurrence) =>
        occurrence.emailDeliveryId !== null &&
        occurrence.sentAt !== null &&
        occurrence.sentAt.getTime() <= now.getTime() - EMAIL_GRACE_MS,
    );
    if (waiting.length === 0) {
      return 0;
    }
    const queued = await this.tenants.repository(EmailDelivery).findBy({
      clinicId,
      status: 'queued',
      id: In(waiting.map((occurrence) => occurrence.emailDeliveryId)),
    });
    const queuedIds = new Set(queued.map((delivery) => delivery.id));
    let requeued = 0;
    for (const occurrence of waiting) {
      if (occurrence.emailDeliveryId && queuedIds.has(occurrence.emailDeliveryId)) {
        const patient = await this.tenants
          .repository(Patient)
          .findOneByOrFail({ clinicId, id: occurrence.patientId });
        await this.mailer.send(
          { kind: 'reminder', to: patient.email, ...reminderEmail(this.config.PATIENT_APP_URL) },
          { deliveryId: occurrence.emailDeliveryId },
        );
        requeued += 1;
      }
    }

    return requeued;
  }
}
