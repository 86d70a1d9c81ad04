import type { paths } from './ledger-api';
import { HttpClient, RequestOptions } from './http-client';

/**
 * The e2e tests' typed client: the paths, path parameters, bodies and answers of docs/openapi.json as openapi-typescript
 * wrote them (ledger-api.d.ts), over the tests' HttpClient. A body or an answer the contract does not describe does
 * not typecheck.
 */
type Method = 'get' | 'post' | 'delete';
type PathsWith<M extends Method> = {
  [P in keyof paths]: paths[P][M] extends undefined ? never : P;
}[keyof paths];
type Operation<P extends keyof paths, M extends Method> = NonNullable<paths[P][M]>;
type JsonOf<T> = T extends { content: { 'application/json': infer B } } ? B : never;
type BodyOf<O> = O extends { requestBody: infer R } ? JsonOf<NonNullable<R>> : never;
type PathParamsOf<O> = O extends { parameters: { path: infer A } } ? A : never;
type QueryOf<O> = O extends { parameters: { query?: infer Q } } ? Q : never;
/** The success answer: 200 or 201. */
export type AnswerOf<O> = O extends { responses: infer R }
  ? R extends { 201: infer A }
    ? JsonOf<A>
    : R extends { 200: infer A }
      ? JsonOf<A>
      : never
  : never;

interface Call<O> extends RequestOptions {
  params?: PathParamsOf<O>;
  query?: QueryOf<O>;
}

export class TypedClient {
  constructor(readonly http: HttpClient) {}

  get<P extends PathsWith<'get'>>(path: P, call: Call<Operation<P, 'get'>> = {}) {
    return this.http.get<AnswerOf<Operation<P, 'get'>>>(url(path, call), call);
  }

  post<P extends PathsWith<'post'>>(
    path: P,
    body: BodyOf<Operation<P, 'post'>>,
    call: Call<Operation<P, 'post'>> = {},
  ) {
    return this.http.post<AnswerOf<Operation<P, 'post'>>>(url(path, call), body, call);
  }

  delete<P extends PathsWith<'delete'>>(path: P, call: Call<Operation<P, 'delete'>> = {}) {
    return this.http.delete<AnswerOf<Operation<P, 'delete'>>>(url(path, call), call);
  }
}

function url(path: string, call: { params?: unknown; query?: unknown }): string {
  const params = (call.params ?? {}) as Record<string, string | number>;
  const filled = path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(String(params[name])));
  const query = Object.entries((call.query ?? {}) as Record<string, unknown>).filter(([, v]) => v !== undefined);
  return query.length === 0
    ? filled
    : `${filled}?${new URLSearchParams(query.map(([k, v]): [string, string] => [k, String(v)])).toString()}`;
}
