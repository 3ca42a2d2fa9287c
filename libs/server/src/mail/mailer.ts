import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { EmailKind } from '@ivks/contracts';
import type { Queue } from 'bullmq';
import { PinoLogger } from 'nestjs-pino';
import { TenantTransactions } from '../database/tenant-transactions';
import type { ComposedEmail } from './compose-email';
import { EmailDelivery } from './email-delivery.entity';
import type { EmailJob } from './email-job';

export const EMAIL_JOBS = Symbol('EMAIL_JOBS');

export interface OutgoingEmail extends ComposedEmail {
  kind: EmailKind;
  to: string;
}

/** Email attempts, then the backoff doubles from this delay between them. */
export const EMAIL_ATTEMPTS = 6;
export const EMAIL_BACKOFF_MS = 2_000;

/**
 * Queues an email from inside a tenant transaction. The delivery is recorded in the clinic with
 * the transaction, and the job is queued only once the transaction has committed, so a request
 * that fails sends nothing. The worker sends it and records the outcome.
 */
@Injectable()
export class Mailer {
  constructor(
    private readonly tenants: TenantTransactions,
    @Inject(EMAIL_JOBS) private readonly queue: Queue<EmailJob>,
    private readonly logger: PinoLogger,
  ) {
    this.logger.setContext(Mailer.name);
  }

  /**
   * Returns the delivery's id. A caller that names the delivery itself (a reminder occurrence,
   * say) may send it again: the delivery is recorded once, and the worker sends it only while it
   * has not been sent, so repeating a send recovers a lost queue without a second email.
   */
  async send(email: OutgoingEmail, options: { deliveryId?: string } = {}): Promise<string> {
    const { clinicId } = this.tenants.scope;
    const deliveryId = options.deliveryId ?? randomUUID();
    await this.tenants.manager
      .createQueryBuilder()
      .insert()
      .into(EmailDelivery)
      .values({
        clinicId,
        id: deliveryId,
        kind: email.kind,
        recipient: email.to,
        status: 'queued',
        attempts: 0,
      })
      .orIgnore()
      // Whoever queues an email may not read deliveries back (only admins and the worker do),
      // so the insert asks for no RETURNING.
      .updateEntity(false)
      .execute();
    const job: EmailJob = {
      clinicId,
      deliveryId,
      to: email.to,
      subject: email.subject,
      text: email.text,
      html: email.html,
    };
    this.tenants.afterCommit(async () => {
      try {
        await this.queue.add(email.kind, job, {
          jobId: deliveryId,
          attempts: EMAIL_ATTEMPTS,
          backoff: { type: 'exponential', delay: EMAIL_BACKOFF_MS },
          removeOnComplete: { age: 3_600 },
          removeOnFail: { age: 7 * 24 * 3_600 },
        });
      } catch (error: unknown) {
        this.logger.error(
          { err: error, clinicId, deliveryId, kind: email.kind },
          'could not queue an email; its delivery stays queued',
        );
      }
    });

    return deliveryId;
  }
}
