/**
 * What the ledger learnt to record after version 1 (policy catalogue 2026-12-01), played after the version-1 story for
 * test/fixtures/stored-log-v2: exceptions on record (RuleWaived), a project that goes on after its consortium
 * dissolved (SubsidyContinued), maker-checker on large grants (PendingGrantOpened/Closed with GrantApproved,
 * GrantDeclined and GrantExpired), and a region's average R&D intensity (RegionalAverageRecorded) — besides today's
 * slimmer shapes of SubsidyGranted and FundingCommitted, which every grant of the story is written in.
 */
import { enterprise, LEADS, university } from '@ledger/domain/consortium/consortium.fixtures';
import { PendingGrantExpiry } from '../../apps/command/src/subsidies/expire-pending-grants/pending-grant-expiry';
import { activeConsortium, filingBody, TIMELINES, unitBody } from '../support/consortium-requests';
import { RunningLedger } from '../support/ledger-test-app';
import { TOKEN_LIST } from '../support/test-tokens';
import { StoryIds } from './stored-log.story';

/** The second finance user who signs what the first one granted. */
const CHECKER = { token: 'tok-finance-checker', actor: 'finance.zhao' };

/** The version-2 story runs with maker-checker on from 500万 (grants of version 1 were decided without it). */
export const STORED_LOG_V2_ENV = {
  LEDGER_DUAL_CONTROL_AMOUNT: '5000000.00',
  LEDGER_PENDING_DAYS: '10',
  LEDGER_TOKENS: `${TOKEN_LIST},${CHECKER.token}:${CHECKER.actor}:finance`,
};

export async function playStoryV2(ledger: RunningLedger, ids: StoryIds): Promise<void> {
  const post = async (path: string, body: unknown, as: { as?: 'officer' | 'finance' | 'admin'; token?: string }) => {
    const answer = await ledger.http.post(path, body, as);
    if (answer.status !== 201) throw new Error(`POST ${path} answered ${answer.status}: ${answer.text}`);
    return answer.body;
  };
  const officer = { as: 'officer' as const };
  const finance = { as: 'finance' as const };
  const grant = async (body: Record<string, unknown>) => {
    const answer = await post('/v1/subsidies', body, finance);
    ids.subsidies.push(answer.id);
    ids.recipients.push({ creditCode: body.recipient as string, fiscalYear: body.fiscalYear as number });
    return answer.id as string;
  };

  // ---- ledger.waivers: an Inner Mongolia consortium of 8 units, approved on a document waiving nmg.members-min
  const NMG = 'nmg-2024-consortium' as const;
  const nmgT = TIMELINES[NMG];
  const lead = unitBody(enterprise('baotou', 950, { rdExpenseLastYearFen: 200_000_000_00 }));
  const waived = await post(
    '/v1/consortia',
    filingBody(NMG, { lead, members: filingBody(NMG, { lead }).members.slice(0, 8) }),
    officer,
  );
  ids.consortia.push(waived.id);
  await post(`/v1/consortia/${waived.id}/reviews`, { ...nmgT.reviews[0], outcome: 'pass' }, officer);
  await post(`/v1/consortia/${waived.id}/public-notice`, { startsOn: nmgT.noticeStartsOn }, officer);
  await post(
    `/v1/consortia/${waived.id}/waivers`,
    {
      rule: 'nmg.members-min',
      on: '2025-10-11',
      reason: '上游单位不足,经厅务会研究同意',
      reference: '内科发〔2025〕31号',
    },
    officer,
  );
  await post(`/v1/consortia/${waived.id}/approval`, { on: nmgT.approvedOn }, officer);

  // ---- ledger.project-change: a talent grant whose alliance dissolves; the authority lets the project go on
  const alliance = await activeConsortium(ledger, 'liaoning-2021-alliance', {
    lead: unitBody(enterprise('dalian', 960)),
    members: [unitBody(university('dalian', 964)), unitBody(enterprise('dalian', 965))],
  });
  ids.consortia.push(alliance.id);
  const talent = await grant({
    consortiumId: alliance.id,
    recipient: enterprise('dalian', 960).creditCode,
    category: 'liaoning.talent',
    amount: '2000000.00',
    fiscalYear: 2029,
    grantedOn: '2029-03-01',
  });
  await post(`/v1/consortia/${alliance.id}/dissolution`, { on: '2029-06-01', reason: '联盟任务完成' }, officer);
  await post(
    `/v1/subsidies/${talent}/continuation`,
    { on: '2029-06-10', authority: '辽宁省科学技术厅', reference: '辽科发〔2029〕12号' },
    finance,
  );
  await post(
    `/v1/subsidies/${talent}/disbursements`,
    { amount: '1000000.00', paidOn: '2029-06-20', voucher: 'LN-2029-001' },
    finance,
  );

  // ---- ledger.dual-control: three large grants to one alliance's 盟主, signed, declined and left to expire
  const signed = await activeConsortium(ledger, 'liaoning-2021-alliance', {
    lead: unitBody(enterprise('dalian', 961)),
    members: [unitBody(university('dalian', 962)), unitBody(enterprise('dalian', 963))],
  });
  ids.consortia.push(signed.id);
  const large = (grantedOn: string, projectId: string) =>
    grant({
      consortiumId: signed.id,
      recipient: enterprise('dalian', 961).creditCode,
      category: 'liaoning.jiebang',
      amount: '6000000.00',
      fiscalYear: 2030,
      grantedOn,
      projectId,
      projectTotalInvestment: '40000000.00',
    });
  const approved = await large('2030-06-25', 'ln-v2-signed');
  await post(`/v1/subsidies/${approved}/approval`, { on: '2030-06-27' }, { token: CHECKER.token });
  const declined = await large('2030-06-26', 'ln-v2-declined');
  await post(
    `/v1/subsidies/${declined}/decline`,
    { on: '2030-06-28', note: '项目预算未经评审' },
    { token: CHECKER.token },
  );
  await large('2030-06-01', 'ln-v2-unsigned');
  await ledger.app.get(PendingGrantExpiry).runOnce();

  // ---- zone.rd-intensity: the region's average recorded by an admin
  await post(
    '/v1/zones/regional-averages',
    { year: 2029, rdIntensity: 0.0093, source: '2029年全区科技经费投入统计公报' },
    { as: 'admin' },
  );
  ids.recipients.push({ creditCode: LEADS['liaoning-2021-alliance'].creditCode, fiscalYear: 2030 });
}
