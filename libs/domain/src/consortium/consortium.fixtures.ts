/**
 * Fixtures for consortium specs (unit, HTTP, e2e): units with real check characters, a valid filing per policy, and
 * a timeline per policy that takes a consortium from filing to active (public notice included).
 */
import { withCheckCharacter } from '../shared/credit-code';
import { BusinessDate } from '../shared/dates';
import { isRejection } from '../shared/decision';
import { wan } from '../shared/money';
import { ConsortiumCommand, FileConsortium } from './consortium.commands';
import { ConsortiumContext } from './consortium.context';
import { decide } from './consortium.decider';
import { evolve, initialState } from './consortium.state';
import { ConsortiumEvent } from './consortium.events';
import { ConsortiumState } from './consortium.state';
import { ConsortiumPolicyId } from '../shared/policy-ids';
import { Grade, ReviewStage } from '../shared/procedure';
import { Unit, UnitKind } from '../shared/unit';
import { consortiumPolicy } from '../policies/consortium-policies';
import { LeadClaim, LeadRegistryState } from '../lead-registry/lead-registry.state';
import { LeadRegistryEvent } from '../lead-registry/lead-registry.events';
import { leadRegistryDecider } from '../lead-registry/lead-registry.decider';
import { leadRegistryRequests } from './consortium.lead-claims';

/** Divisions of registration (credit code characters 3–8). */
export const DIVISIONS = {
  baotou: '150200',
  hohhot: '150100',
  luzhou: '510502',
  chengdu: '510104',
  shenyang: '210100',
  dalian: '210200',
  tianjin: '120116',
  beijing: '110108',
} as const;
export type Place = keyof typeof DIVISIONS;

/** A valid unified social credit code: authority 9 (enterprises) or 1 (public institutions), a division, a serial. */
export const creditCode = (authority: '9' | '1' | '5', place: Place, serial: number): string =>
  withCheckCharacter(`${authority}1${DIVISIONS[place]}MA${String(serial).padStart(7, '0')}`);

const AUTHORITY: Record<UnitKind, '9' | '1' | '5'> = {
  enterprise: '9',
  university: '1',
  'research-institute': '1',
  other: '5',
};

export function unit(kind: UnitKind, place: Place, serial: number, extra: Partial<Unit> = {}): Unit {
  return { creditCode: creditCode(AUTHORITY[kind], place, serial), name: `${place} ${kind} ${serial}`, kind, ...extra };
}
export const enterprise = (place: Place, serial: number, extra: Partial<Unit> = {}) =>
  unit('enterprise', place, serial, extra);
export const university = (place: Place, serial: number, extra: Partial<Unit> = {}) =>
  unit('university', place, serial, extra);
export const researchInstitute = (place: Place, serial: number, extra: Partial<Unit> = {}) =>
  unit('research-institute', place, serial, extra);

/** Leads that pass their policy's lead rules. */
export const LEADS: Record<ConsortiumPolicyId, Unit> = {
  'nmg-2024-consortium': enterprise('baotou', 1, {
    name: '包头稀土新材料集团有限公司',
    rdExpense3yFen: wan(5_000), // 5% of revenue
    revenue3yFen: wan(100_000),
    rdExpenseLastYearFen: wan(2_000),
  }),
  'luzhou-2024-consortium': enterprise('luzhou', 1, { name: '泸州白酒装备有限公司' }),
  'liaoning-2021-alliance': enterprise('shenyang', 1, { name: '沈阳重型机械有限公司' }),
  'tianjin-2018-alliance': enterprise('tianjin', 1, { name: '天津智能装备有限公司' }),
};

/** Members (lead excluded) that make each policy's filing eligible, with a little room to spare where it matters. */
export const MEMBERS: Record<ConsortiumPolicyId, Unit[]> = {
  // 10 units: 7 in Inner Mongolia, 8 enterprises
  'nmg-2024-consortium': [
    enterprise('baotou', 2),
    enterprise('baotou', 3),
    enterprise('hohhot', 4),
    enterprise('hohhot', 5),
    enterprise('hohhot', 6),
    university('hohhot', 7),
    researchInstitute('beijing', 8),
    enterprise('beijing', 9),
    enterprise('beijing', 10),
  ],
  // 5 besides the lead, 1 outside Luzhou
  'luzhou-2024-consortium': [
    enterprise('luzhou', 2),
    enterprise('luzhou', 3),
    enterprise('luzhou', 4),
    researchInstitute('luzhou', 5),
    university('chengdu', 6),
  ],
  'liaoning-2021-alliance': [enterprise('shenyang', 2), enterprise('dalian', 3), university('shenyang', 4)],
  // 10 units: 7 enterprises (6 in Tianjin), 2 universities, 1 research institute
  'tianjin-2018-alliance': [
    enterprise('tianjin', 2),
    enterprise('tianjin', 3),
    enterprise('tianjin', 4),
    enterprise('tianjin', 5),
    enterprise('tianjin', 6),
    enterprise('beijing', 7),
    university('tianjin', 8),
    university('tianjin', 9),
    researchInstitute('tianjin', 10),
  ],
};

