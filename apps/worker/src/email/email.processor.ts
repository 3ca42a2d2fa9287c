import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import {
  APP_CONFIG,
  closeWorker,
  type AppConfig,
  EMAIL_QUEUE,
  EmailDelivery,
  type EmailJob,
  isUuid,
  systemScope,
  TenantTransactions,
} from '@ivks/server';
import { type Job, UnrecoverableError, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { PinoLogger } from 'nestjs-pino';
import { createTransport, type Transporter } from 'nodemailer';
import addressparser from 'nodemailer/lib/addressparser';
import { describeSmtpError, isPermanentSmtpError } from './smtp-errors';

/** `retrying` and `failed` are thrown to BullMQ; the others complete the job. */
export type EmailOutcome = 'sent' | 'already_sent' | 'dropped';

export const EMAIL_TRANSPORT = Symbol('EMAIL_TRANSPORT');

/** SMTP over the network, with timeouts well inside BullMQ's lock on the job. */
export function smtpTransport(config: AppConfig): Transporter {
  return createTransport(config.SMTP_URL, {
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  });
}

/**
 * One Message-ID per delivery, at the sender's domain: should a worker stop between the SMTP
 * server accepting an email and the delivery being marked sent, the email sent again carries the
 * same id, by which mail systems recognise a copy.
 */
export function messageIdOf(deliveryId: string, from: string): string {
  const [sender] = addressparser(from, { flatten: true });
  const domain = sender?.address.split('@')[1] ?? 'localhost';

  return `<${deliveryId}@${domain}>`;
}

/**
 * Sends the emails `Mailer` queued and records each outcome on its delivery. A delivery already
 * sent is never sent again, so a job that arrives twice sends once. No database connection is
 * held while the SMTP server answers: the delivery is read, then the email goes out, then the
 * outcome is written.
 */
@Injectable()
export class EmailProcessor implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private worker?: Worker<EmailJob, EmailOutcome>;
  private connection?: Redis;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(EMAIL_TRANSPORT) private readonly transport: Transporter,
    private readonly tenants: TenantTransactions,
    private readonly logger: PinoLogger,
  ) {
    this.logger.setContext(EmailProcessor.name);
  }

  onApplicationBootstrap(): void {
    this.connection = new Redis(this.config.REDIS_URL, { maxRetriesPerRequest: null });
    this.worker = new Worker(EMAIL_QUEUE, (job) => this.process(job), {
      connection: this.connection,
      concurrency: 4,
    });
    // A lost Redis connection is reported here while BullMQ reconnects; with no listener the
    // event would end the process.
    this.worker.on('error', (error) => {
      this.logger.warn({ queue: 'email', error: error.message }, 'queue connection error');
    });
    this.worker.on('completed', (job, outcome) => {
      this.logger.info({ job: jobFields(job), outcome }, 'email job completed');
    });
    this.worker.on('failed', (job, error) => {
      const final = !job || error instanceof UnrecoverableError || isLastAttempt(job, 0);
      this.logger.warn(
        {
          job: job && jobFields(job),
          outcome: final ? 'failed' : 'retrying',
          error: error.message,
        },
        'email job failed',
      );
    });
  }

  /**
   * Runs before any module closes its connections, so the email in hand is sent and its outcome
   * written while the database and Redis are still there.
   */
  async beforeApplicationShutdown(): Promise<void> {
    if (this.connection) {
      await closeWorker(this.worker, this.connection);
    }
    this.transport.close();
  }

  async process(job: Job<EmailJob>): Promise<EmailOutcome> {
    const { clinicId, deliveryId } = job.data;
    if (
      typeof clinicId !== 'string' ||
      typeof deliveryId !== 'string' ||
      !isUuid(clinicId) ||
      !isUuid(deliveryId) ||
      typeof job.data.to !== 'string'
    ) {
      throw new UnrecoverableError('The job does not name a clinic, a delivery and a recipient.');
    }
    const key = { clinicId, id: deliveryId };

    const delivery = await this.tenants.run(systemScope(job.data), (manager) =>
      manager.findOneBy(EmailDelivery, key),
    );
    if (!delivery) {
      return 'dropped';
    }
    if (delivery.status === 'sent') {
      return 'already_sent';
    }

    let problem: unknown;
    try {
      await this.transport.sendMail({
        messageId: messageIdOf(deliveryId, this.config.MAIL_FROM),
        from: this.config.MAIL_FROM,
        to: job.data.to,
        subject: job.data.subject,
        text: job.data.text,
        html: job.data.html,
      });
    } catch (error: unknown) {
      problem = error;
    }

    const attempts = () => 'attempts + 1';
    if (problem === undefined) {
      await this.tenants.run(systemScope(job.data), (manager) =>
        manager.update(EmailDelivery, key, {
          status: 'sent',
          attempts,
          sentAt: new Date(),
          lastError: null,
          failedAt: null,
        }),
      );

      return 'sent';
    }

    const permanent = isPermanentSmtpError(problem);
    const final = permanent || isLastAttempt(job, 1);
    const lastError = describeSmtpError(problem);
    await this.tenants.run(systemScope(job.data), (manager) =>
      manager.update(EmailDelivery, key, {
        attempts,
        lastError,
        ...(final ? { status: 'failed' as const, failedAt: new Date() } : {}),
      }),
    );
    throw permanent ? new UnrecoverableError(lastError) : new Error(lastError);
  }
}

/** Whether this attempt is the job's last; `counted` is 1 while the attempt is still running. */
function isLastAttempt(job: Job<EmailJob>, counted: 0 | 1): boolean {
  return job.attemptsMade + counted >= (job.opts.attempts ?? 1);
}

/** Names the job, never its recipient, subject or body. */
function jobFields(job: Job<EmailJob>) {
  return { id: job.id, kind: job.name, clinicId: job.data.clinicId, attempt: job.attemptsMade };
}
