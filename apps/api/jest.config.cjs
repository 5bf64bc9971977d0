module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: '@vetted/api',
  roots: ['<rootDir>/src'],
  globalSetup: '<rootDir>/src/testing/global-setup.ts',
  globalTeardown: '<rootDir>/src/testing/global-teardown.ts',
  testTimeout: 60000,
  maxWorkers: 2,
};
