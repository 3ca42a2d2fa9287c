import { resolve } from 'node:path';
import { emptySchema, migrate } from '@ivks/server';
import { Redis } from 'ioredis';

/**
 * Applies pending migrations as the owner role: `node apps/api/dist/cli/migrate.js`. With
 * `--empty-first`, which only a test environment accepts, it first empties the database and the
 * Redis database of REDIS_URL, whose sessions, limits and jobs would point at records now gone.
 */
async function main(): Promise<void> {
  const ownerUrl = process.env.DATABASE_OWNER_URL;
  if (!ownerUrl) {
    throw new Error('DATABASE_OWNER_URL is required: the URL of the role that owns the schema.');
  }
  if (process.argv.includes('--empty-first')) {
    if (process.env.NODE_ENV !== 'test') {
      throw new Error('--empty-first deletes every record; it runs only with NODE_ENV=test.');
    }
    await emptySchema(ownerUrl);
    if (process.env.REDIS_URL) {
      const redis = new Redis(process.env.REDIS_URL, { maxRetriesPerRequest: 1 });
      try {
        await redis.flushdb();
      } finally {
        redis.disconnect();
      }
    }
    process.stdout.write('emptied the test database\n');
  }
  const directory = resolve(process.env.MIGRATIONS_DIR ?? 'migrations');
  const result = await migrate(ownerUrl, directory, {
    info: (message) => process.stdout.write(`${message}\n`),
  });
  process.stdout.write(
    `migrations: ${result.applied.length} applied, ${result.alreadyApplied} already in place\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`Migration failed: ${(error as Error).message}\n`);
  process.exit(1);
});
