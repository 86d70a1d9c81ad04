/** Three kinds of test, by file name: *.unit.spec.ts (pure), *.int.spec.ts (a real store), *.e2e.spec.ts (HTTP). */
const swc = ['@swc/jest', JSON.parse(require('fs').readFileSync(`${__dirname}/.swcrc`, 'utf8'))];
const shared = {
  transform: { '^.+\\.ts$': swc },
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper: {
    '^@ledger/domain$': '<rootDir>/libs/domain/src',
    '^@ledger/domain/(.*)$': '<rootDir>/libs/domain/src/$1',
    '^@ledger/event-store$': '<rootDir>/libs/event-store/src',
    '^@ledger/event-store/(.*)$': '<rootDir>/libs/event-store/src/$1',
    '^@ledger/platform$': '<rootDir>/libs/platform/src',
    '^@ledger/presentation$': '<rootDir>/libs/presentation/src',
    '^@ledger/presentation/(.*)$': '<rootDir>/libs/presentation/src/$1',
    '^@ledger/platform/(.*)$': '<rootDir>/libs/platform/src/$1',
  },
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
};
module.exports = {
  testTimeout: 30000,
  reporters: ['default', '<rootDir>/test/support/plain-summary.reporter.js'],
  projects: [
    { ...shared, displayName: 'unit', testMatch: ['<rootDir>/**/*.unit.spec.ts'] },
    { ...shared, displayName: 'int', testMatch: ['<rootDir>/**/*.int.spec.ts'] },
    { ...shared, displayName: 'e2e', testMatch: ['<rootDir>/**/*.e2e.spec.ts'] },
  ],
};
