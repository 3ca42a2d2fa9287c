import { LocalKeyWrapper, parseMasterKeys, rewrapDataKeys } from '@ivks/server';
import { Client } from 'pg';

/**
 * Moves every clinic's data keys to the current master key, as the owner role:
 * `node apps/api/dist/cli/rewrap-data-keys.js`. Put the new key first in MASTER_KEYS, keep the
 * old one after it, run this, and only then remove the old key. Entries are not touched.
 */
async function main(): Promise<void> {
  const ownerUrl = process.env.DATABASE_OWNER_URL;
  if (!ownerUrl) {
    throw new Error('DATABASE_OWNER_URL is required: the URL of the role that owns the schema.');
  }
  const masterKeys = parseMasterKeys(process.env.MASTER_KEYS ?? '');
  if (typeof masterKeys === 'string') {
    throw new Error(`MASTER_KEYS must be id:base64 pairs, the new key first: ${masterKeys}.`);
  }
  const wrapper = new LocalKeyWrapper(masterKeys);
  const client = new Client({ connectionString: ownerUrl, application_name: 'ivks-rewrap-keys' });
  await client.connect();
  try {
    const { rewrapped } = await rewrapDataKeys(client, wrapper);
    process.stdout.write(`data keys: ${rewrapped} re-wrapped under ${wrapper.currentKeyId}\n`);
  } finally {
    await client.end();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`Re-wrapping failed: ${(error as Error).message}\n`);
  process.exit(1);
});
