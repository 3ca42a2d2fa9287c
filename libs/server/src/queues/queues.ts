import { setTimeout as delay } from 'node:timers/promises';
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

/** A BullMQ queue or worker: both finish connecting in the background after they are made. */
interface QueueClient {
  waitUntilReady(): Promise<unknown>;
  close(): Promise<void>;
}

/** Redis states in which the server is unreachable, so a setup in progress will not finish. */
const UNREACHABLE = new Set(['reconnecting', 'close', 'end']);

/** How long closing waits for a setup in progress before cutting it off. */
const SETUP_WAIT_MS = 10_000;

/**
 * Closes a queue or worker on `redis`. Closing one that is still connecting cuts its setup off,
 * and that setup then fails later with nobody listening, which ends the process. So closing
 * waits for the setup first, for a while, unless Redis is unreachable and it will not finish.
 */
export async function closeOnceSetUp(client: QueueClient, redis: Redis): Promise<void> {
  if (!UNREACHABLE.has(redis.status)) {
    const waited = new AbortController();
    await Promise.race([
      client.waitUntilReady().catch(() => undefined),
      delay(SETUP_WAIT_MS, undefined, { signal: waited.signal }).catch(() => undefined),
    ]);
    waited.abort();
  }
  await client.close();
}

/** Closes a worker, then the connection that was made for it alone. */
export async function closeWorker(
  worker: QueueClient | undefined,
  connection: Redis,
): Promise<void> {
  if (worker) {
    await closeOnceSetUp(worker, connection);
  }
  if (connection.status === 'ready') {
    await connection.quit();
  } else {
    connection.disconnect();
  }
}
