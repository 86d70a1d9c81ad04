/**
 * The story behind the committed stored-event fixture (test/fixtures/stored-log-v1): every event type of every
 * module and every policy, driven over real HTTP through the whole ledger, as a user would. Run once by
 * `generate-stored-log.ts`; the log it wrote is committed and must load, replay, verify and answer the same queries
 * in every later version.
 */
import { enterprise, LEADS, MEMBERS, university } from '@ledger/domain/consortium/consortium.fixtures';
import { FULL_MARKS_INDICATORS_HTTP } from '@ledger/domain/zone/zone.fixtures';
import { activeConsortium, filingBody, TIMELINES, unitBody } from '../support/consortium-requests';
import { LedgerClient } from '../support/ledger-test-app';

/** The business date the fixture was recorded under, and the one its answers are given under. */
export const STORED_LOG_TODAY = '2030-06-30';

const ASPECTS = [
  'construction-direction',
  'interest-mechanism',
  'innovation-goals',
  'innovation-capability',
  'talent-introduction',
  'resource-agglomeration',
  'achievement-transformation',
  'rd-investment',
  'platform-support',
  'overall-strength',
];

export interface StoryIds {
  consortia: string[];
  subsidies: string[];
  zones: string[];
  recipients: Array<{ creditCode: string; fiscalYear: number }>;
}

