const { swcJestTransform } = require('../../tests/jest.shared.cjs');

module.exports = {
  displayName: 'safety',
  testEnvironment: 'node',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  ...swcJestTransform,
};
