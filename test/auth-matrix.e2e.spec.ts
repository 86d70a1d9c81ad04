import { EVENT_STORE } from '@ledger/platform';
import type { EventStore } from '@ledger/event-store';
import { RunningLedger, startLedger, TOKENS } from './support/ledger-test-app';
import { DeclaredRoute, mayCall, routeTable, ROLES } from './support/route-table';

/** A path of the route with its parameters filled in: ids that name nothing, a credit code of the right shape. */
export const SAMPLE_PARAMS: Record<string, string> = { id: 'no-such-id', n: '1', creditCode: '91210100MA0000001G' };
const filled = (path: string) => path.replace(/\{(\w+)\}/g, (_m, name: string) => SAMPLE_PARAMS[name] ?? 'x');

/**
 * Every route × {no token, an unknown token, each role} → the status its declared roles say (issue 10): 401 with
 * WWW-Authenticate without a known token, 403 for a role the route does not name, and for a role it names an answer
 * past the guard (a 2xx, or a 400/404 for the empty body and the ids that name nothing). The routes come from the
 * controllers themselves: a new endpoint joins the matrix by being declared, and one declaring neither @Roles nor
 * @Public fails it.
 */
describe('the auth matrix', () => {
  let ledger: RunningLedger;
  let routes: DeclaredRoute[];
  beforeAll(async () => {
    ledger = await startLedger();
    routes = routeTable(ledger.app);
  });
  afterAll(async () => {
    await ledger.close();
  });

  const call = (route: DeclaredRoute, token: string | undefined) =>
    fetch(`${ledger.url}${filled(route.path)}`, {
      method: route.method,
      headers: {
        ...(token !== undefined && { authorization: `Bearer ${token}` }),
        ...(route.method !== 'GET' && { 'content-type': 'application/json' }),
      },
      body: route.method === 'GET' ? undefined : '{}',
    });

  it('finds the routes of every controller, each declaring its roles or that it is public', () => {
    expect(routes.length).toBeGreaterThanOrEqual(50);
    expect(routes.filter((route) => !route.public && !route.roles?.length).map((r) => r.handler)).toEqual([]);
  });

  it('officers read consortia and zones; finance reads consortia and the subsidy side; viewers no commands', () => {
    const reads = (path: string) => routes.find((route) => route.method === 'GET' && route.path === path)!;
    expect(mayCall(reads('/v1/consortia'), 'officer')).toBe(true);
    expect(mayCall(reads('/v1/consortia/{id}'), 'finance')).toBe(true);
    expect(mayCall(reads('/v1/zones/{id}'), 'officer')).toBe(true);
    expect(mayCall(reads('/v1/subsidies/{id}'), 'finance')).toBe(true);
    expect(mayCall(reads('/v1/funding/{creditCode}'), 'finance')).toBe(true);
    expect(mayCall(reads('/v1/subsidies/{id}'), 'officer')).toBe(false);
    expect(routes.filter((route) => route.method !== 'GET' && mayCall(route, 'viewer'))).toEqual([]);
  });

  it('answers every route × {no token, unknown token, each role} as its roles declare, recording nothing', async () => {
    const store = ledger.app.get<EventStore>(EVENT_STORE);
    const before = await store.headPosition();
    const wrong: string[] = [];
    for (const route of routes) {
      const label = `${route.method} ${route.path}`;
      for (const [who, token] of [
        ['no token', undefined],
        ['unknown token', 'tok-nobody'],
      ] as const) {
        const answer = await call(route, token);
        await answer.arrayBuffer();
        if (route.public) {
          if (answer.status === 401 || answer.status === 403) wrong.push(`${label} ${who}: ${answer.status}`);
        } else if (answer.status !== 401 || !/^Bearer\b/.test(answer.headers.get('www-authenticate') ?? '')) {
          wrong.push(`${label} ${who}: ${answer.status}, expected 401 with WWW-Authenticate: Bearer`);
        }
      }
      for (const role of ROLES) {
        const answer = await call(route, TOKENS[role]);
        const body = (await answer.json().catch(() => undefined)) as { error?: string } | undefined;
        if (mayCall(route, role)) {
          if (answer.status === 401 || answer.status === 403 || answer.status >= 500) {
            wrong.push(`${label} as ${role}: ${answer.status} ${body?.error}, expected past the guard`);
          }
        } else if (answer.status !== 403 || body?.error !== 'forbidden') {
          wrong.push(`${label} as ${role}: ${answer.status} ${body?.error}, expected 403 forbidden`);
        }
      }
    }
    expect(wrong).toEqual([]);
    expect(await store.headPosition()).toBe(before);
  });
});
