import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Client } from 'pg';

export interface MigrationLog {
  info(message: string): void;
}

export interface MigrationResult {
  applied: string[];
  alreadyApplied: number;
}

/** Any 64-bit number the project owns; held while migrating so concurrent starts take turns. */
const MIGRATION_LOCK_KEY = 4_815_162_342;

const MIGRATION_FILE = /^\d{4}_[a-z0-9_]+\.sql$/;

export class MigrationError extends Error {
  override name = 'MigrationError';
}

/**
 * Applies the SQL files of `directory` in name order, each in its own transaction, exactly once.
 * It runs as the owner role. Several processes may call it at once: an advisory lock makes them
 * take turns, and each applies only what the others have not.
 */
export async function migrate(
  ownerUrl: string,
  directory: string,
  log: MigrationLog,
): Promise<MigrationResult> {
  const files = (await readdir(directory)).filter((name) => MIGRATION_FILE.test(name)).sort();
  const client = new Client({ connectionString: ownerUrl, application_name: 'ivks-migrate' });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    await client.query(`
      CREATE TABLE IF NOT EXISTS schema_migrations (
        name text PRIMARY KEY,
        checksum text NOT NULL,
        applied_at timestamptz NOT NULL DEFAULT now()
      )`);
    const { rows } = await client.query<{ name: string; checksum: string }>(
      'SELECT name, checksum FROM schema_migrations',
    );
    const done = new Map(rows.map((row) => [row.name, row.checksum]));
    const applied: string[] = [];

    for (const name of files) {
      const sql = await readFile(join(directory, name), 'utf8');
      const checksum = createHash('sha256').update(sql).digest('hex');
      const recorded = done.get(name);
      if (recorded !== undefined) {
        if (recorded !== checksum) {
          throw new MigrationError(
            `Migration ${name} was changed after it was applied. Add a new migration instead.`,
          );
        }
        continue;
      }
      await client.query('BEGIN');
      try {
        await client.query(sql);
        await client.query('INSERT INTO schema_migrations (name, checksum) VALUES ($1, $2)', [
          name,
          checksum,
        ]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw new MigrationError(`Migration ${name} failed: ${(error as Error).message}`);
      }
      applied.push(name);
      log.info(`applied migration ${name}`);
    }

    return { applied, alreadyApplied: done.size };
  } finally {
    // Ending the session releases the advisory lock.
    await client.end();
  }
}

/**
 * Empties the schema, every table and function with it, so that the next `migrate` builds it
 * from nothing. For test databases only: end-to-end runs start from the seed and nothing else.
 */
export async function emptySchema(ownerUrl: string): Promise<void> {
  const client = new Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    await client.query('DROP SCHEMA public CASCADE');
    await client.query('CREATE SCHEMA public');
  } finally {
    await client.end();
  }
}
