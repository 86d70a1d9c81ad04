/**
 * SLW-1 (bench/slw1/slw1.workload.ts) as HTTP requests: its 100 Liaoning alliances filed and approved through the API,
 * then its grants as `POST /v1/subsidies` bodies — the same streams (盟主 × fiscal year) and the same seeded RNG, each
 * grant on its own project. Amounts are a tenth of SLW-1's, so that the 盟主 annual caps (2000万) hold some 200 grants a
 * stream instead of 20 and a run of tens of thousands of requests is mostly accepted grants, not refusals.
 */
import { MEMBERS, TIMELINES } from '@ledger/domain/consortium/consortium.fixtures';
import { fenToYuan } from '@ledger/domain/shared/money';
import { mengzhuOf, SLW1, slw1Grants } from '../slw1/slw1.workload';
import { BENCH_TOKEN } from './ledger-server';

const POLICY = 'liaoning-2021-alliance';
const AMOUNT_DIVISOR = 10;

async function post(url: string, path: string, body: unknown): Promise<{ id?: string }> {
  const answer = await fetch(`${url}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${BENCH_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await answer.text();
  if (answer.status !== 201) throw new Error(`POST ${path}: ${answer.status} ${text}`);
  return JSON.parse(text) as { id?: string };
}

/** Files SLW-1's alliance k and takes it through review, public notice and approval; answers its id. */
async function activeAlliance(url: string, k: number): Promise<string> {
  const t = TIMELINES[POLICY];
  const filed = await post(url, '/v1/consortia', {
    policy: POLICY,
    name: `辽宁重型装备实质性产学研联盟 ${k}`,
    filedOn: t.filedOn,
    lead: mengzhuOf(k),
    members: MEMBERS[POLICY],
    agreementSigned: true,
  });
  const id = filed.id!;
  for (const review of t.reviews) await post(url, `/v1/consortia/${id}/reviews`, { ...review, outcome: 'pass' });
  await post(url, `/v1/consortia/${id}/public-notice`, { startsOn: t.noticeStartsOn });
  await post(url, `/v1/consortia/${id}/approval`, { on: t.approvedOn });
  return id;
}

/** SLW-1's alliances, active, in order of k (eight set up at a time). */
export async function setUpAlliances(url: string): Promise<string[]> {
  const ids: string[] = new Array(SLW1.alliances);
  let next = 0;
  const worker = async () => {
    while (next < SLW1.alliances) {
      const k = next++;
      ids[k] = await activeAlliance(url, k);
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  return ids;
}

/**
 * An endless supply of grant bodies (JSON text): SLW-1's first `distinct` grants against the alliances' ids, then again
 * with other project ids, so that no two grants share a project.
 */
export function grantBodies(allianceIds: ReadonlyArray<string>, distinct = 20_000): () => string {
  const grants = slw1Grants(distinct);
  let sent = 0;
  return () => {
    const { command, stream } = grants[sent % grants.length];
    const grant = command.data;
    const body = JSON.stringify({
      consortiumId: allianceIds[stream % SLW1.alliances],
      recipient: grant.recipient,
      category: grant.category,
      amount: fenToYuan(Math.round(grant.amountFen / AMOUNT_DIVISOR)),
      fiscalYear: grant.fiscalYear,
      grantedOn: grant.grantedOn,
      projectId: `slw1-http-project-${sent}`,
      projectTotalInvestment: fenToYuan(grant.projectTotalInvestmentFen!),
    });
    sent++;
    return body;
  };
}
