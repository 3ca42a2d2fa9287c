import type { ClinicJob } from '../queues/queues';

export const EMAIL_QUEUE = 'email';

/**
 * One email to send. The body travels only in the queue, never into the database or a log: it
 * can hold a one-time link.
 */
export interface EmailJob extends ClinicJob {
  deliveryId: string;
  to: string;
  subject: string;
  text: string;
  html: string;
}
