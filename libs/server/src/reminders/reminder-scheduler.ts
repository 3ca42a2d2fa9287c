import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DEFAULT_NOTIFICATION_PREFERENCES, type ReminderKind } from '@ivks/contracts';
import type { Queue } from 'bullmq';
import { PinoLogger } from 'nestjs-pino';
import { TenantTransactions } from '../database/tenant-transactions';
import { CLOCK, type Clock } from './clock';
import { type QueuedReminder, type ReminderJob, reminderJob, reminderJobId } from './reminder-job';
import {
  assignmentReminderTime,
  infusionReminderTimes,
  outOfQuietHours,
  type QuietHours,
  type ReminderTime,
} from './reminder-times';

export const REMINDER_JOBS = Symbol('REMINDER_JOBS');

/** Every kind has one reminder per subject today; the slot leaves room for more. */
export const ONCE = 'once';

/** One reminder as it should be now: due at a time, or not to be sent, and why. */
export interface ReminderPlan {
  kind: ReminderKind;
  subjectId: string;
  slot: string;
  patientId: string;
  dueAt: Date;
  fingerprint: string;
  /** Why it is not to be sent, such as 'infusion_cancelled'; null when it is. */
  skip: string | null;
}

interface Recipient {
  patient_id: string;
  time_zone: string;
  patient_status: string;
  quiet_hours_start: string | null;
  quiet_hours_end: string | null;
}

interface InfusionRow extends Recipient {
  id: string;
  scheduled_at: Date;
  duration_minutes: number;
  status: string;
}

interface AssignmentRow extends Recipient {
  id: string;
  due_at: Date;
  status: string;
}

interface UpsertedRow {
  id: string;
  version: number;
  status: string;
  /** Milliseconds since the epoch: a number is far cheaper to read back than a timestamp. */
  due_ms: number;
}

/** Rows per statement: large enough to amortise the round trip, small enough for the planner. */
const UPSERT_BATCH = 10_000;
const ENQUEUE_BATCH = 1_000;

/**
 * Keeps the reminder occurrences of infusions and assignments in step with them, inside the
 * transaction that changes them, and queues a delayed job for each occurrence that changed once
 * that transaction commits. The database decides what is sent; a job only says when to look.
 */
@Injectable()
export class ReminderScheduler {
  constructor(
    private readonly tenants: TenantTransactions,
    @Inject(REMINDER_JOBS) private readonly queue: Queue<ReminderJob>,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly logger: PinoLogger,
  ) {
    this.logger.setContext(ReminderScheduler.name);
  }

  /** Re-plans the reminders of these infusions after they were scheduled, moved or ended. */
  async forInfusions(infusionIds: string[]): Promise<number> {
    const rows = await this.infusions(infusionIds);

    return this.schedule(rows.flatMap((row) => this.infusionPlans(row)));
  }

  /** Re-plans the reminders of these assignments after they were given, moved or withdrawn. */
  async forAssignments(assignmentIds: string[]): Promise<number> {
    const rows = await this.assignments(assignmentIds);

    return this.schedule(rows.map((row) => this.assignmentPlan(row)));
  }

  /**
   * What one occurrence should be now, from its subject as the database holds it; null when the
   * subject is gone. The worker compares it with the occurrence before sending.
   */
  async currentPlan(kind: ReminderKind, subjectId: string): Promise<ReminderPlan | null> {
    if (kind === 'assignment_due') {
      const [row] = await this.assignments([subjectId]);

      return row ? this.assignmentPlan(row) : null;
    }
    const [row] = await this.infusions([subjectId]);

    return row ? (this.infusionPlans(row).find((plan) => plan.kind === kind) ?? null) : null;
  }

  private async infusions(ids: string[]): Promise<InfusionRow[]> {
    if (ids.length === 0) {
      return [];
    }

    return this.tenants.manager.query<InfusionRow[]>(
      `SELECT i.id, i.scheduled_at, i.duration_minutes, i.status, ${RECIPIENT_COLUMNS}
       FROM infusions i ${RECIPIENT_JOINS('i')}
       WHERE i.clinic_id = $1 AND i.id = ANY($2::uuid[])`,
      [this.tenants.scope.clinicId, ids],
    );
  }

