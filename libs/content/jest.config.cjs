const { swcJestTransform } = require('../../tests/jest.shared.cjs');

module.exports = {
  displayName: 'content',
  testEnvironment: 'node',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  ...swcJestTransform,
};
