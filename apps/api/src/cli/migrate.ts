import { resolve } from 'node:path';
import { migrate } from '@ivks/server';

/** Applies pending migrations as the owner role: `node apps/api/dist/cli/migrate.js`. */
async function main(): Promise<void> {
  const ownerUrl = process.env.DATABASE_OWNER_URL;
  if (!ownerUrl) {
    throw new Error('DATABASE_OWNER_URL is required: the URL of the role that owns the schema.');
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
