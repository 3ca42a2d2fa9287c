const { swcJestTransform } = require('../../tests/jest.shared.cjs');

module.exports = {
  displayName: 'patient',
  testEnvironment: 'jsdom',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/src/**/*.spec.tsx'],
  setupFiles: ['<rootDir>/jest.setup.cjs'],
  ...swcJestTransform,
};
