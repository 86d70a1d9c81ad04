import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

describe('generated documentation is fresh', () => {
  it('docs/ARCHITECTURE.md: the "where to find what" table matches the code (node scripts/where-to-find-what.js)', () => {
    expect(() =>
      execFileSync('node', ['scripts/where-to-find-what.js', '--check'], { cwd: ROOT, stdio: 'pipe' }),
    ).not.toThrow();
  });
});
