import { EVENT_STORE } from '@ledger/platform';
import type { EventStore } from '@ledger/event-store';
import { RunningLedger, startLedger, TOKENS } from './support/ledger-test-app';
import { TOKEN_LIST } from './support/test-tokens';
import { DeclaredRoute, mayCall, routeTable, ROLES } from './support/route-table';

/** A path of the route with its parameters filled in: ids that name nothing, a credit code of the right shape. */
export const SAMPLE_PARAMS: Record<string, string> = { id: 'no-such-id', n: '1', creditCode: '91210100MA0000001G' };
const filled = (path: string) => path.replace(/\{(\w+)\}/g, (_m, name: string) => SAMPLE_PARAMS[name] ?? 'x');

/**
 * Every route × {no token, an unknown token, each role, each role scoped to a jurisdiction} → the status its declared roles say (issue 10): 401 with
 * WWW-Authenticate without a known token, 403 for a role the route does not name, and for a role it names an answer
 * past the guard (a 2xx, or a 400/404 for the empty body and the ids that name nothing). The routes come from the
 * controllers themselves: a new endpoint joins the matrix by being declared, and one declaring neither @Roles nor
 * @Public fails it.
 */
/** Each role once more with a jurisdiction (issue 14): a scope narrows what a token sees, never which routes it may call. */
const SCOPED_ROLES = ROLES.filter((role) => role !== 'admin');
const scopedToken = (role: string) => `tok-scoped-${role}`;
const SCOPED_TOKENS = SCOPED_ROLES.map(
  (role) => `${scopedToken(role)}:scoped.${role}:${role}@luzhou-2024-consortium|51`,
).join(',');

describe('the auth matrix', () => {
  let ledger: RunningLedger;
  let routes: DeclaredRoute[];
  beforeAll(async () => {
    ledger = await startLedger({ env: { LEDGER_TOKENS: `${TOKEN_LIST},${SCOPED_TOKENS}` } });
    routes = routeTable(ledger.app);
  });
  afterAll(async () => {
    await ledger.close();
  });

  /** The answer's status, headers and (JSON) body; a stream (GET /v1/stream) is let go once its head is in. */
  const call = async (route: DeclaredRoute, token: string | undefined) => {
    const answer = await fetch(`${ledger.url}${filled(route.path)}`, {
      method: route.method,
      headers: {
        ...(token !== undefined && { authorization: `Bearer ${token}` }),
        ...(route.method !== 'GET' && { 'content-type': 'application/json' }),
      },
      body: route.method === 'GET' ? undefined : '{}',
    });
    const streaming = answer.headers.get('content-type')?.startsWith('text/event-stream');
    const body = streaming
      ? await answer.body?.cancel()
      : ((await answer.json().catch(() => undefined)) as { error?: string } | undefined);
    return { status: answer.status, headers: answer.headers, body: body ?? undefined };
  };

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

  it('answers every route × {no token, unknown token, each role, scoped or not} as its roles declare, recording nothing', async () => {
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
        if (route.public) {
          if (answer.status === 401 || answer.status === 403) wrong.push(`${label} ${who}: ${answer.status}`);
        } else if (answer.status !== 401 || !/^Bearer\b/.test(answer.headers.get('www-authenticate') ?? '')) {
          wrong.push(`${label} ${who}: ${answer.status}, expected 401 with WWW-Authenticate: Bearer`);
        }
      }
      const tokens = [
        ...ROLES.map((role) => [role, role, TOKENS[role]] as const),
        ...SCOPED_ROLES.map((role) => [`${role} (scoped)`, role, scopedToken(role)] as const),
      ];
      for (const [who, role, token] of tokens) {
        const answer = await call(route, token);
        const { body } = answer;
        if (mayCall(route, role)) {
          if (answer.status === 401 || answer.status === 403 || answer.status >= 500) {
            wrong.push(`${label} as ${who}: ${answer.status} ${body?.error}, expected past the guard`);
          }
        } else if (answer.status !== 403 || body?.error !== 'forbidden') {
          wrong.push(`${label} as ${who}: ${answer.status} ${body?.error}, expected 403 forbidden`);
        }
      }
    }
    expect(wrong).toEqual([]);
    expect(await store.headPosition()).toBe(before);
  }, 60_000);
});
