import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { TenantScope } from '../database/tenant-scope';

export const INFUSION_EVENTS_QUEUE = 'infusion-events';

/** Every job names the clinic it belongs to; the worker opens its transaction in that clinic. */
export interface ClinicJob {
  clinicId: string;
}

export interface InfusionScheduledJob extends ClinicJob {
  infusionId: string;
}

export function systemScope(job: ClinicJob): TenantScope {
  return { clinicId: job.clinicId, userId: null, role: 'system' };
}

/**
 * Closes a producer queue that shares the process's Redis connection. BullMQ finishes setting a
 * queue up in the background, and a queue closed before that is done fails its setup later, once
 * the shared connection has gone, with nobody listening. So closing waits for the setup first,
 * unless Redis is down and there is nothing to wait for.
 */
export async function closeSharedQueue(queue: Queue, redis: Redis): Promise<void> {
  if (redis.status === 'ready') {
    await queue.waitUntilReady();
  }
  await queue.close();
}
