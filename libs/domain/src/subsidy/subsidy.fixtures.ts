/** Builders for subsidy specs and the HTTP tests: an active consortium per policy, commands, and recorded histories. */
import { ConsortiumState, Evaluation } from '../consortium/consortium.state';
import { withCheckCharacter } from '../shared/credit-code';
import { isRejection } from '../shared/decision';
import { Fen, wan } from '../shared/money';
import {
  CancelSubsidy,
  ClawbackReason,
  ClawBackSubsidy,
  DisburseSubsidy,
  GrantSubsidy,
  RecordSubsidyRefund,
  TerminateSubsidy,
  ContinueSubsidy,
} from './subsidy.commands';
import { decide } from './subsidy.decider';
import { SubsidyLedgerEvent } from './subsidy.events';
import { SubsidyLedgerState } from './subsidy.state';
import { ConsortiumPolicyId } from '../shared/policy-ids';
import { Unit } from '../shared/unit';
import { evolve, initialState } from './subsidy.state';
import { SubsidyContext } from './subsidy.context';
import { FundingCategoryId } from '../policies/funding/grant-terms';

const unit = (first17: string, name: string, kind: Unit['kind']): Unit => ({
  creditCode: withCheckCharacter(first17),
  name,
  kind,
});

/** Units by region: a lead (enterprise) and members per consortium; `outsider` belongs to none. */
export const UNITS = {
  liaoningMengzhu: unit('91210100MA0000001', '沈阳盟主装备有限公司', 'enterprise'),
  liaoningUniversity: unit('12210100MA0000002', '沈阳工业大学', 'university'),
  liaoningMember: unit('91210200MA0000003', '大连成员材料有限公司', 'enterprise'),
  luzhouLead: unit('91510502MA0000001', '泸州牵头酒业有限公司', 'enterprise'),
  luzhouMember: unit('91510502MA0000002', '泸州成员科技有限公司', 'enterprise'),
  luzhouInstitute: unit('12510500MA0000003', '泸州研究院', 'research-institute'),
  tianjinLead: unit('91120116MA0000001', '天津责任主体有限公司', 'enterprise'),
  tianjinMember: unit('91120116MA0000002', '天津成员有限公司', 'enterprise'),
  tianjinUniversity: unit('12120000MA0000003', '天津大学', 'university'),
  nmgLead: unit('91150200MA0000001', '包头牵头稀土有限公司', 'enterprise'),
  nmgMember: unit('91150100MA0000002', '呼和浩特成员有限公司', 'enterprise'),
  outsider: unit('91110108MA0000001', '北京局外有限公司', 'enterprise'),
};

export const CONSORTIUM_IDS: Readonly<Record<ConsortiumPolicyId, string>> = {
  'liaoning-2021-alliance': 'C-LN-1',
  'luzhou-2024-consortium': 'C-LZ-1',
  'tianjin-2018-alliance': 'C-TJ-1',
  'nmg-2024-consortium': 'C-NMG-1',
};

const SETUP: Record<ConsortiumPolicyId, { lead: Unit; members: Unit[]; filedOn: string; approvedOn: string }> = {
  'liaoning-2021-alliance': {
    lead: UNITS.liaoningMengzhu,
    members: [UNITS.liaoningUniversity, UNITS.liaoningMember],
    filedOn: '2024-03-01',
    approvedOn: '2024-05-01',
  },
  'luzhou-2024-consortium': {
    lead: UNITS.luzhouLead,
    members: [UNITS.luzhouMember, UNITS.luzhouInstitute],
    filedOn: '2024-06-01',
    approvedOn: '2024-08-01',
  },
  'tianjin-2018-alliance': {
    lead: UNITS.tianjinLead,
    members: [UNITS.tianjinMember, UNITS.tianjinUniversity],
    filedOn: '2019-01-10',
    approvedOn: '2019-03-01',
  },
  'nmg-2024-consortium': {
    lead: UNITS.nmgLead,
    members: [UNITS.nmgMember],
    filedOn: '2025-01-10',
    approvedOn: '2025-03-01',
  },
};

/**
 * An active consortium under the policy. Only what subsidy decisions read is filled in (the cast keeps this fixture
 * independent of fields the consortium module adds to its state).
 */
export function activeConsortium(
  policy: ConsortiumPolicyId,
  overrides: Partial<ConsortiumState> = {},
): ConsortiumState {
  const setup = SETUP[policy];
  const state: Partial<ConsortiumState> = {
    exists: true,
    id: CONSORTIUM_IDS[policy],
    policy,
    name: `${policy} 示例联合体`,
    status: 'active',
    filedOn: setup.filedOn,
    lead: setup.lead,
    members: setup.members,
    agreementSigned: true,
    integrityCommitment: true,
    governance: { council: true, expertCommittee: true, secretariat: true, managementBody: true },
    eligibility: [],
    reviews: [],
    objections: [],
    approvedOn: setup.approvedOn,
    evaluations: [],
    ...overrides,
  };
  return state as ConsortiumState;
}

export const liaoningAlliance = () => activeConsortium('liaoning-2021-alliance');
export const luzhouConsortium = () => activeConsortium('luzhou-2024-consortium');
export const nmgConsortium = () => activeConsortium('nmg-2024-consortium');
export const tianjinAlliance = (evaluations: Evaluation[] = []) =>
  activeConsortium('tianjin-2018-alliance', { evaluations });

/**
 * An evaluation as the consortium's state holds it, placed in a cycle by default. No Tianjin evaluation can be recorded
 * any more (tianjin.end-wins): these stand for the rule's mechanics; `cycle: null` is one recorded before cycles.
 */
