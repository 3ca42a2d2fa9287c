const { swcJestTransform } = require('../../tests/jest.shared.cjs');

module.exports = {
  displayName: 'dashboard',
  testEnvironment: 'jsdom',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/src/**/*.spec.tsx'],
  ...swcJestTransform,
  // react-admin pulls in one dependency that ships only as ES modules; let SWC compile it.
  transformIgnorePatterns: ['/node_modules/(?!react-hotkeys-hook/)'],
};
