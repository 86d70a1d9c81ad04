import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

/** Runs a generator's --check; its exit status and what it said. */
function check(script: string, ...args: string[]): { ok: boolean; said: string } {
  try {
    execFileSync('node', [script, '--check', ...args], { cwd: ROOT, stdio: 'pipe' });
    return { ok: true, said: '' };
  } catch (error) {
    return { ok: false, said: String((error as { stderr?: Buffer }).stderr ?? error) };
  }
}

describe('generated documentation is fresh', () => {
  it('docs/ARCHITECTURE.md: the "where to find what" table matches the code (node scripts/where-to-find-what.js)', () => {
    expect(check('scripts/where-to-find-what.js')).toEqual({ ok: true, said: '' });
  });

  it('docs/POLICIES.md is what the policy data renders (npm run docs)', () => {
    expect(check('scripts/policies-doc.js')).toEqual({ ok: true, said: '' });
  });

  it('docs/openapi.json, its reference in docs/API.md and the client types are what the code serves (npm run docs)', () => {
    expect(check('scripts/openapi-doc.js')).toEqual({ ok: true, said: '' });
  }, 120_000);

  it('a stale docs/POLICIES.md fails the check, which names the command that regenerates it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ledger-docs-'));
    try {
      const stale = join(dir, 'POLICIES.md');
      const doc = readFileSync(join(ROOT, 'docs', 'POLICIES.md'), 'utf8');
      writeFileSync(stale, doc.replace('at least 10', 'at least 8'));
      expect(check('scripts/policies-doc.js', '--file', stale)).toEqual({
        ok: false,
        said: expect.stringContaining('docs/POLICIES.md is stale: run npm run docs'),
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
