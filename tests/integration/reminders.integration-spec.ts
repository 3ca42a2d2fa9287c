import { type ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { type INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import {
  ConfigModule,
  DatabaseModule,
  EMAIL_QUEUE,
  LoggerModule,
  MailModule,
  ManualClock,
  QueuesModule,
  REMINDER_POLICY,
  reminderDeliveryId,
  reminderJob,
  reminderJobId,
  type ReminderJob,
  REMINDERS_QUEUE,
  ReminderScheduler,
  TenantTransactions,
  infusionReminderTimes,
  outOfQuietHours,
} from '@ivks/server';
import { type Job, Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { DateTime } from 'luxon';
import type { Client } from 'pg';
import { ReminderSweep } from '../../apps/worker/src/reminders/reminder-sweep';
import { RemindersProcessor } from '../../apps/worker/src/reminders/reminders.processor';
import { RemindersWorkerModule } from '../../apps/worker/src/reminders/reminders-worker.module';
import { bearer, signIn, startApi } from './support/api';
import {
  addPatient,
  createClinic,
  type FixtureClinic,
  type FixturePatient,
  ownerClient,
} from './support/fixtures';

const NEW_YORK = 'America/New_York';
const MINUTE = 60_000;
const clock = new ManualClock(new Date());

/** The worker's reminder side with a clock the spec controls, and no SMTP sender. */
@Module({
  imports: [
    ConfigModule,
    LoggerModule,
    DatabaseModule,
    QueuesModule,
    MailModule,
    RemindersWorkerModule.forRoot(clock),
  ],
})
class RemindersTestWorker {}

interface OccurrenceRow {
  id: string;
  kind: string;
  version: number;
  due_at: Date;
  status: string;
  outcome: string | null;
  email_delivery_id: string | null;
}

async function waitFor<T>(
  check: () => Promise<T | undefined | null | false>,
  what: string,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) {
      return value;
    }
    if (Date.now() > deadline) {
      throw new Error(`Timed out waiting for ${what}`);
    }
    await new Promise((done) => setTimeout(done, 100));
  }
}

describe('reminders', () => {
  let owner: Client;
  let api: NestFastifyApplication;
  let worker: INestApplicationContext | undefined;
  let redis: Redis;
  let reminders: Queue<ReminderJob>;
  let emails: Queue;
  let alder: FixtureClinic;
  let staffToken: string;

  const startWorker = async () => {
    worker = await NestFactory.createApplicationContext(RemindersTestWorker, { logger: false });

    return worker;
  };
  const stopWorker = async () => {
    await worker?.close();
    worker = undefined;
  };
  const sweep = () => {
    if (!worker) {
      throw new Error('The worker is not running.');
    }

    return worker.get(ReminderSweep).sweep();
  };

  const occurrences = async (subjectId: string) =>
    (
      await owner.query<OccurrenceRow>(
        `SELECT id, kind, version, due_at, status, outcome, email_delivery_id
         FROM reminder_occurrences WHERE subject_id = $1 ORDER BY kind`,
        [subjectId],
      )
    ).rows;
  const occurrence = async (subjectId: string, kind: string) => {
    const found = (await occurrences(subjectId)).find((row) => row.kind === kind);
    if (!found) {
      throw new Error(`No ${kind} occurrence for ${subjectId}`);
    }

    return found;
  };
  const count = async (sql: string, values: unknown[]) =>
    Number((await owner.query<{ n: string }>(sql, values)).rows[0]?.n);
  const notificationsOf = (occurrenceId: string) =>
    count('SELECT count(*) AS n FROM notifications WHERE occurrence_id = $1', [occurrenceId]);
  const deliveriesOf = (row: OccurrenceRow) =>
    count('SELECT count(*) AS n FROM email_deliveries WHERE id = ANY($1::uuid[])', [
      Array.from({ length: row.version }, (_, index) => reminderDeliveryId(row.id, index + 1)),
    ]);
  const sentOnce = (subjectId: string, kind: string) =>
    waitFor(async () => {
      const row = await occurrence(subjectId, kind);

      return row.status === 'sent' && row;
    }, `${kind} to be sent`);

  /** A local wall-clock time in New York, `days` from today. */
  const newYork = (days: number, time: string) => {
    const [hour, minute] = time.split(':').map(Number);

    return DateTime.now()
      .setZone(NEW_YORK)
      .plus({ days })
      .set({ hour, minute, second: 0, millisecond: 0 })
      .toJSDate();
  };

  const schedule = async (patient: FixturePatient, scheduledAt: Date) => {
    const response = await api.inject({
      method: 'POST',
      url: `/api/v1/patients/${patient.patientId}/infusions`,
      headers: bearer(staffToken),
      payload: { scheduledAt: scheduledAt.toISOString() },
    });
    expect(response.statusCode).toBe(201);

    return response.json<{ id: string }>().id;
  };

  /** The patient's reminder settings: email on or off, and quiet hours from `start` to `end`. */
  const setPreferences = async (
    patientToken: string,
    [quietHoursStart, quietHoursEnd]: [string, string],
    emailEnabled = true,
  ) => {
    const response = await api.inject({
      method: 'PUT',
      url: '/api/v1/me/notification-preferences',
      headers: bearer(patientToken),
      payload: { emailEnabled, inAppEnabled: true, quietHoursStart, quietHoursEnd },
    });
    expect(response.statusCode).toBe(200);
  };

  /** Assigns the preparation checklist, due at `dueAt`, and returns the assignment's id. */
  const assign = async (patient: FixturePatient, dueAt: DateTime) => {
    const response = await api.inject({
      method: 'POST',
      url: `/api/v1/patients/${patient.patientId}/assignments`,
      headers: bearer(staffToken),
      payload: { contentSlug: 'infusion-preparation-checklist', dueAt: dueAt.toISO() },
    });
    expect(response.statusCode).toBe(201);

    return response.json<{ id: string }>().id;
  };

  beforeAll(async () => {
    owner = await ownerClient();
    alder = await createClinic(owner, 'Alder', 1);
    api = await startApi();
    redis = new Redis(process.env.REDIS_URL ?? '', { maxRetriesPerRequest: null });
    reminders = new Queue(REMINDERS_QUEUE, { connection: redis });
    emails = new Queue(EMAIL_QUEUE, { connection: redis });
    await startWorker();
  });

  // Sign-in state can live in Redis, which some tests flush.
  beforeEach(async () => {
    staffToken = await signIn(api, alder.owner.email);
  });

  afterEach(async () => {
    // Each test's leftovers stay out of the next test's sweep.
    await owner.query(
      `UPDATE reminder_occurrences SET status = 'dropped', outcome = 'test_finished'
       WHERE status = 'pending'`,
    );
    clock.set(new Date());
  });

  afterAll(async () => {
    await stopWorker();
    await reminders.close();
    await emails.close();
    await redis.quit();
    await api.close();
    await owner.end();
  });

  it('times reminders in the patient’s zone on either side of each change of the clocks', async () => {
    const patient = await addPatient(owner, alder, NEW_YORK);
    // In 2027 New York's clocks go forward on 14 March and back on 7 November.
    for (const day of [
      '2027-03-13',
      '2027-03-14',
      '2027-03-15',
      '2027-11-06',
      '2027-11-07',
      '2027-11-08',
    ]) {
      const infusionId = await schedule(
        patient,
        DateTime.fromISO(`${day}T11:00`, { zone: NEW_YORK }).toJSDate(),
      );
      const dueAt = DateTime.fromISO(`${day}T09:00`, { zone: NEW_YORK });
      const due = await occurrence(await assign(patient, dueAt), 'assignment_due');
      const dayBefore = await occurrence(infusionId, 'infusion_day_before');

      expect(DateTime.fromJSDate(due.due_at, { zone: NEW_YORK }).toFormat('yyyy-MM-dd HH:mm')).toBe(
        `${day} 09:00`,
      );
      expect(
        DateTime.fromJSDate(dayBefore.due_at, { zone: NEW_YORK }).toFormat('yyyy-MM-dd HH:mm'),
      ).toBe(`${dueAt.minus({ days: 1 }).toISODate()} ${REMINDER_POLICY.dayBeforeAt}`);
    }
  });

  it('fires reminders at their New York time on the days around each change of the clocks', async () => {
    const patient = await addPatient(owner, alder, NEW_YORK);
    const processor = worker?.get(RemindersProcessor);
    if (!processor) {
      throw new Error('The worker is not running.');
    }
    /** What the reminder does five minutes before its local time, and at that time. */
    const outcomesAround = async (subjectId: string, kind: string, local: DateTime) => {
      const row = await occurrence(subjectId, kind);
      const job = {
        data: { clinicId: alder.id, occurrenceId: row.id, version: row.version },
      } as Job<ReminderJob>;
      clock.set(local.minus({ minutes: 5 }).toJSDate());
      const before = (await processor.process(job)).outcome;
      clock.set(local.toJSDate());
      const at = (await processor.process(job)).outcome;

      return { before, at, status: (await occurrence(subjectId, kind)).status };
    };
    const fired = { before: 'early', at: 'sent', status: 'sent' };

    for (const day of ['2027-03-13', '2027-03-15', '2027-11-06', '2027-11-08']) {
      const nine = DateTime.fromISO(`${day}T09:00`, { zone: NEW_YORK });
      const assignmentId = await assign(patient, nine);
      const nextDay = nine.plus({ days: 1 }).set({ hour: 11 });
      const infusionId = await schedule(patient, nextDay.toJSDate());
      const evening = DateTime.fromISO(`${day}T${REMINDER_POLICY.dayBeforeAt}`, { zone: NEW_YORK });

      expect({
        day,
        nine: await outcomesAround(assignmentId, 'assignment_due', nine),
      }).toEqual({ day, nine: fired });
      expect({
        day,
        evening: await outcomesAround(infusionId, 'infusion_day_before', evening),
      }).toEqual({ day, evening: fired });
    }
  });

  it('sends one email and one notification when the same reminder is queued ten times', async () => {
    const patient = await addPatient(owner, alder, NEW_YORK);
    const infusionId = await schedule(patient, newYork(10, '14:00'));
    const row = await occurrence(infusionId, 'infusion_day_before');
    clock.set(new Date(row.due_at.getTime() + MINUTE));

    const transactions = worker?.get(TenantTransactions);
    const scheduler = worker?.get(ReminderScheduler);
    const replanned = await transactions?.run(
      { clinicId: alder.id, userId: null, role: 'system' },
      async () => {
        let changed = 0;
        for (let time = 0; time < 10; time += 1) {
          changed += (await scheduler?.forInfusions([infusionId])) ?? 0;
        }

        return changed;
      },
    );
    expect(replanned).toBe(0);

    const job = reminderJob(
      { clinicId: alder.id, occurrenceId: row.id, version: row.version, dueAt: row.due_at },
      clock.now(),
    );
    await Promise.all(
      Array.from({ length: 10 }, () => reminders.add(job.name, job.data, job.opts)),
    );
    const queued = await reminders.getJobs(['delayed', 'wait', 'active', 'completed']);
    expect(queued.filter((one) => one.data.occurrenceId === row.id)).toHaveLength(1);

    await sweep();
    const processor = worker?.get(RemindersProcessor);
    if (!processor) {
      throw new Error('The worker is not running.');
    }
    const outcomes = await Promise.all(
      Array.from({ length: 10 }, () => processor.process({ data: job.data } as Job<ReminderJob>)),
    );
    const sent = await sentOnce(infusionId, 'infusion_day_before');

    expect(outcomes.filter((outcome) => outcome.outcome === 'sent').length).toBeLessThanOrEqual(1);
    expect(await notificationsOf(row.id)).toBe(1);
    expect(await deliveriesOf(sent)).toBe(1);
    expect(sent.email_delivery_id).toBe(reminderDeliveryId(row.id, row.version));
    const emailJobs = await emails.getJobs(['wait', 'delayed', 'active', 'completed', 'failed']);
    expect(emailJobs.filter((one) => one.id === sent.email_delivery_id)).toHaveLength(1);
  });

  it('sends one reminder, at the final time, for an infusion moved 100 times', async () => {
    const patient = await addPatient(owner, alder, NEW_YORK);
    const first = newYork(10, '14:00');
    const infusionId = await schedule(patient, first);
    let final = first;
    for (let move = 1; move <= 100; move += 1) {
      final = new Date(first.getTime() + move * 60 * MINUTE);
      const response = await api.inject({
        method: 'PATCH',
        url: `/api/v1/infusions/${infusionId}`,
        headers: bearer(staffToken),
        payload: { scheduledAt: final.toISOString() },
      });
      expect(response.statusCode).toBe(200);
    }

    const row = await occurrence(infusionId, 'infusion_day_before');
    const [expected] = infusionReminderTimes({ scheduledAt: final, durationMinutes: 60 }, NEW_YORK);
    expect(row.version).toBe(101);
    expect(row.due_at.toISOString()).toBe(
      outOfQuietHours(expected?.dueAt ?? new Date(), NEW_YORK, {
        start: '21:00',
        end: '08:00',
      }).toISOString(),
    );
    const jobs = await reminders.getJobs(['delayed', 'wait']);
    expect(jobs.filter((one) => one.data.occurrenceId === row.id).map((one) => one.id)).toEqual([
      reminderJobId(row.id, 101),
    ]);

    clock.set(new Date(row.due_at.getTime() + MINUTE));
    await sweep();
    const sent = await sentOnce(infusionId, 'infusion_day_before');

    expect(await notificationsOf(row.id)).toBe(1);
    expect(await deliveriesOf(sent)).toBe(1);
  });

  it('sends due reminders once after Redis was flushed and the worker restarted', async () => {
    const patient = await addPatient(owner, alder, NEW_YORK);
    const infusionId = await schedule(patient, newYork(10, '14:00'));
    const row = await occurrence(infusionId, 'infusion_day_before');
    clock.set(new Date(row.due_at.getTime() + MINUTE));
    await stopWorker();
    await redis.flushdb();

    await startWorker();
    const sent = await sentOnce(infusionId, 'infusion_day_before');
    expect(await notificationsOf(row.id)).toBe(1);

    // The email job was lost as well: the next sweep queues it again, as the same delivery.
    await redis.flushdb();
    clock.advance(2 * MINUTE);
    await stopWorker();
    await startWorker();
    await waitFor(
      async () => (await emails.getJob(sent.email_delivery_id ?? '')) !== undefined,
      'the email to be queued again',
    );
    await sweep();

    expect(await notificationsOf(row.id)).toBe(1);
    expect(await deliveriesOf(sent)).toBe(1);
    expect((await occurrence(infusionId, 'infusion_day_before')).version).toBe(row.version);
  });

  it('holds a reminder until the patient’s quiet hours end', async () => {
    const patient = await addPatient(owner, alder, NEW_YORK);
    const patientToken = await signIn(api, patient.email);
    await setPreferences(patientToken, ['12:00', '20:30']);

    const infusionId = await schedule(patient, newYork(10, '14:00'));
    const row = await occurrence(infusionId, 'infusion_day_before');
    expect(DateTime.fromJSDate(row.due_at, { zone: NEW_YORK }).toFormat('HH:mm')).toBe('20:30');

    // Quiet hours changed since it was planned: at send time it moves to the new end instead.
    await setPreferences(patientToken, ['17:00', '22:00'], false);
    clock.set(new Date(row.due_at.getTime() + MINUTE));
    const outcome = await worker?.get(RemindersProcessor).process({
      data: { clinicId: alder.id, occurrenceId: row.id, version: row.version },
    } as Job<ReminderJob>);
    const moved = await occurrence(infusionId, 'infusion_day_before');

    expect(outcome?.outcome).toBe('replanned');
    expect(moved.status).toBe('pending');
    expect(DateTime.fromJSDate(moved.due_at, { zone: NEW_YORK }).toFormat('HH:mm')).toBe('22:00');

    clock.set(new Date(moved.due_at.getTime() + MINUTE));
    await sweep();
    const sent = await sentOnce(infusionId, 'infusion_day_before');
    expect(sent.email_delivery_id).toBeNull();
    expect(await notificationsOf(row.id)).toBe(1);
  });

  it('sends nothing to a discharged patient', async () => {
    const patient = await addPatient(owner, alder, NEW_YORK);
    const infusionId = await schedule(patient, newYork(10, '14:00'));
    const row = await occurrence(infusionId, 'infusion_day_before');
    await owner.query(
      `UPDATE patients SET status = 'discharged', discharged_at = now() WHERE id = $1`,
      [patient.patientId],
    );
    clock.set(new Date(row.due_at.getTime() + MINUTE));
    await sweep();

    const dropped = await waitFor(async () => {
      const current = await occurrence(infusionId, 'infusion_day_before');

      return current.status === 'dropped' && current;
    }, 'the reminder to be dropped');
    expect(dropped.outcome).toBe('patient_discharged');
    expect(await notificationsOf(row.id)).toBe(0);
    expect(await deliveriesOf(row)).toBe(0);
  });

  it('emails no reminder to a patient who has not accepted their invitation yet', async () => {
    const patient = await addPatient(owner, alder, NEW_YORK);
    await owner.query(`UPDATE patients SET status = 'invited' WHERE id = $1`, [patient.patientId]);
    const infusionId = await schedule(patient, newYork(10, '14:00'));
    const row = await occurrence(infusionId, 'infusion_day_before');
    clock.set(new Date(row.due_at.getTime() + MINUTE));
    await sweep();

    const sent = await sentOnce(infusionId, 'infusion_day_before');
    expect(sent.email_delivery_id).toBeNull();
    expect(await notificationsOf(row.id)).toBe(1);
    expect(await deliveriesOf(row)).toBe(0);
  });

  it('drops the reminders of a cancelled infusion without sending them', async () => {
    const patient = await addPatient(owner, alder, NEW_YORK);
    const infusionId = await schedule(patient, newYork(10, '14:00'));
    const cancelled = await api.inject({
      method: 'POST',
      url: `/api/v1/infusions/${infusionId}/cancel`,
      headers: bearer(staffToken),
    });
    expect(cancelled.statusCode).toBe(200);

    const rows = await occurrences(infusionId);
    expect(rows.map((row) => [row.kind, row.status, row.outcome])).toEqual([
      ['infusion_day_before', 'dropped', 'infusion_cancelled'],
      ['infusion_morning', 'dropped', 'infusion_cancelled'],
      ['journal_prompt', 'dropped', 'infusion_cancelled'],
    ]);
    const jobs = await reminders.getJobs(['delayed', 'wait']);
    expect(jobs.filter((job) => rows.some((row) => row.id === job.data.occurrenceId))).toEqual([]);
  });

  describe('in a worker process of its own', () => {
    let output = '';

    const startChild = (): ChildProcess => {
      const child = spawn(
        process.execPath,
        ['--conditions=@ivks/source', resolve(__dirname, 'reminders/run-worker.cjs')],
        {
          env: { ...process.env, LOG_LEVEL: 'info', SMTP_URL: 'smtp://127.0.0.1:9' },
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));

      return child;
    };
    const exited = (child: ChildProcess) =>
      new Promise<void>((done) => {
        if (child.exitCode !== null || child.signalCode !== null) {
          done();
        } else {
          child.once('exit', () => done());
        }
      });

    /**
     * A patient with a reminder due now, and a transaction holding an uncommitted notification of
     * the same identity: a worker that sends it waits inside its own transaction, after marking
     * the occurrence sent and before committing, until the holder rolls back.
     */
    const reminderHeldMidSend = async () => {
      const patient = await addPatient(owner, alder, NEW_YORK);
      const patientToken = await signIn(api, patient.email);
      await setPreferences(patientToken, ['00:00', '00:00']);
      // Two hours away, so the morning reminder is due at once.
      const infusionId = await schedule(patient, new Date(Date.now() + 120 * MINUTE));
      const due = (await occurrences(infusionId)).filter(
        (row) => row.status === 'pending' && row.due_at.getTime() <= Date.now(),
      );
      expect(due.map((row) => row.kind)).toContain('infusion_morning');

      const holder = await ownerClient();
      await holder.query('BEGIN');
      for (const row of due) {
        await holder.query(
          `INSERT INTO notifications
             (clinic_id, patient_id, kind, title, body, link, occurrence_id, occurrence_version)
           VALUES ($1, $2, $3, 'held', 'held', '/', $4, $5)`,
          [alder.id, patient.patientId, row.kind, row.id, row.version],
        );
      }
      const xid = (await holder.query<{ xid: string }>('SELECT txid_current()::text AS xid'))
        .rows[0]?.xid;
      const workerIsHeld = () =>
        waitFor(
          async () =>
            (await count(
              `SELECT count(*) AS n FROM pg_locks
               WHERE NOT granted AND locktype = 'transactionid' AND transactionid::text = $1`,
              [xid],
            )) === due.length,
          'the worker to be held in the middle of its sends',
          30_000,
        );

      return { infusionId, due, holder, workerIsHeld };
    };

    const sentOnceEach = async (infusionId: string, due: OccurrenceRow[]) => {
      for (const row of due) {
        const sent = await occurrence(infusionId, row.kind);
        expect(sent.status).toBe('sent');
        expect(await notificationsOf(row.id)).toBe(1);
        expect(await deliveriesOf(sent)).toBe(1);
      }
    };

    beforeEach(async () => {
      output = '';
      await stopWorker();
    });

    afterEach(async () => {
      await startWorker();
    });

    /** Runs the body, adding the worker's output to any failure. */
    const withOutput = async (body: () => Promise<void>) => {
      try {
        await body();
      } catch (error) {
        throw new Error(`${(error as Error).message}\nworker output:\n${output.slice(-4000)}`);
      }
    };

    it('sends once in total when the worker is killed in the middle of a send', async () => {
      const { infusionId, due, holder, workerIsHeld } = await reminderHeldMidSend();

      await withOutput(async () => {
        try {
          const first = startChild();
          await workerIsHeld();
          first.kill('SIGKILL');
          await exited(first);
          await holder.query('ROLLBACK');
          for (const row of due) {
            expect((await occurrence(infusionId, row.kind)).status).toBe('pending');
          }

          const second = startChild();
          try {
            for (const row of due) {
              await waitFor(
                async () => (await occurrence(infusionId, row.kind)).status === 'sent',
                `${row.kind} to be sent after the restart`,
                60_000,
              );
            }
          } finally {
            second.kill('SIGTERM');
            await exited(second);
          }
        } finally {
          await holder.end();
        }
      });

      await sentOnceEach(infusionId, due);
    }, 120_000);

    it('finishes the send in hand when it gets SIGTERM, and then exits', async () => {
      const { infusionId, due, holder, workerIsHeld } = await reminderHeldMidSend();

      await withOutput(async () => {
        const child = startChild();
        try {
          await workerIsHeld();
          child.kill('SIGTERM');
          await new Promise((done) => setTimeout(done, 1_000));
          expect(child.exitCode).toBeNull();

          await holder.query('ROLLBACK');
          await exited(child);
        } finally {
          await holder.end();
          child.kill('SIGKILL');
        }

        // Nest closes the application, then ends the process with the signal it was sent.
        expect(child.signalCode).toBe('SIGTERM');
        await sentOnceEach(infusionId, due);
        // The worker logs one line per job, with its outcome.
        const lines = output.split('\n').filter((line) => line.startsWith('{'));
        for (const row of due) {
          const ofJob = lines
            .map((line) => JSON.parse(line) as { msg?: string; job?: { occurrenceId?: string } })
            .filter((entry) => entry.job?.occurrenceId === row.id);
          expect(ofJob).toEqual([
            expect.objectContaining({ msg: 'reminder job completed', outcome: 'sent' }),
          ]);
        }
      });
    }, 120_000);
  });
});