export async function playStory(ledger: LedgerClient): Promise<StoryIds> {
  const ids: StoryIds = { consortia: [], subsidies: [], zones: [], recipients: [] };
  const post = async (path: string, body: unknown, as: 'officer' | 'finance' = 'officer') => {
    const answer = await ledger.http.post(path, body, { as });
    if (answer.status !== 201) throw new Error(`POST ${path} answered ${answer.status}: ${answer.text}`);
    return answer.body;
  };
  const consortium = async (
    policy: Parameters<typeof activeConsortium>[1],
    overrides: Record<string, unknown> = {},
  ) => {
    const { id } = await activeConsortium(ledger, policy, overrides);
    ids.consortia.push(id);
    return id;
  };
  const grant = async (body: Record<string, unknown>) => {
    const answer = await post('/v1/subsidies', body, 'finance');
    ids.subsidies.push(answer.id);
    ids.recipients.push({ creditCode: body.recipient as string, fiscalYear: body.fiscalYear as number });
    return answer.id as string;
  };

  // ---- nmg-2024-consortium: an objection dismissed, members changed, renamed (dissolves), a lead change (dissolves)
  const nmg = LEADS['nmg-2024-consortium'];
  const nmgT = TIMELINES['nmg-2024-consortium'];
  const nmgFiled = await post('/v1/consortia', filingBody('nmg-2024-consortium'));
  const nmgId = nmgFiled.id as string;
  ids.consortia.push(nmgId);
  await post(`/v1/consortia/${nmgId}/reviews`, {
    stage: 'expert',
    outcome: 'pass',
    on: nmgT.reviews[0].on,
    notes: '专家论证通过',
  });
  await post(`/v1/consortia/${nmgId}/public-notice`, { startsOn: nmgT.noticeStartsOn });
  await post(`/v1/consortia/${nmgId}/objections`, { on: '2025-10-09', text: '成员单位材料不实' });
  await post(`/v1/consortia/${nmgId}/objections/1/resolution`, { on: '2025-10-10', outcome: 'dismissed' });
  await post(`/v1/consortia/${nmgId}/approval`, { on: nmgT.approvedOn });
  await post(`/v1/consortia/${nmgId}/members`, { on: '2025-11-01', member: unitBody(enterprise('baotou', 31)) });
  const removed = await ledger.http.delete(
    `/v1/consortia/${nmgId}/members/${MEMBERS['nmg-2024-consortium'][8].creditCode}?on=2025-11-02`,
    { as: 'officer' },
  );
  if (removed.status !== 200 && removed.status !== 201)
    throw new Error(`member removal answered ${removed.status}: ${removed.text}`);
  const nmgProject = await grant({
    consortiumId: nmgId,
    recipient: nmg.creditCode,
    category: 'nmg.project',
    amount: '3000000.00',
    fiscalYear: 2025,
    grantedOn: '2025-11-10',
    projectId: 'nmg-rare-earth-1',
  });
  await post(
    `/v1/subsidies/${nmgProject}/disbursements`,
    { amount: '1000000.00', paidOn: '2025-11-20', voucher: 'NMG-2025-001' },
    'finance',
  );
  await post(`/v1/subsidies/${nmgProject}/termination`, { on: '2025-12-15', reason: '任务未按期实施' }, 'finance');
  await post(
    `/v1/subsidies/${nmgProject}/refunds`,
    { amount: '400000.00', receivedOn: '2026-01-05', voucher: 'NMG-R-001' },
    'finance',
  );
  await post(`/v1/consortia/${nmgId}/rename`, { on: '2026-01-10', name: '内蒙古自治区稀土功能材料产业链创新联合体' });
  // The same lead may lead again once its consortium is dissolved (nmg.one-per-lead); this one dissolves by lead change.
  const nmg2 = await consortium('nmg-2024-consortium', { filedOn: '2025-09-02' });
  await post(`/v1/consortia/${nmg2}/lead-change`, {
    on: '2026-02-01',
    newLead: unitBody(enterprise('baotou', 32, { rdExpenseLastYearFen: 200_000_000_00 })),
  });

  // ---- luzhou-2024-consortium: a platform grant, a transformation project terminated, two unqualified evaluations
  const luzhouId = await consortium('luzhou-2024-consortium');
  const luzhouLead = LEADS['luzhou-2024-consortium'].creditCode;
  const platform = await grant({
    consortiumId: luzhouId,
    recipient: luzhouLead,
    category: 'luzhou.platform',
    amount: '800000.00',
    fiscalYear: 2026,
    grantedOn: '2026-03-01',
    platformId: 'luzhou-pilot-base-1',
  });
  await post(
    `/v1/subsidies/${platform}/disbursements`,
    { amount: '800000.00', paidOn: '2026-03-15', voucher: 'LZ-2026-001' },
    'finance',
  );
  const transformation = await grant({
    consortiumId: luzhouId,
    recipient: MEMBERS['luzhou-2024-consortium'][0].creditCode,
    category: 'luzhou.transformation',
    amount: '3000000.00',
    fiscalYear: 2026,
    grantedOn: '2026-04-01',
    projectId: 'luzhou-baijiu-line',
  });
  await post(
    `/v1/subsidies/${transformation}/disbursements`,
    { amount: '1000000.00', paidOn: '2026-04-20', voucher: 'LZ-2026-002' },
    'finance',
  );
  await post(
    `/v1/subsidies/${transformation}/cancellation`,
    { amount: '500000.00', on: '2026-05-01', reason: '预算调减' },
    'finance',
  );
  await post(`/v1/subsidies/${transformation}/termination`, { on: '2026-06-01', reason: '项目终止' }, 'finance');
  await post(`/v1/consortia/${luzhouId}/evaluations`, { period: '2027', on: '2027-10-15', grade: 'unqualified' });
  await post(`/v1/consortia/${luzhouId}/evaluations`, { period: '2029', on: '2029-10-15', grade: 'unqualified' });

  // ---- liaoning-2021-alliance: every category, movements, a lead change that replaces the 盟主, an evaluation
  const liaoningId = await consortium('liaoning-2021-alliance');
  const mengzhu = LEADS['liaoning-2021-alliance'].creditCode;
  await grant({
    consortiumId: liaoningId,
    recipient: mengzhu,
    category: 'liaoning.operating',
    amount: '2000000.00',
    fiscalYear: 2026,
    grantedOn: '2026-02-01',
  });
  const jiebang = await grant({
    consortiumId: liaoningId,
    recipient: mengzhu,
    category: 'liaoning.jiebang',
    amount: '10000000.00',
    fiscalYear: 2026,
    grantedOn: '2026-03-01',
    projectId: 'ln-heavy-1',
    projectTotalInvestment: '50000000.00',
  });
  await post(
    `/v1/subsidies/${jiebang}/disbursements`,
    { amount: '6000000.00', paidOn: '2026-03-20', voucher: 'LN-2026-001' },
    'finance',
  );
  await post(
    `/v1/subsidies/${jiebang}/cancellation`,
    { amount: '1000000.00', on: '2026-04-01', reason: '项目调整' },
    'finance',
  );
  await post(
    `/v1/subsidies/${jiebang}/clawbacks`,
    { amount: '1000000.00', on: '2026-05-01', reason: 'misuse' },
    'finance',
  );
  await post(
    `/v1/subsidies/${jiebang}/refunds`,
    { amount: '500000.00', receivedOn: '2026-05-20', voucher: 'LN-R-001' },
    'finance',
  );
  await grant({
    consortiumId: liaoningId,
    recipient: MEMBERS['liaoning-2021-alliance'][0].creditCode,
    category: 'liaoning.talent',
    amount: '5000000.00',
    fiscalYear: 2026,
    grantedOn: '2026-03-05',
  });
  await post(`/v1/consortia/${liaoningId}/evaluations`, {
    period: '2026',
    on: '2026-09-01',
    grade: 'excellent',
    scores: Object.fromEntries(ASPECTS.map((key, i) => [key, 80 + i])),
  });
  await post(`/v1/consortia/${liaoningId}/lead-change`, {
    on: '2026-10-01',
    newLead: unitBody(enterprise('dalian', 33)),
  });

  // ---- ten more alliances, each with the previous one's 盟主 as a member: 揭榜挂帅 grants in both roles, over years
  let previousLead = mengzhu;
  for (let i = 0; i < 10; i++) {
    const lead = enterprise('shenyang', 100 + i);
    const members = [
      unitBody(enterprise('dalian', 200 + i)),
      unitBody(university('shenyang', 300 + i)),
      unitBody({ ...enterprise('shenyang', 0), creditCode: previousLead, name: `盟主 ${i}` }),
    ];
    const allianceId = await consortium('liaoning-2021-alliance', { lead: unitBody(lead), members });
    for (let g = 0; g < 4; g++) {
      await grant({
        consortiumId: allianceId,
        recipient: g === 3 ? previousLead : lead.creditCode,
        category: 'liaoning.jiebang',
        amount: `${(g + 1) * 1000000 + i * 10000}.00`,
        fiscalYear: 2026 + (g % 2),
        grantedOn: `${2026 + (g % 2)}-0${g + 2}-1${i % 10}`,
        projectId: `ln-${i}-${g}`,
        projectTotalInvestment: '40000000.00',
      });
    }
    previousLead = lead.creditCode;
  }

  // ---- tianjin-2018-alliance: the filing subsidy, the national pilot, a fraud clawback (of everything disbursed: tianjin.fraud), annual reports
  const tianjinId = await consortium('tianjin-2018-alliance');
  const tianjinLead = LEADS['tianjin-2018-alliance'].creditCode;
  const filingSubsidy = await grant({
    consortiumId: tianjinId,
    recipient: tianjinLead,
    category: 'tianjin.filing',
    amount: '500000.00',
    fiscalYear: 2020,
    grantedOn: '2020-07-01',
  });
  await grant({
    consortiumId: tianjinId,
    recipient: MEMBERS['tianjin-2018-alliance'][0].creditCode,
    category: 'tianjin.national-pilot',
    amount: '500000.00',
    fiscalYear: 2020,
    grantedOn: '2020-08-01',
  });
  await post(`/v1/consortia/${tianjinId}/annual-reports`, {
    year: 2020,
    submittedOn: '2020-12-20',
    summary: true,
    plan: true,
  });
  await post(
    `/v1/subsidies/${filingSubsidy}/disbursements`,
    { amount: '500000.00', paidOn: '2020-07-15', voucher: 'TJ-2020-001' },
    'finance',
  );
  await post(
    `/v1/subsidies/${filingSubsidy}/clawbacks`,
    { amount: '500000.00', on: '2021-03-01', reason: 'fraud' },
    'finance',
  );

  // ---- filings that end before approval: rejected, withdrawn; an active one dissolved by the officer
  const rejected = await post(
    '/v1/consortia',
    filingBody('luzhou-2024-consortium', {
      lead: unitBody(enterprise('luzhou', 40)),
      members: MEMBERS['luzhou-2024-consortium'].slice(0, 3).map(unitBody),
    }),
  );
  ids.consortia.push(rejected.id);
  await post(`/v1/consortia/${rejected.id}/rejection`, { on: '2025-09-20', reason: '成员单位不足' });
  const withdrawn = await post(
    '/v1/consortia',
    filingBody('liaoning-2021-alliance', {
      lead: unitBody(enterprise('shenyang', 41)),
      members: [unitBody(university('shenyang', 42))],
    }),
  );
  ids.consortia.push(withdrawn.id);
  await post(`/v1/consortia/${withdrawn.id}/withdrawal`, { on: '2025-09-25' });
  const dissolved = await consortium('liaoning-2021-alliance', { lead: unitBody(enterprise('shenyang', 43)) });
  await post(`/v1/consortia/${dissolved}/dissolution`, { on: '2026-12-01', reason: '联盟任务完成' });

  // ---- nmg-2022-zone: reports and a correction; excellent; rectified; removed
  const zone = async (name: string, approvedOn: string) => {
    const answer = await post('/v1/zones', { policy: 'nmg-2022-zone', name, approvedOn });
    ids.zones.push(answer.id);
    return answer.id as string;
  };
  const report = (zoneId: string, year: number, submittedOn: string, indicators: Record<string, unknown> = {}) =>
    post(`/v1/zones/${zoneId}/annual-reports`, {
      year,
      submittedOn,
      indicators: { ...FULL_MARKS_INDICATORS_HTTP, ...indicators },
    });
  const rectified = await zone('包头稀土高新区科技成果转移转化示范区', '2022-12-01');
  await report(rectified, 2023, '2023-12-20', { techContractTurnover: '40000000' });
  await report(rectified, 2023, '2024-01-05');
  await report(rectified, 2024, '2025-01-10', { brokers: 8 });
  await post(`/v1/zones/${rectified}/evaluations`, { on: '2025-12-01', grade: 'unqualified' });
  await post(`/v1/zones/${rectified}/evaluations`, { on: '2027-12-02', grade: 'qualified' });
  const excellent = await zone('呼和浩特金山科技成果转移转化示范区', '2023-01-10');
  await report(excellent, 2023, '2023-12-01');
  await post(`/v1/zones/${excellent}/evaluations`, { on: '2026-01-10', grade: 'excellent' });
  const removedZone = await zone('鄂尔多斯科技成果转移转化示范区', '2022-12-15');
  await post(`/v1/zones/${removedZone}/evaluations`, { on: '2025-12-15', grade: 'unqualified' });
  await post(`/v1/zones/${removedZone}/evaluations`, { on: '2027-12-15', grade: 'unqualified' });
  return ids;
}

