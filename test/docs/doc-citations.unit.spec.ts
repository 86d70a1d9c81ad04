/**
 * The spec lives in the project: every citation or comment that names a section of one of the docs ("API.md
 * Subsidies: …", "POLICIES.md: Lifecycle shared by all consortium policies", "INTERPRETATIONS.md Funding") names a
 * section docs/ has, and nothing points outside the repository (the clone stands alone).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const DOCS = ['API.md', 'POLICIES.md', 'INTERPRETATIONS.md', 'ARCHITECTURE.md'];
const SKIP = new Set(['node_modules', 'dist', '.build', '.git', 'data', 'fixtures']);

function* files(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (!SKIP.has(name)) yield* files(path);
    } else if (/\.(ts|js|cjs|mjs|md|json|ya?ml)$/.test(name) && name !== 'package-lock.json') yield path;
  }
}

const projectFiles = ['apps', 'libs', 'scripts', 'bench', 'test', 'docs', 'deploy', '.ci']
  .flatMap((dir) => [...files(join(ROOT, dir))])
  .concat(join(ROOT, 'README.md'), join(ROOT, 'package.json'));

/** Headings of a doc, without their #s and backticks. */
const headings = (doc: string): string[] =>
  readFileSync(join(ROOT, 'docs', doc), 'utf8')
    .split('\n')
    .filter((line) => /^#{1,6} /.test(line))
    .map((line) => line.replace(/^#+ /, '').replace(/`/g, '').trim());

describe('the docs the code cites', () => {
  const sections = new Map(DOCS.map((doc) => [doc, headings(doc)]));

  it('every "<DOC>.md <Section>" names a section the doc has', () => {
    const unresolved: string[] = [];
    for (const file of projectFiles) {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(
        /\b(API|POLICIES|INTERPRETATIONS|ARCHITECTURE)\.md[:,]?\s+"?([A-Z][^:(),."'`|\n]*)/g,
      )) {
        const [, doc, section] = match;
        const name = section.trim();
        if (!sections.get(`${doc}.md`)!.some((heading) => heading.startsWith(name)))
          unresolved.push(`${relative(ROOT, file)}: ${doc}.md ${name}`);
      }
    }
    expect(unresolved).toEqual([]);
  });

  it('the API.md sections the recorded citations name', () => {
    expect(sections.get('API.md')).toEqual(expect.arrayContaining(['Subsidies', 'Errors', 'Conventions']));
  });

  it('nothing points outside the repository', () => {
    // A relative path that leaves the repository from the file that names it and from the root (../shared/API.md).
    const leaves = (file: string, path: string) =>
      [dirname(file), ROOT].every((from) => relative(ROOT, resolve(from, path)).startsWith('..'));
    const outside = projectFiles.flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/(?:\.\.\/)+[\w.-]+|\/work\/shared\b/g)]
        .filter(([path]) => path.startsWith('/') || leaves(file, path))
        .map(([path]) => `${relative(ROOT, file)}: ${path}`),
    );
    expect(outside).toEqual([]);
  });
});
