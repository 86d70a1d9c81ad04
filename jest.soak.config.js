/**
 * `npm run test:soak`: the fault suites (*.soak.spec.ts) — the built ledger as processes killed under load, disks
 * that fill up. Outside `npm test` (minutes, not seconds); `.ci/run` runs both.
 */
const { swcOptions, jestModuleNameMapper } = require('./scripts/swc-options');

module.exports = {
  testTimeout: 10 * 60_000,
  reporters: ['default', '<rootDir>/test/support/plain-summary.reporter.js'],
  transform: { '^.+\\.ts$': ['@swc/jest', swcOptions()] },
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper: jestModuleNameMapper(),
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '/.build/'],
  testMatch: ['<rootDir>/test/**/*.soak.spec.ts'],
  globalSetup: '<rootDir>/test/support/build.global-setup.js',
};
