#!/usr/bin/env node
/**
 * Writes docs/POLICIES.md from the policy data (libs/domain/src/policies), through the view GET /v1/policies answers
 * (libs/presentation: policyCatalogueView, renderPoliciesDoc), formatted with the project's prettier settings.
 *
 *   node scripts/policies-doc.js           compile the tools (scripts/build.js --tools) and write docs/POLICIES.md
 *   node scripts/policies-doc.js --check   fail when docs/POLICIES.md is not what the data renders
 *   … --check --file <path>                check another copy instead (the test of the check itself)
 *
 * test/docs/generated-docs.unit.spec.ts runs the check (prettier cannot run inside jest's module sandbox).
 */
const { execFileSync } = require('node:child_process');
const { readFileSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

const ROOT = join(__dirname, '..');
const DOC = join(ROOT, 'docs/POLICIES.md');

async function main() {
  execFileSync(process.execPath, [join(__dirname, 'build.js'), '--tools', '--quiet'], { stdio: 'inherit' });
  const { policyCatalogueView, renderPoliciesDoc } = require(join(ROOT, '.build/tools/libs/presentation/src'));
  const prettier = require('prettier');
  const options = { ...(await prettier.resolveConfig(DOC)), filepath: DOC };
  const fresh = await prettier.format(renderPoliciesDoc(policyCatalogueView('en')), options);
  if (!process.argv.includes('--check')) return writeFileSync(DOC, fresh);
  const at = process.argv.indexOf('--file');
  const file = at > 0 ? process.argv[at + 1] : DOC;
  let current = '';
  try {
    current = readFileSync(file, 'utf8');
  } catch {
    // no file yet: stale
  }
  if (fresh !== current) {
    console.error('docs/POLICIES.md is stale: run npm run docs');
    process.exit(1);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
