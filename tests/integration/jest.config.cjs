const { swcJestTransform } = require('../jest.shared.cjs');

// The process runs far from UTC, and so does the database (see support/global-setup.ts), so
// that an instant read or written through local time fails a test. Jest's sandbox cannot
// change the zone of a running process, so it is set here, before the tests start.
process.env.TZ = 'Asia/Singapore';

/** Integration specs: the real API, PostgreSQL and Redis, one spec file at a time. */
module.exports = {
  displayName: 'integration',
  testEnvironment: 'node',
  rootDir: __dirname,
  testMatch: ['<rootDir>/**/*.integration-spec.ts'],
  setupFiles: ['<rootDir>/support/environment.ts'],
  globalSetup: '<rootDir>/support/global-setup.ts',
  testTimeout: 60_000,
  ...swcJestTransform,
};
