import { type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { type InfusionScheduledJob } from '@ivks/server';
import { type Job } from 'bullmq';
import type { Client } from 'pg';
import { InfusionEventsProcessor } from '../../apps/worker/src/infusion-events/infusion-events.processor';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { createClinic, type FixtureClinic, ownerClient } from './support/fixtures';

describe('the worker', () => {
  let owner: Client;
  let worker: INestApplicationContext;
  let processor: InfusionEventsProcessor;
  let alder: FixtureClinic;
  let birch: FixtureClinic;

  beforeAll(async () => {
    owner = await ownerClient();
    alder = await createClinic(owner, 'Alder', 1);
    birch = await createClinic(owner, 'Birch', 1);
    worker = await NestFactory.createApplicationContext(WorkerModule, { logger: false });
    processor = worker.get(InfusionEventsProcessor);
  });

  afterAll(async () => {
    await worker.close();
    await owner.end();
  });

  const jobFor = (data: InfusionScheduledJob) => ({ data }) as Job<InfusionScheduledJob>;

  it('reads the infusion inside the clinic the job names', async () => {
    const outcome = await processor.process(
      jobFor({ clinicId: alder.id, infusionId: alder.infusionIds[0] ?? '' }),
    );

    expect(outcome).toBe('confirmed');
  });

  it('cannot reach another clinic’s infusion, whatever id the job carries', async () => {
    const outcome = await processor.process(
      jobFor({ clinicId: alder.id, infusionId: birch.infusionIds[0] ?? '' }),
    );

    expect(outcome).toBe('dropped');
  });

  it('drops the event of an infusion that was cancelled since', async () => {
    const infusionId = alder.infusionIds[1] ?? '';
    await owner.query(`UPDATE infusions SET status = 'cancelled' WHERE id = $1`, [infusionId]);

    expect(await processor.process(jobFor({ clinicId: alder.id, infusionId }))).toBe('dropped');
  });

  it('shuts down cleanly when it is stopped the moment it has started', async () => {
    const unhandled: unknown[] = [];
    const record = (error: unknown) => unhandled.push(error);
    process.on('unhandledRejection', record);
    process.on('uncaughtException', record);
    try {
      for (let attempt = 0; attempt < 5; attempt++) {
        const started = await NestFactory.createApplicationContext(WorkerModule, { logger: false });
        await started.close();
      }
      // A connection cut off in its setup fails a moment later, not during close.
      await new Promise((done) => setTimeout(done, 500));
    } finally {
      process.off('unhandledRejection', record);
      process.off('uncaughtException', record);
    }

    expect(unhandled).toEqual([]);
  });
});
