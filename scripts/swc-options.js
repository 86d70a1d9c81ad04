/**
 * The one place the compiler options for swc are made: the build (scripts/build.js) and the tests (jest.config.js)
 * take them from here, and the path aliases from tsconfig.json's `paths`, so an alias is declared once.
 */
const { readFileSync } = require('node:fs');
const { join, resolve } = require('node:path');

const ROOT = resolve(__dirname, '..');

/** tsconfig.json is JSON without comments here; its `paths` are the aliases (`@ledger/domain/*` → `libs/domain/src/*`). */
function tsconfigPaths() {
  const { compilerOptions } = JSON.parse(readFileSync(join(ROOT, 'tsconfig.json'), 'utf8'));
  return compilerOptions.paths;
}

function swcOptions() {
  return {
    sourceMaps: true,
    module: { type: 'commonjs' },
    jsc: {
      target: 'es2022',
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      keepClassNames: true,
      baseUrl: ROOT,
      paths: tsconfigPaths(),
    },
  };
}

/** Jest's moduleNameMapper for the same aliases (for modules jest resolves itself, e.g. jest.mock). */
function jestModuleNameMapper() {
  const mapper = {};
  for (const [alias, [target]] of Object.entries(tsconfigPaths())) {
    const from = `^${alias.replace(/[.]/g, '\\.').replace('/*', '/(.*)')}$`;
    mapper[from] = `<rootDir>/${target.replace('/*', '/$1')}`;
  }
  return mapper;
}

module.exports = { ROOT, swcOptions, jestModuleNameMapper };
