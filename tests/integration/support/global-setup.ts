import { resolve } from 'node:path';
import { migrate } from '@ivks/server';
import { Redis } from 'ioredis';
import { Client } from 'pg';

export default async function globalSetup(): Promise<void> {
  const ownerUrl =
    process.env.DATABASE_OWNER_URL ?? 'postgres://ivks_owner@127.0.0.1:5432/ivks_test';
  await migrate(ownerUrl, resolve(__dirname, '../../../migrations'), { info: () => undefined });

  const owner = new Client({ connectionString: ownerUrl });
  await owner.connect();
  try {
    await owner.query(`DO $$ BEGIN
      EXECUTE format('ALTER DATABASE %I SET timezone TO %L', current_database(), 'Pacific/Chatham');
    END $$`);
  } finally {
    await owner.end();
  }

  // The rate limits outlive a run by up to an hour; every run starts with none counted.
  const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379/1');
  try {
    const keys = await redis.keys('ivks:rate-limit:*');
    if (keys.length > 0) {
      await redis.del(...keys);
    }
  } finally {
    redis.disconnect();
  }
}
