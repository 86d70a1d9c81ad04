/**
 * Lets Node require the TypeScript sources directly, compiled by swc with the build's own options: for the few places
 * that start code in a new thread or process from the sources (the SQLite writer thread when the tests run on `.ts`).
 * The build (dist/) never needs it.
 */
const { addHook } = require('pirates');
const { transformSync } = require('@swc/core');
const { swcOptions } = require('./swc-options');

const options = swcOptions();
addHook((code, filename) => transformSync(code, { ...options, filename, sourceMaps: 'inline' }).code, {
  exts: ['.ts'],
  ignoreNodeModules: true,
});