export const CONSORTIUM_IDS: Record<ConsortiumPolicyId, string> = {
  'nmg-2024-consortium': 'c-nmg-1',
  'luzhou-2024-consortium': 'c-luzhou-1',
  'liaoning-2021-alliance': 'c-liaoning-1',
  'tianjin-2018-alliance': 'c-tianjin-1',
};

const NAMES: Record<ConsortiumPolicyId, string> = {
  'nmg-2024-consortium': '内蒙古自治区稀土新材料产业链创新联合体',
  'luzhou-2024-consortium': '泸州白酒智能装备创新联合体',
  'liaoning-2021-alliance': '辽宁重型装备实质性产学研联盟',
  'tianjin-2018-alliance': '天津智能装备产业技术创新战略联盟',
};

/** From filing to approval: the notice under the 2025 policies spans National Day (2025-09-29 → 2025-10-11). */
export interface Timeline {
  filedOn: BusinessDate;
  reviews: Array<{ stage: ReviewStage; on: BusinessDate }>;
  noticeStartsOn: BusinessDate;
  noticeEndsOn: BusinessDate;
  approvedOn: BusinessDate;
}

const NATIONAL_DAY_2025 = { noticeStartsOn: '2025-09-29', noticeEndsOn: '2025-10-11', approvedOn: '2025-10-12' };

export const TIMELINES: Record<ConsortiumPolicyId, Timeline> = {
  'nmg-2024-consortium': {
    filedOn: '2025-09-01',
    reviews: [{ stage: 'expert', on: '2025-09-15' }],
    ...NATIONAL_DAY_2025,
  },
  'luzhou-2024-consortium': {
    filedOn: '2025-09-01',
    reviews: [
      { stage: 'preliminary', on: '2025-09-10' },
      { stage: 'expert', on: '2025-09-20' },
    ],
    ...NATIONAL_DAY_2025,
  },
  'liaoning-2021-alliance': {
    filedOn: '2025-09-01',
    reviews: [{ stage: 'preliminary', on: '2025-09-12' }],
    ...NATIONAL_DAY_2025,
  },
  'tianjin-2018-alliance': {
    filedOn: '2020-03-02',
    reviews: [
      { stage: 'formal', on: '2020-04-01' },
      { stage: 'technical', on: '2020-04-02' },
      { stage: 'expert', on: '2020-05-06' },
    ],
    noticeStartsOn: '2020-06-01',
    noticeEndsOn: '2020-06-05',
    approvedOn: '2020-06-08',
  },
};

export function fileConsortium(
  policy: ConsortiumPolicyId,
  overrides: Partial<FileConsortium['data']> = {},
): FileConsortium {
  return {
    type: 'FileConsortium',
    data: {
      consortiumId: CONSORTIUM_IDS[policy],
      policy,
      name: NAMES[policy],
      filedOn: TIMELINES[policy].filedOn,
      lead: LEADS[policy],
      members: MEMBERS[policy],
      agreementSigned: true,
      integrityCommitment: true,
      governance: { council: true, expertCommittee: true, secretariat: true, managementBody: true },
      ...overrides,
    },
  };
}

/** Command builders for a consortium already filed (consortiumId defaults to the policy's fixture id). */
export const commandsFor = (policy: ConsortiumPolicyId, consortiumId = CONSORTIUM_IDS[policy]) => ({
  review: (stage: ReviewStage, on: BusinessDate, outcome: 'pass' | 'fail' = 'pass'): ConsortiumCommand => ({
    type: 'RecordReview',
    data: { consortiumId, stage, outcome, on },
  }),
  startNotice: (startsOn: BusinessDate): ConsortiumCommand => ({
    type: 'StartPublicNotice',
    data: { consortiumId, startsOn },
  }),
  object: (on: BusinessDate, text = '成员单位材料不实'): ConsortiumCommand => ({
    type: 'RecordObjection',
    data: { consortiumId, on, text },
  }),
  resolve: (n: number, on: BusinessDate, outcome: 'upheld' | 'dismissed'): ConsortiumCommand => ({
    type: 'ResolveObjection',
    data: { consortiumId, n, on, outcome },
  }),
  approve: (on: BusinessDate): ConsortiumCommand => ({ type: 'ApproveConsortium', data: { consortiumId, on } }),
  reject: (on: BusinessDate, reason = '不符合组建条件'): ConsortiumCommand => ({
    type: 'RejectConsortium',
    data: { consortiumId, on, reason },
  }),
  withdraw: (on: BusinessDate): ConsortiumCommand => ({ type: 'WithdrawConsortium', data: { consortiumId, on } }),
  addMember: (on: BusinessDate, member: Unit): ConsortiumCommand => ({
    type: 'AddMember',
    data: { consortiumId, on, member },
  }),
  removeMember: (on: BusinessDate, creditCode: string): ConsortiumCommand => ({
    type: 'RemoveMember',
    data: { consortiumId, on, creditCode },
  }),
  changeLead: (on: BusinessDate, newLead: Unit): ConsortiumCommand => ({
    type: 'ChangeLead',
    data: { consortiumId, on, newLead },
  }),
  rename: (on: BusinessDate, name: string): ConsortiumCommand => ({
    type: 'RenameConsortium',
    data: { consortiumId, on, name },
  }),
  evaluate: (period: string, on: BusinessDate, grade: Grade, scores?: Record<string, number>): ConsortiumCommand => ({
    type: 'RecordEvaluation',
    data: { consortiumId, period, on, grade, ...(scores ? { scores } : {}) },
  }),
  dissolve: (on: BusinessDate, reason = '任务完成'): ConsortiumCommand => ({
    type: 'DissolveConsortium',
    data: { consortiumId, on, reason },
  }),
  waive: (rule: string, on: BusinessDate, reference = '批复〔2025〕1号', reason = '经研究同意'): ConsortiumCommand => ({
    type: 'WaiveRule',
    data: { consortiumId, rule, on, reason, reference },
  }),
  annualReport: (year: number, submittedOn: BusinessDate, summary = true, plan = true): ConsortiumCommand => ({
    type: 'RecordAnnualReport',
    data: { consortiumId, year, submittedOn, summary, plan },
  }),
});

