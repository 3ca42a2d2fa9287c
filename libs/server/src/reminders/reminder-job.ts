import { createHash } from 'node:crypto';
import type { JobsOptions } from 'bullmq';
import type { ClinicJob } from '../queues/queues';

export const REMINDERS_QUEUE = 'reminders';

/** Sends one version of one occurrence; an older version than the database holds is dropped. */
export interface ReminderJob extends ClinicJob {
  occurrenceId: string;
  version: number;
}

export const REMINDER_ATTEMPTS = 5;

/** The same occurrence and version always make the same job, so queueing it again is a no-op. */
export function reminderJobId(occurrenceId: string, version: number): string {
  return `${occurrenceId}-v${version}`;
}

/**
 * The id of the email a version of an occurrence sends. It is derived, not random, so that
 * sending the same version again names the same delivery and the Mailer sends it once.
 */
export function reminderDeliveryId(occurrenceId: string, version: number): string {
  const hex = createHash('sha256').update(`reminder:${occurrenceId}:${version}`).digest('hex');
  const variant = ((parseInt(hex.slice(16, 18), 16) & 0x3f) | 0x80).toString(16);

  return [
    hex.slice(0, 8),
    hex.slice(8, 12),
    `8${hex.slice(13, 16)}`,
    `${variant}${hex.slice(18, 20)}`,
    hex.slice(20, 32),
  ].join('-');
}

export interface QueuedReminder {
  clinicId: string;
  occurrenceId: string;
  version: number;
  dueAt: Date;
}

export function reminderJob(reminder: QueuedReminder, now: Date) {
  const data: ReminderJob = {
    clinicId: reminder.clinicId,
    occurrenceId: reminder.occurrenceId,
    version: reminder.version,
  };
  const opts: JobsOptions = {
    jobId: reminderJobId(reminder.occurrenceId, reminder.version),
    delay: Math.max(0, reminder.dueAt.getTime() - now.getTime()),
    attempts: REMINDER_ATTEMPTS,
    backoff: { type: 'exponential', delay: 5_000 },
    removeOnComplete: { age: 24 * 3_600 },
    removeOnFail: { age: 7 * 24 * 3_600 },
  };

  return { name: 'reminder', data, opts };
}
