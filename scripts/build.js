#!/usr/bin/env node
/**
 * Compiles the TypeScript sources with swc (no type check: `npm run typecheck` does that).
 *
 *   node scripts/build.js            apps and libs → dist/ (the dashboard page's .html, .css and .js as they are; what
 *                                    runs in production: no specs, fixtures, test support
 *                                    or contract suites)
 *   node scripts/build.js --tools    everything, bench/ and test/ included → .build/tools/ (benches and scripts that
 *                                    drive the ledger with fixtures)
 */
const { transformFileSync } = require('@swc/core');
const { mkdirSync, readdirSync, rmSync, statSync, writeFileSync } = require('node:fs');
const { dirname, join, relative } = require('node:path');
const { ROOT, swcOptions } = require('./swc-options');

const tools = process.argv.includes('--tools');
const OUT = join(ROOT, tools ? '.build/tools' : 'dist');
const SOURCES = tools ? ['apps', 'libs', 'bench', 'test'] : ['apps', 'libs'];

/** Test-only code: specs, fixtures, test helpers and the adapter contract suite never reach dist/. */
const TEST_ONLY = [/\.spec\.ts$/, /\.fixtures\.ts$/, /\/testing\//, /\/contract\//, /event-store\.contract\.ts$/];

function* sourceFiles(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* sourceFiles(path);
    else if (/\.(ts|js|cjs|html|css)$/.test(name) && !name.endsWith('.d.ts')) yield path;
  }
}

rmSync(OUT, { recursive: true, force: true });
const options = swcOptions();
let count = 0;
for (const source of SOURCES) {
  for (const file of sourceFiles(join(ROOT, source))) {
    const rel = relative(ROOT, file);
    if (!tools && TEST_ONLY.some((pattern) => pattern.test(rel))) continue;
    if (tools && rel.endsWith('.spec.ts')) continue;
    const target = join(OUT, rel.replace(/\.ts$/, '.js'));
    mkdirSync(dirname(target), { recursive: true });
    if (!rel.endsWith('.ts')) {
      writeFileSync(target, require('node:fs').readFileSync(file));
    } else {
      const { code, map } = transformFileSync(file, {
        ...options,
        filename: file,
        sourceFileName: relative(dirname(target), file),
      });
      writeFileSync(target, `${code}\n//# sourceMappingURL=${target.split('/').pop()}.map`);
      if (map) writeFileSync(`${target}.map`, map);
    }
    count++;
  }
}
if (!process.argv.includes('--quiet')) console.log(`compiled ${count} files to ${relative(ROOT, OUT)}/`);
