/**
 * docs/API.md is the HTTP guide until its reference part is generated from the OpenAPI document: every route a
 * controller serves is in it, written `METHOD /path` with `{param}`s as the contract writes them.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const guide = readFileSync(join(ROOT, 'docs', 'API.md'), 'utf8');

function* controllers(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* controllers(path);
    else if (name.endsWith('.controller.ts') && !name.endsWith('.spec.ts')) yield path;
  }
}

/**
 * `GET /v1/consortia/{id}/history`, … for every handler of a controller file whose path is written out; a controller
 * made by a function for several collections (`@Controller(`v1/${collection}`)`) is in the OpenAPI document instead.
 */
function routesOf(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  const controller = /@Controller\(([^)]*)\)/.exec(source)?.[1] ?? '';
  if (controller !== '' && !/^'[^']*'$/.test(controller)) return [];
  const base = controller.slice(1, -1);
  return [...source.matchAll(/@(Get|Post|Delete|Put|Patch)\((?:'([^']*)')?\)/g)].map(([, method, path = '']) =>
    `${method.toUpperCase()} /${[base, path].filter(Boolean).join('/')}`.replace(/:(\w+)/g, '{$1}'),
  );
}

/** Every route the running service describes (`npm run docs` writes the document; generated-docs checks it is current). */
const openApi = JSON.parse(readFileSync(join(ROOT, 'docs', 'openapi.json'), 'utf8')) as {
  paths: Record<string, Record<string, unknown>>;
};
const described = Object.entries(openApi.paths).flatMap(([path, operations]) =>
  Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`),
);

const routes = [
  ...new Map(
    [
      ...['apps', 'libs/platform'].flatMap((dir) =>
        [...controllers(join(ROOT, dir))].flatMap((file) => routesOf(file).map((route) => ({ route, file }))),
      ),
      ...described.map((route) => ({ route, file: join(ROOT, 'docs', 'openapi.json') })),
    ].map((found) => [found.route, found]),
  ).values(),
];

describe('docs/API.md, the HTTP guide', () => {
  it('finds the routes', () => expect(routes.length).toBeGreaterThan(40));

  it.each(routes.map(({ route, file }) => [route, relative(ROOT, file)]))('names %s (%s)', (route) => {
    const [method, path] = route.split(' ');
    // `GET /v1/consortia?policy=…` and `GET /v1/policies[/{id}]` name their route too.
    const written = new RegExp(`\`${method} ${path.replace(/[{}[\]/.]/g, '\\$&')}(\`|\\?|\\[)`);
    expect(guide).toMatch(written);
  });
});