  private async assignments(ids: string[]): Promise<AssignmentRow[]> {
    if (ids.length === 0) {
      return [];
    }

    return this.tenants.manager.query<AssignmentRow[]>(
      `SELECT a.id, a.due_at, a.status, ${RECIPIENT_COLUMNS}
       FROM assignments a ${RECIPIENT_JOINS('a')}
       WHERE a.clinic_id = $1 AND a.id = ANY($2::uuid[])`,
      [this.tenants.scope.clinicId, ids],
    );
  }

  /**
   * Writes the plans in the current tenant transaction and, once it commits, queues a job for
   * each occurrence that changed. A plan whose inputs are unchanged writes and queues nothing, so
   * planning the same thing again is free. Returns how many occurrences changed.
   */
  async schedule(plans: ReminderPlan[]): Promise<number> {
    if (plans.length === 0) {
      return 0;
    }
    const { clinicId } = this.tenants.scope;
    const now = this.clock.now();
    const unique = [...new Map(plans.map((plan) => [planKey(plan), plan])).values()];
    const changed: UpsertedRow[] = [];
    for (let start = 0; start < unique.length; start += UPSERT_BATCH) {
      changed.push(
        ...(await this.upsert(clinicId, unique.slice(start, start + UPSERT_BATCH), now)),
      );
    }
    if (changed.length > 0) {
      this.tenants.afterCommit(() => this.enqueue(clinicId, changed));
    }

    return changed.length;
  }

  private async upsert(clinicId: string, plans: ReminderPlan[], now: Date): Promise<UpsertedRow[]> {
    return this.tenants.manager.query<UpsertedRow[]>(
      `INSERT INTO reminder_occurrences AS o
         (clinic_id, kind, subject_id, slot, patient_id, due_at, fingerprint, status, outcome)
       SELECT $1, t.kind, t.subject_id, t.slot, t.patient_id, t.due_at, t.fingerprint,
              CASE WHEN t.skip IS NULL THEN 'pending' ELSE 'dropped' END, t.skip
       FROM jsonb_to_recordset($2::jsonb) AS t(kind text, subject_id uuid, slot text,
         patient_id uuid, due_at timestamptz, fingerprint text, skip text)
       ON CONFLICT (clinic_id, kind, subject_id, slot) DO UPDATE SET
         due_at = EXCLUDED.due_at,
         fingerprint = EXCLUDED.fingerprint,
         version = o.version + 1,
         status = EXCLUDED.status,
         outcome = EXCLUDED.outcome,
         sent_at = CASE WHEN EXCLUDED.status = 'pending' THEN NULL ELSE o.sent_at END,
         email_delivery_id =
           CASE WHEN EXCLUDED.status = 'pending' THEN NULL ELSE o.email_delivery_id END,
         updated_at = now()
       -- A skipped plan only stops one still pending; a sent reminder is sent again only when
       -- its new time is still to come, so a small move on the day does not repeat it.
       WHERE o.fingerprint <> EXCLUDED.fingerprint AND (
         (EXCLUDED.status = 'dropped' AND o.status = 'pending')
         OR (EXCLUDED.status = 'pending' AND (o.status <> 'sent' OR EXCLUDED.due_at > $3))
       )
       RETURNING o.id, o.version, o.status,
         (extract(epoch FROM o.due_at) * 1000)::float8 AS due_ms`,
      [
        clinicId,
        // One JSON document rather than an array per column: cheaper to build and to parse.
        JSON.stringify(
          plans.map((plan) => ({
            kind: plan.kind,
            subject_id: plan.subjectId,
            slot: plan.slot,
            patient_id: plan.patientId,
            due_at: plan.dueAt,
            fingerprint: plan.fingerprint,
            skip: plan.skip,
          })),
        ),
        now.toISOString(),
      ],
    );
  }