export const evaluation = (
  period: string,
  on: string,
  grade: Evaluation['grade'],
  cycle: number | null = 1,
): Evaluation => ({ period, on, grade, ...(cycle !== null && { cycle }) });

// ---- commands ----

type GrantData = GrantSubsidy['data'];

const GRANT_DEFAULTS: Record<ConsortiumPolicyId, Omit<GrantData, 'subsidyId' | 'category' | 'amountFen'>> = {
  'liaoning-2021-alliance': {
    consortiumId: CONSORTIUM_IDS['liaoning-2021-alliance'],
    recipient: UNITS.liaoningMengzhu.creditCode,
    fiscalYear: 2025,
    grantedOn: '2025-04-01',
  },
  'luzhou-2024-consortium': {
    consortiumId: CONSORTIUM_IDS['luzhou-2024-consortium'],
    recipient: UNITS.luzhouLead.creditCode,
    fiscalYear: 2025,
    grantedOn: '2025-04-01',
  },
  'tianjin-2018-alliance': {
    consortiumId: CONSORTIUM_IDS['tianjin-2018-alliance'],
    recipient: UNITS.tianjinLead.creditCode,
    fiscalYear: 2020,
    grantedOn: '2020-04-01',
  },
  'nmg-2024-consortium': {
    consortiumId: CONSORTIUM_IDS['nmg-2024-consortium'],
    recipient: UNITS.nmgLead.creditCode,
    fiscalYear: 2025,
    grantedOn: '2025-04-01',
  },
};

const POLICY_OF_CATEGORY_PREFIX: Record<string, ConsortiumPolicyId> = {
  liaoning: 'liaoning-2021-alliance',
  luzhou: 'luzhou-2024-consortium',
  tianjin: 'tianjin-2018-alliance',
  nmg: 'nmg-2024-consortium',
};

/** A grant with the defaults of the category's policy (its consortium, its lead, a date in force). */
export function grant(
  subsidyId: string,
  category: string,
  amountFen: Fen,
  overrides: Partial<GrantData> = {},
): GrantSubsidy {
  const policy = POLICY_OF_CATEGORY_PREFIX[category.split('.')[0]] ?? 'liaoning-2021-alliance';
  return {
    type: 'GrantSubsidy',
    data: { ...GRANT_DEFAULTS[policy], subsidyId, category: category as FundingCategoryId, amountFen, ...overrides },
  };
}

export const disburse = (
  subsidyId: string,
  amountFen: Fen,
  paidOn = '2025-05-01',
  voucher = 'V-1',
): DisburseSubsidy => ({
  type: 'DisburseSubsidy',
  data: { subsidyId, amountFen, paidOn, voucher },
});

export const cancel = (
  subsidyId: string,
  amountFen: Fen,
  on = '2025-06-01',
  reason = 'budget adjusted',
): CancelSubsidy => ({
  type: 'CancelSubsidy',
  data: { subsidyId, amountFen, on, reason },
});

export const clawBack = (
  subsidyId: string,
  amountFen: Fen,
  reason: ClawbackReason = 'misuse',
  on = '2025-07-01',
): ClawBackSubsidy => ({ type: 'ClawBackSubsidy', data: { subsidyId, amountFen, on, reason } });

export const refund = (
  subsidyId: string,
  amountFen: Fen,
  receivedOn = '2025-08-01',
  voucher = 'R-1',
): RecordSubsidyRefund => ({
  type: 'RecordSubsidyRefund',
  data: { subsidyId, amountFen, receivedOn, voucher },
});

export const terminate = (subsidyId: string, on = '2025-09-01', reason = '经费分配不当'): TerminateSubsidy => ({
  type: 'TerminateSubsidy',
  data: { subsidyId, on, reason },
});

export const continueProject = (
  subsidyId: string,
  on = '2025-10-01',
  authority = '项目主管部门',
  reference = '文号〔2025〕1号',
): ContinueSubsidy => ({ type: 'ContinueSubsidy', data: { subsidyId, on, authority, reference } });

// ---- histories ----

/** Every fixture consortium by id (a grant's context is the consortium it names). */
export const ALL_CONSORTIA = (): ConsortiumState[] =>
  (Object.keys(SETUP) as ConsortiumPolicyId[]).map((policy) => activeConsortium(policy));

/** The ledger's business date in the subsidy specs: every fixture date lies before it. */
export const FIXTURE_TODAY = '2026-06-30';

export const contextFor = (
  command: { type: string; data: object },
  consortia: ConsortiumState[] = ALL_CONSORTIA(),
): SubsidyContext => {
  const consortiumId = (command.data as { consortiumId?: string }).consortiumId;
  return { today: FIXTURE_TODAY, consortium: consortia.find((c) => c.id === consortiumId) };
};

/** The events the ledger records for these commands, in order; throws on a rejection (a broken fixture). */
export function recorded(
  commands: Parameters<typeof decide>[0][],
  consortia: ConsortiumState[] = ALL_CONSORTIA(),
): SubsidyLedgerEvent[] {
  const events: SubsidyLedgerEvent[] = [];
  let state: SubsidyLedgerState = initialState();
  for (const command of commands) {
    const decision = decide(command, state, contextFor(command, consortia));
    if (isRejection(decision))
      throw new Error(`fixture command ${command.type} rejected: ${JSON.stringify(decision.message)}`);
    events.push(...decision);
    state = decision.reduce(evolve, state);
  }
  return events;
}

export { wan };
