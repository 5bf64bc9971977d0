// The web's unit tests, in two projects: pure functions and server-rendered screens run in node
// (`*.spec.ts(x)`); components driven by real user events run in jsdom (`*.dom.spec.tsx`), with
// only `fetch` mocked at the network edge (src/testing/dom-setup.ts).
const preset = require('../../jest.preset.cjs');
const name = require('./package.json').name;

module.exports = {
  projects: [
    { ...preset, displayName: name, roots: ['<rootDir>/src'], rootDir: __dirname, testPathIgnorePatterns: ['\\.dom\\.spec\\.tsx$'] },
    {
      ...preset,
      displayName: `${name} dom`,
      rootDir: __dirname,
      roots: ['<rootDir>/src'],
      testMatch: ['**/*.dom.spec.tsx'],
      testEnvironment: 'jsdom',
      // Workspace libs from their sources, and the browser builds of packages (as Vite would pick).
      testEnvironmentOptions: { customExportConditions: ['@vetted/source', 'browser', 'default'] },
      setupFiles: ['<rootDir>/src/testing/dom-globals.ts'],
      setupFilesAfterEnv: ['<rootDir>/src/testing/dom-setup.ts'],
    },
  ],
};
