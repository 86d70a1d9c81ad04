/**
 * Jest's globalSetup for the e2e tests: `npm run build` once, before any of them, for the specs that start the built
 * ledger as real processes (dist/). Once, so that no spec rebuilds dist/ under another spec's running processes.
 */
const { execFileSync } = require('node:child_process');
const { join } = require('node:path');

module.exports = async function buildOnce() {
  execFileSync(process.execPath, [join(__dirname, '..', '..', 'scripts', 'build.js'), '--quiet'], { stdio: 'inherit' });
};
