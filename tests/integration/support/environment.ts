import { randomBytes } from 'node:crypto';

/** The test database and Redis database, unless the caller points elsewhere. */
process.env.DATABASE_URL ??= 'postgres://ivks_app@127.0.0.1:5432/ivks_test';
process.env.DATABASE_OWNER_URL ??= 'postgres://ivks_owner@127.0.0.1:5432/ivks_test';
process.env.REDIS_URL ??= 'redis://127.0.0.1:6379/1';
process.env.JWT_SECRET ??= randomBytes(32).toString('base64url');
process.env.LOG_LEVEL ??= 'silent';
// Nothing listens on the discard port, so no test mail reaches a demo's or an end-to-end run's
// catcher; a spec that reads what was sent starts a catcher of its own.
process.env.SMTP_URL = 'smtp://127.0.0.1:9';
process.env.NODE_ENV = 'test';