  /**
   * Queues the changed occurrences and takes the jobs of their previous versions off the queue.
   * A failure here loses nothing: the sweep finds pending occurrences in the database.
   */
  private async enqueue(clinicId: string, changed: UpsertedRow[]): Promise<void> {
    const now = this.clock.now();
    try {
      const pending: QueuedReminder[] = changed
        .filter((row) => row.status === 'pending')
        .map((row) => ({
          clinicId,
          occurrenceId: row.id,
          version: row.version,
          dueAt: new Date(row.due_ms),
        }));
      for (let start = 0; start < pending.length; start += ENQUEUE_BATCH) {
        await this.queue.addBulk(
          pending.slice(start, start + ENQUEUE_BATCH).map((reminder) => reminderJob(reminder, now)),
        );
      }
      const superseded = changed.filter((row) => row.version > 1);
      if (superseded.length > 0) {
        await Promise.all(
          superseded.map((row) => this.queue.remove(reminderJobId(row.id, row.version - 1))),
        );
      }
    } catch (error: unknown) {
      this.logger.error(
        { err: error, clinicId, occurrences: changed.length },
        'could not queue reminders; the sweep will queue them',
      );
    }
  }

  private infusionPlans(row: InfusionRow): ReminderPlan[] {
    const times = infusionReminderTimes(
      { scheduledAt: row.scheduled_at, durationMinutes: row.duration_minutes },
      row.time_zone,
    );

    return times.map((time) => {
      const ended =
        time.kind === 'journal_prompt'
          ? row.status === 'cancelled' && 'infusion_cancelled'
          : row.status !== 'scheduled' && `infusion_${row.status}`;

      return this.plan(row, row.id, time, ended || null, [
        row.scheduled_at.toISOString(),
        row.duration_minutes,
        row.status,
      ]);
    });
  }

  private assignmentPlan(row: AssignmentRow): ReminderPlan {
    const ended = row.status !== 'open' ? `assignment_${row.status}` : null;

    return this.plan(row, row.id, assignmentReminderTime(row.due_at), ended, [
      row.due_at.toISOString(),
      row.status,
    ]);
  }

  /** Moves the time out of the patient's quiet hours and decides whether it is still of use. */
  private plan(
    recipient: Recipient,
    subjectId: string,
    time: ReminderTime,
    ended: string | null,
    inputs: unknown[],
  ): ReminderPlan {
    const quiet: QuietHours = {
      start: recipient.quiet_hours_start ?? DEFAULT_NOTIFICATION_PREFERENCES.quietHoursStart,
      end: recipient.quiet_hours_end ?? DEFAULT_NOTIFICATION_PREFERENCES.quietHoursEnd,
    };
    const dueAt = outOfQuietHours(time.dueAt, recipient.time_zone, quiet);
    const now = this.clock.now();
    const skip =
      ended ??
      (recipient.patient_status === 'discharged' ? 'patient_discharged' : null) ??
      (dueAt >= time.usefulUntil ? 'inside_quiet_hours' : null) ??
      (time.usefulUntil <= now ? 'too_late' : null);
    const fingerprint = createHash('sha256')
      .update(
        JSON.stringify([
          time.kind,
          recipient.time_zone,
          quiet,
          recipient.patient_status,
          ...inputs,
        ]),
      )
      .digest('base64url')
      .slice(0, 32);

    return {
      kind: time.kind,
      subjectId,
      slot: ONCE,
      patientId: recipient.patient_id,
      dueAt,
      fingerprint,
      skip,
    };
  }
}

const RECIPIENT_COLUMNS = `p.id AS patient_id, p.time_zone, p.status AS patient_status,
  np.quiet_hours_start, np.quiet_hours_end`;

const RECIPIENT_JOINS = (alias: string) => `
  JOIN patients p ON p.clinic_id = ${alias}.clinic_id AND p.id = ${alias}.patient_id
  LEFT JOIN notification_preferences np
    ON np.clinic_id = p.clinic_id AND np.patient_id = p.id`;

function planKey(plan: ReminderPlan): string {
  return `${plan.kind}/${plan.subjectId}/${plan.slot}`;
}
