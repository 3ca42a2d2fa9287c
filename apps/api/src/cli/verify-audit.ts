import { verifyAuditChains } from '@ivks/server';
import { Client } from 'pg';

/**
 * Recomputes every clinic's audit chain as the owner role:
 * `node apps/api/dist/cli/verify-audit.js`. Exits 0 when every chain holds; 1 naming each clinic
 * whose chain does not and the first event where it breaks; 2 when it could not check at all.
 */
async function main(): Promise<number> {
  const ownerUrl = process.env.DATABASE_OWNER_URL;
  if (!ownerUrl) {
    throw new Error('DATABASE_OWNER_URL is required: the URL of the role that owns the schema.');
  }
  const client = new Client({ connectionString: ownerUrl, application_name: 'ivks-verify-audit' });
  await client.connect();
  try {
    const result = await verifyAuditChains(client);
    for (const clinic of result.broken) {
      process.stderr.write(
        `clinic ${clinic.clinicId} (${clinic.clinicName}): the audit chain breaks at seq ` +
          `${clinic.firstBreak?.seq}: ${clinic.firstBreak?.problem}\n`,
      );
    }
    const clinics = result.clinics.length;
    if (result.broken.length > 0) {
      process.stderr.write(
        `audit trail: ${result.broken.length} of ${clinics} clinics have a broken chain\n`,
      );

      return 1;
    }
    process.stdout.write(
      `audit trail: ${result.events} events in ${clinics} clinics, every chain intact\n`,
    );

    return 0;
  } finally {
    await client.end();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`Audit verification failed: ${(error as Error).message}\n`);
    process.exit(2);
  },
);
