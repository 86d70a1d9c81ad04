/**
 * The cases of the HTTP bench and how one is measured: autocannon from this process against a running server, as many
 * requests as 16 connections get answered, or a fixed rate (`overallRate`) for the latency a steady load sees.
 */
import { randomUUID } from 'node:crypto';
import autocannon from 'autocannon';
import { BENCH_TOKEN, LedgerServer } from './ledger-server';
import { CpuReading } from '../support/process-cpu';

/** The filing of README.md's tour. Liaoning has no rule across consortia: the same filing is accepted every time. */
export const LIAONING_FILING = {
  policy: 'liaoning-2021-alliance',
  name: '辽宁重型装备实质性产学研联盟',
  filedOn: '2025-09-01',
  lead: { creditCode: '91210100MA0000001G', name: '沈阳重型机械有限公司', kind: 'enterprise' },
  members: [
    { creditCode: '12210100MA0000004Y', name: '沈阳工业大学', kind: 'university' },
    { creditCode: '91210200MA0000003U', name: '大连精密制造有限公司', kind: 'enterprise' },
  ],
  agreementSigned: true,
};

export interface HttpCase {
  name: string;
  path: string;
  method: 'GET' | 'POST';
  /** One body for every request, or a new one for each. */
  body?: string | (() => string);
  /** Requests per second from all connections together; as many as answered when absent. */
  rate?: number;
  /** Each request with an Idempotency-Key of its own, as a careful client sends a command. */
  keyed?: boolean;
}

export interface Measurement {
  case: string;
  server: string;
  requestsPerSecond: number;
  p50ms: number;
  p99ms: number;
  /** CPU milliseconds the server's main thread spent per answered request (HTTP, commands, projections). */
  mainCpuMsPerRequest?: number;
  /** … and all its threads (the SQLite writer, libuv's pool, V8's helpers). */
  totalCpuMsPerRequest?: number;
  requests: number;
  non2xx: number;
  errors: number;
}

export interface Load {
  connections: number;
  seconds: number;
}

export async function measure(
  server: LedgerServer,
  serverName: string,
  benchCase: HttpCase,
  load: Load,
): Promise<Measurement> {
  const { body, keyed } = benchCase;
  const setUp = typeof body === 'function' || keyed;
  const request: autocannon.Request = {
    method: benchCase.method,
    path: benchCase.path,
    ...(typeof body === 'string' && { body }),
    ...(setUp && {
      setupRequest: (sent: autocannon.Request) => ({
        ...sent,
        ...(typeof body === 'function' && { body: body() }),
        ...(keyed && { headers: { ...sent.headers, 'idempotency-key': randomUUID() } }),
      }),
    }),
  };
  const before = server.cpu();
  const result = await autocannon({
    url: server.url,
    connections: load.connections,
    duration: load.seconds,
    ...(benchCase.rate !== undefined && { overallRate: benchCase.rate }),
    headers: {
      authorization: `Bearer ${BENCH_TOKEN}`,
      ...(body !== undefined && { 'content-type': 'application/json' }),
    },
    requests: [request],
  });
  const after = server.cpu();
  const answered = result.requests.total;
  return {
    case: benchCase.name,
    server: serverName,
    requestsPerSecond: Math.round(result.requests.average),
    p50ms: result.latency.p50,
    p99ms: result.latency.p99,
    ...cpuPerRequest(before, after, answered),
    requests: answered,
    non2xx: result.non2xx,
    errors: result.errors,
  };
}

function cpuPerRequest(before: CpuReading | undefined, after: CpuReading | undefined, requests: number) {
  if (!before || !after || requests === 0) return {};
  const perRequest = (seconds: number) => Math.round((seconds * 1000 * 1000) / requests) / 1000;
  return {
    mainCpuMsPerRequest: perRequest(after.mainSeconds - before.mainSeconds),
    totalCpuMsPerRequest: perRequest(after.totalSeconds - before.totalSeconds),
  };
}