/** Every query whose answer the fixture keeps: [path, role]. */
export function storedLogQueries(ids: StoryIds): Array<{ path: string; as: 'supervisor' | 'viewer' }> {
  const supervisor = (path: string) => ({ path, as: 'supervisor' as const });
  const recipients = [...new Map(ids.recipients.map((r) => [`${r.creditCode}-${r.fiscalYear}`, r])).values()];
  return [
    ...ids.consortia.flatMap((id) => [supervisor(`/v1/consortia/${id}`), supervisor(`/v1/consortia/${id}/history`)]),
    ...ids.subsidies.flatMap((id) => [supervisor(`/v1/subsidies/${id}`), supervisor(`/v1/subsidies/${id}/history`)]),
    ...ids.zones.flatMap((id) => [supervisor(`/v1/zones/${id}`), supervisor(`/v1/zones/${id}/history`)]),
    ...recipients.map((r) => supervisor(`/v1/funding/${r.creditCode}?fiscalYear=${r.fiscalYear}`)),
    supervisor('/v1/consortia'),
    supervisor('/v1/consortia?policy=liaoning-2021-alliance'),
    supervisor('/v1/consortia?status=dissolved'),
    supervisor('/v1/subsidies'),
    supervisor('/v1/zones'),
    supervisor('/v1/zones?dueInYear=2030'),
    supervisor('/v1/reconciliation?fiscalYear=2026'),
    supervisor('/v1/reconciliation?fiscalYear=2020&policy=tianjin-2018-alliance'),
    supervisor('/v1/dashboard'),
    supervisor('/v1/policies'),
  ];
}
