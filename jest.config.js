/**
 * Three kinds of test, by file name: *.unit.spec.ts (pure), *.int.spec.ts (a real store or broker, no HTTP),
 * *.e2e.spec.ts (the running ledger over HTTP). Compiled with the build's own swc options (scripts/swc-options.js).
 */
const { swcOptions, jestModuleNameMapper } = require('./scripts/swc-options');

const shared = {
  transform: { '^.+\\.ts$': ['@swc/jest', swcOptions()] },
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper: jestModuleNameMapper(),
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '/.build/'],
};
module.exports = {
  testTimeout: 30000,
  reporters: ['default', '<rootDir>/test/support/plain-summary.reporter.js'],
  projects: [
    { ...shared, displayName: 'unit', testMatch: ['<rootDir>/**/*.unit.spec.ts'] },
    { ...shared, displayName: 'int', testMatch: ['<rootDir>/**/*.int.spec.ts'] },
    {
      ...shared,
      displayName: 'e2e',
      testMatch: ['<rootDir>/**/*.e2e.spec.ts'],
      // dist/, built once for the specs that run the built ledger as processes.
      globalSetup: '<rootDir>/test/support/build.global-setup.js',
    },
  ],
};