/** The ledger's business date in the consortium specs: late enough for every story they tell. */
export const FIXTURE_TODAY = '2031-12-31';

/** Who decides in the fixtures (a waiver records it). */
export const FIXTURE_ACTOR = 'officer-zhang';

export function contextFor(policy: ConsortiumPolicyId, extra: Partial<ConsortiumContext> = {}): ConsortiumContext {
  return {
    today: FIXTURE_TODAY,
    policy: consortiumPolicy(policy),
    leadRegistry: { claims: [] },
    actor: FIXTURE_ACTOR,
    ...extra,
  };
}

/** Runs commands through the decider and returns every event; throws on a rejection (fixtures must be valid). */
export function eventsOf(
  policy: ConsortiumPolicyId,
  commands: ConsortiumCommand[],
  given: ConsortiumEvent[] = [],
): ConsortiumEvent[] {
  const events = [...given];
  for (const command of commands) {
    const state = events.reduce(evolve, initialState());
    const outcome = decide(command, state, contextFor(policy));
    if (isRejection(outcome)) throw new Error(`fixture command ${command.type} rejected: ${JSON.stringify(outcome)}`);
    events.push(...outcome);
  }
  return events;
}

export const stateOf = (events: ConsortiumEvent[]): ConsortiumState => events.reduce(evolve, initialState());

export type Stage = 'filed' | 'reviewed' | 'public-notice' | 'active';

/** The events of a fixture consortium up to a stage of its timeline. */
export function historyUpTo(
  policy: ConsortiumPolicyId,
  stage: Stage,
  filing: Partial<FileConsortium['data']> = {},
): ConsortiumEvent[] {
  const t = TIMELINES[policy];
  const c = commandsFor(policy, filing.consortiumId);
  const steps: Array<[Stage, ConsortiumCommand[]]> = [
    ['filed', [fileConsortium(policy, filing)]],
    ['reviewed', t.reviews.map((r) => c.review(r.stage, r.on))],
    ['public-notice', [c.startNotice(t.noticeStartsOn)]],
    ['active', [c.approve(t.approvedOn)]],
  ];
  const upTo = steps.findIndex(([name]) => name === stage);
  return eventsOf(
    policy,
    steps.slice(0, upTo + 1).flatMap(([, commands]) => commands),
  );
}

/** The verdicts on `rule` carried by events (eligibility, approval checks, lead checks, evaluation checks). */
export function verdictsOf(events: ConsortiumEvent[], rule: string) {
  return events
    .flatMap((event) => {
      const data = event.data as { eligibility?: unknown; checks?: unknown; leadChecks?: unknown; check?: unknown };
      const lists = [data.eligibility, data.checks, data.leadChecks, data.check ? [data.check] : undefined];
      return lists.flatMap((list) =>
        Array.isArray(list) ? (list as Array<{ rule: string; ok: boolean; citation: string; detail: string }>) : [],
      );
    })
    .filter((verdict) => verdict.rule === rule);
}

/** The single verdict on `rule` among the events; throws when there is none. */
export function verdictOf(events: ConsortiumEvent[], rule: string) {
  const [verdict] = verdictsOf(events, rule);
  if (!verdict) throw new Error(`no verdict on ${rule} in ${events.map((e) => e.type).join(', ')}`);
  return verdict;
}

/** The lead-registry events a consortium decision leads to (from the state before it to the state after it). */
export function registryEvents(
  before: ConsortiumState,
  after: ConsortiumState,
  registry: LeadRegistryState = leadRegistryDecider.initialState(),
): LeadRegistryEvent[] {
  return leadRegistryRequests(before, after).flatMap(({ command, context }) => {
    const events = leadRegistryDecider.decide(command, registry, context);
    if (isRejection(events)) throw new Error(`fixture registry command refused: ${JSON.stringify(events)}`);
    return events;
  });
}

export const registryOf = (events: LeadRegistryEvent[]): LeadRegistryState =>
  events.reduce(leadRegistryDecider.evolve, leadRegistryDecider.initialState());

export const registryWith = (...claims: LeadClaim[]): LeadRegistryState => ({ claims });
