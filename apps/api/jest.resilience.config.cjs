// `npm run test:resilience`: the product (built, in its own process) against PostgreSQL and S3 that the
// tests stop, freeze and cut. Not part of `npm test`; CI runs it right after.
module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: '@vetted/api resilience',
  roots: ['<rootDir>/src/resilience'],
  testMatch: ['**/*.resilience.ts'],
  testTimeout: 240_000,
  maxWorkers: 1,
  // The suite starts and kills processes, servers and proxies of its own: whatever a failed test leaves
  // behind must not keep CI waiting (each world is closed in afterAll; this is the net under it).
  forceExit: true,
};
