// Unit tests of the web's pure functions. jest-environment-jsdom is not installed yet, so tests
// run in node; component tests wait for it (or for Playwright journeys in e2e/).
module.exports = { ...require('../../jest.preset.cjs'), displayName: require('./package.json').name, roots: ['<rootDir>/src'] };
