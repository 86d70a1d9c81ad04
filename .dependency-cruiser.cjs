/**
 * The layers in code: what the architecture says in prose, checked on every `npm test`.
 *   domain ← event-store, platform, presentation ← apps;  command ⟂ projection;  tests and tools depend on anything.
 */
const TEST_ONLY = '(\\.spec\\.ts$|\\.fixtures\\.ts$|/testing/|/contract/|event-store\\.contract\\.ts$|^test/)';

module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      severity: 'error',
      comment: 'A cycle means two files cannot be understood (or changed) apart.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'domain-imports-only-domain',
      severity: 'error',
      comment:
        'libs/domain is pure: it imports only itself and the working-day calendar data (chinese-days), no framework, ' +
        'no I/O, nothing of Node.',
      from: { path: '^libs/domain/', pathNot: '\\.spec\\.ts$' },
      to: { pathNot: ['^libs/domain/', '^node_modules/chinese-days/'] },
    },
    {
      name: 'domain-specs-import-only-domain-and-test-tools',
      severity: 'error',
      comment: 'Domain specs are pure too: the domain, and jest / fast-check to state the specs.',
      from: { path: '^libs/domain/.+\\.spec\\.ts$' },
      to: {
        pathNot: [
          '^libs/domain/',
          '^node_modules/(chinese-days|fast-check|@jest|jest)',
          '^(fs|path|node:fs|node:path)$',
        ],
      },
    },
    {
      name: 'production-never-imports-test-code',
      severity: 'error',
      comment:
        'Specs, fixtures, test support and contract suites stay out of what runs in production (and out of dist/).',
      from: { path: '^(apps|libs)/', pathNot: TEST_ONLY },
      to: { path: TEST_ONLY },
    },
    {
      name: 'libs-never-import-apps',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'command-app-never-imports-projection-app',
      severity: 'error',
      from: { path: '^apps/command/' },
      to: { path: '^apps/projection/' },
    },
    {
      name: 'projection-app-never-imports-command-app',
      severity: 'error',
      from: { path: '^apps/projection/' },
      to: { path: '^apps/command/' },
    },
    {
      name: 'event-store-stands-alone',
      severity: 'error',
      comment: 'The event store knows events as stored, not the domain or the platform.',
      from: { path: '^libs/event-store/' },
      to: { path: '^libs/(domain|platform|presentation)/' },
    },
    {
      name: 'no-unresolvable',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
    exclude: { path: '^(dist|\\.build)/' },
  },
};
