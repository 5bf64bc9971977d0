// Browser journeys against the built product (npm run test:e2e builds it first). The global setup
// starts `node apps/api/dist/main.js` on a fresh data directory, as a user would with `npm start`.
/** @type {import('jest').Config} */
module.exports = {
  ...require('../../../jest.preset.cjs'),
  displayName: '@vetted/web e2e',
  rootDir: __dirname,
  roots: ['<rootDir>'],
  testMatch: ['<rootDir>/**/*.e2e.ts'],
  globalSetup: '<rootDir>/support/global-setup.ts',
  globalTeardown: '<rootDir>/support/global-teardown.ts',
  testTimeout: 120_000,
  // One product for the run; each journey file drives its own Chromium, two at a time.
  maxWorkers: 2,
};
