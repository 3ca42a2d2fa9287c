import { randomUUID } from 'node:crypto';
import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import {
  ConfigModule,
  DatabaseModule,
  LoggerModule,
  ONCE,
  QueuesModule,
  REDIS,
  reminderJob,
  type ReminderPlan,
  REMINDER_JOBS,
  RemindersModule,
  ReminderScheduler,
  systemScope,
  TenantTransactions,
} from '@ivks/server';
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { Client } from 'pg';
import { median } from '../support/stats';
import { formatTable } from '../support/table';

const REMINDERS = 100_000;
/** What one unit of work plans: a clinic re-planning a large course, say. */
const PER_TRANSACTION = 10_000;
const BARE_QUEUE = 'reminders-bench-bare';
const ADD_BULK = 1_000;
const GOAL = 1.25;
const IN_FLIGHT = 2;

@Module({
  imports: [ConfigModule, LoggerModule, DatabaseModule, QueuesModule, RemindersModule.forRoot()],
})
class BenchModule {}

interface Fixture {
  clinicId: string;
  patientIds: string[];
}

async function createFixture(owner: Client): Promise<Fixture> {
  const clinicId = randomUUID();
  await owner.query(
    `INSERT INTO clinics (id, name, time_zone) VALUES ($1, $2, 'America/New_York')`,
    [clinicId, `Reminder bench ${clinicId.slice(0, 8)}`],
  );
  const patientIds = Array.from({ length: 100 }, () => randomUUID());
  await owner.query(
    `INSERT INTO patients (clinic_id, id, given_name, family_name, email, time_zone, status)
     SELECT $1, id, 'Bench', 'Patient', 'bench.' || id || '@bench.example', 'America/New_York', 'active'
     FROM unnest($2::uuid[]) AS id`,
    [clinicId, patientIds],
  );

  return { clinicId, patientIds };
}

/** 100,000 reminders over the next 60 days, as the scheduler would have computed them. */
function plansFor(fixture: Fixture): ReminderPlan[] {
  const start = Date.now() + 24 * 3_600_000;

  return Array.from({ length: REMINDERS }, (_, index) => ({
    kind: 'assignment_due' as const,
    subjectId: randomUUID(),
    slot: ONCE,
    patientId: fixture.patientIds[index % fixture.patientIds.length] ?? '',
    dueAt: new Date(start + (index % 86_400) * 60_000),
    fingerprint: randomUUID(),
    skip: null,
  }));
}

/**
 * Scheduling 100,000 reminders through `ReminderScheduler.schedule` (the upsert of the
 * occurrences in tenant transactions, then `addBulk` of their delayed jobs after each commit)
 * against a plain BullMQ `addBulk` of the same 100,000 jobs. The sides take turns with the
 * order swapped each round, on fresh queues and fresh occurrences each time.
 */
export async function benchReminders(options: { rounds: number }): Promise<void> {
  const ownerUrl = process.env.DATABASE_OWNER_URL;
  if (!ownerUrl) {
    throw new Error('DATABASE_OWNER_URL must be set: the benchmark sets up its clinic as owner.');
  }
  const owner = new Client({ connectionString: ownerUrl });
  await owner.connect();
  const app = await NestFactory.createApplicationContext(BenchModule, { logger: false });
  const fixture = await createFixture(owner);
  const scheduler = app.get(ReminderScheduler);
  const tenants = app.get(TenantTransactions);
  const projectQueue = app.get<Queue>(REMINDER_JOBS);
  const bareQueue = new Queue(BARE_QUEUE, { connection: app.get<Redis>(REDIS) });
  const reset = async () => {
    await projectQueue.obliterate({ force: true });
    await bareQueue.obliterate({ force: true });
    await owner.query('DELETE FROM reminder_occurrences WHERE clinic_id = $1', [fixture.clinicId]);
  };

  // Both sides keep the same number of batches in flight, so that one batch's database work
  // overlaps another's Redis work on the project's side, and Redis is kept as busy on the other.
  const project = (plans: ReminderPlan[]) =>
    inFlight(chunks(plans, PER_TRANSACTION), (batch) =>
      tenants.run(systemScope(fixture), () => scheduler.schedule(batch)),
    );
  const bare = (plans: ReminderPlan[]) => {
    const now = new Date();

    return inFlight(chunks(plans, PER_TRANSACTION), async (batch) => {
      for (const bulk of chunks(batch, ADD_BULK)) {
        await bareQueue.addBulk(
          bulk.map((plan) =>
            reminderJob(
              {
                clinicId: fixture.clinicId,
                occurrenceId: plan.subjectId,
                version: 1,
                dueAt: plan.dueAt,
              },
              now,
            ),
          ),
        );
      }
    });
  };

  const timings = { project: [] as number[], bare: [] as number[] };
  try {
    for (let round = 0; round < options.rounds; round += 1) {
      const sides =
        round % 2 === 0 ? (['project', 'bare'] as const) : (['bare', 'project'] as const);
      for (const side of sides) {
        await reset();
        const plans = plansFor(fixture);
        const started = process.hrtime.bigint();
        await (side === 'project' ? project(plans) : bare(plans));
        timings[side].push(Number(process.hrtime.bigint() - started) / 1e6);
        const queue = side === 'project' ? projectQueue : bareQueue;
        const jobs = await queue.getJobCountByTypes('delayed');
        if (jobs !== REMINDERS) {
          throw new Error(`The ${side} side queued ${jobs} jobs, not ${REMINDERS}.`);
        }
      }
    }
    report(timings, options.rounds);
  } finally {
    await reset();
    await owner.query('DELETE FROM patients WHERE clinic_id = $1', [fixture.clinicId]);
    await owner.query('DELETE FROM clinics WHERE id = $1', [fixture.clinicId]);
    await bareQueue.close();
    await app.close();
    await owner.end();
  }
}

function chunks<T>(items: T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, index) =>
    items.slice(index * size, (index + 1) * size),
  );
}

/** Runs `work` over the batches with IN_FLIGHT of them under way at any time. */
async function inFlight<T>(batches: T[], work: (batch: T) => Promise<unknown>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < batches.length) {
      const batch = batches[next];
      next += 1;
      if (batch !== undefined) {
        await work(batch);
      }
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, lane));
}

function report(timings: { project: number[]; bare: number[] }, rounds: number): void {
  const project = median(timings.project);
  const bare = median(timings.bare);
  const value = project / bare;
  process.stdout.write(`\nreminders: ${REMINDERS} scheduled per side, ${rounds} rounds\n`);
  process.stdout.write(
    formatTable(
      ['', 'ms (median)', 'reminders/s'],
      [
        [
          'project (upsert occurrences + addBulk after commit)',
          project.toFixed(0),
          String(Math.round((REMINDERS / project) * 1000)),
        ],
        ['plain BullMQ addBulk', bare.toFixed(0), String(Math.round((REMINDERS / bare) * 1000))],
      ],
    ),
  );
  process.stdout.write(
    `reminders ratio (project / addBulk): ${value.toFixed(2)}x  (goal ${GOAL.toFixed(2)}x or less: ` +
      `${value <= GOAL ? 'met' : 'NOT met'})\n`,
  );
}
