import { mkdtemp, readdir, copyFile, writeFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { migrate } from '@ivks/server';
import type { Client } from 'pg';
import { bearer, signIn, startApi } from './support/api';
import { createClinic, type FixtureClinic, ownerClient } from './support/fixtures';

const MIGRATIONS = resolve(__dirname, '../../migrations');
const PROBE = '9999_concurrent_start_probe.sql';
const quiet = { info: () => undefined };
const IN_FLIGHT = 8;

async function waitingOnPatients(owner: Client): Promise<number> {
  const { rows } = await owner.query<{ count: number }>(
    `SELECT count(*)::int AS count FROM pg_locks
     WHERE NOT granted AND relation = 'patients'::regclass`,
  );

  return rows[0]?.count ?? 0;
}

async function waitFor(condition: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) {
      throw new Error('The condition did not come true in time.');
    }
    await new Promise((settle) => setTimeout(settle, 20));
  }
}

describe('operations', () => {
  let owner: Client;

  beforeAll(async () => {
    owner = await ownerClient();
  });

  afterAll(async () => {
    await owner.end();
  });

  describe('migrations', () => {
    let directory: string;

    beforeAll(async () => {
      directory = await mkdtemp(join(tmpdir(), 'ivks-migrations-'));
      for (const name of await readdir(MIGRATIONS)) {
        await copyFile(join(MIGRATIONS, name), join(directory, name));
      }
      await writeFile(
        join(directory, PROBE),
        `CREATE TABLE migration_probe (applied_at timestamptz NOT NULL DEFAULT now());
         INSERT INTO migration_probe DEFAULT VALUES;
         SELECT pg_sleep(0.2);`,
      );
    });

    afterAll(async () => {
      await owner.query('DROP TABLE IF EXISTS migration_probe');
      await owner.query('DELETE FROM schema_migrations WHERE name = $1', [PROBE]);
      await rm(directory, { recursive: true, force: true });
    });

    it('applies a pending migration exactly once when three instances start together', async () => {
      const url = process.env.DATABASE_OWNER_URL ?? '';
      const results = await Promise.all([
        migrate(url, directory, quiet),
        migrate(url, directory, quiet),
        migrate(url, directory, quiet),
      ]);

      expect(results.flatMap((result) => result.applied)).toEqual([PROBE]);
      const { rows } = await owner.query<{ count: number }>(
        'SELECT count(*)::int AS count FROM migration_probe',
      );
      expect(rows[0]?.count).toBe(1);
    });
  });

  describe('shutdown', () => {
    let clinic: FixtureClinic;

    beforeAll(async () => {
      clinic = await createClinic(owner, 'Shutdown');
    });

    it('finishes the requests in flight before it lets go of the database', async () => {
      const app = await startApi();
      await app.listen({ port: 0, host: '127.0.0.1' });
      const address = app.getHttpServer().address();
      const port = typeof address === 'object' && address ? address.port : 0;
      const token = await signIn(app, clinic.clinician.email);

      // Hold the requests inside the database, so that they are surely in flight at the signal.
      await owner.query('BEGIN');
      await owner.query('LOCK TABLE patients IN ACCESS EXCLUSIVE MODE');
      const inFlight = Array.from({ length: IN_FLIGHT }, () =>
        fetch(`http://127.0.0.1:${port}/api/v1/patients`, { headers: bearer(token) }).then(
          (response) => response.status,
          () => 0,
        ),
      );
      await waitFor(async () => (await waitingOnPatients(owner)) === IN_FLIGHT);

      const closing = app.close();
      await new Promise((settle) => setTimeout(settle, 100));
      await owner.query('COMMIT');
      await closing;

      expect(await Promise.all(inFlight)).toEqual(Array.from({ length: IN_FLIGHT }, () => 200));
    });
  });

  describe('readiness', () => {
    let app: NestFastifyApplication;
    const redisUrl = process.env.REDIS_URL;

    beforeAll(async () => {
      process.env.REDIS_URL = 'redis://127.0.0.1:9/0';
      app = await startApi();
    });

    afterAll(async () => {
      await app.close();
      process.env.REDIS_URL = redisUrl;
    });

    it('answers 503 naming Redis when Redis does not answer, and stays live', async () => {
      const ready = await app.inject({ method: 'GET', url: '/api/health/ready' });
      const live = await app.inject({ method: 'GET', url: '/api/health' });

      expect(ready.statusCode).toBe(503);
      expect(ready.json()).toEqual({ status: 'unavailable', failing: ['redis'] });
      expect(live.statusCode).toBe(200);
    });
  });
});
