/** Fixtures for zone specs and the HTTP/e2e tests: indicator sets, commands and the issue's scenario dates. */
import { wan } from '../shared/money';
import { DesignateZone, RecordZoneEvaluation, SubmitAnnualReport, ZoneGrade } from './zone.commands';
import { ZoneDesignated } from './zone.events';
import { ZoneIndicators } from '../policies/zone-indicators';

/** Every indicator comfortably above its threshold (the API.md example, with turnover 6000万元). */
export const FULL_MARKS_INDICATORS: ZoneIndicators = {
  techContractTurnoverFen: wan(6000),
  highValuePatentsPer10kHundredths: 160,
  transferInstitutions: 12,
  brokers: 15,
  parkEnterprises: 100,
  hightechShareBasisPoints: 3500,
  hightechRevenueShareBasisPoints: 3100,
  financingInstitutions: 11,
  incubatedEnterprises: 40,
  specialFund: true,
};

/** Every indicator exactly at its threshold: all pass (every threshold is "at least"). */
export const AT_THRESHOLD_INDICATORS: ZoneIndicators = {
  techContractTurnoverFen: wan(5000),
  highValuePatentsPer10kHundredths: 150,
  transferInstitutions: 10,
  brokers: 10,
  parkEnterprises: 80,
  hightechShareBasisPoints: 3000,
  hightechRevenueShareBasisPoints: 3000,
  financingInstitutions: 10,
  incubatedEnterprises: 35,
  specialFund: true,
};

/** The same, in the request body of `POST /v1/zones/{id}/annual-reports` (API.md). */
export const FULL_MARKS_INDICATORS_HTTP = {
  techContractTurnover: '60000000',
  highValuePatentsPer10k: 1.6,
  transferInstitutions: 12,
  brokers: 15,
  parkEnterprises: 100,
  hightechShare: 0.35,
  hightechRevenueShare: 0.31,
  financingInstitutions: 11,
  incubatedEnterprises: 40,
  specialFund: true,
} as const;

/** The issue's scenario, step by step. */
export const ISSUE_SCENARIO = {
  approvedOn: '2022-12-01',
  firstEvaluationYear: 2025,
  firstEvaluationDue: '2025-12-01',
  failingTurnoverYuan: '40000000', // 4000万元: fails zone.tech-contract-turnover
  unqualifiedOn: '2025-12-10',
  rectificationUntil: '2027-12-10',
  unqualifiedAgainOn: '2027-12-15', // after the period: removed
} as const;

export const ZONE_ID = 'zone-baotou-rare-earth';
export const ZONE_NAME = '包头稀土高新技术产业开发区科技成果转移转化示范区';

export const designateZone = (data: Partial<DesignateZone['data']> = {}): DesignateZone => ({
  type: 'DesignateZone',
  data: { zoneId: ZONE_ID, policy: 'nmg-2022-zone', name: ZONE_NAME, approvedOn: ISSUE_SCENARIO.approvedOn, ...data },
});

/** The rule a designation names (zone.in-force). */
export const ZONE_IN_FORCE = { rule: 'zone.in-force', citation: '发布时间 2022-11-14' } as const;

export const zoneDesignated = (data: Partial<ZoneDesignated['data']> = {}): ZoneDesignated => ({
  type: 'ZoneDesignated',
  data: {
    zoneId: ZONE_ID,
    policy: 'nmg-2022-zone',
    name: ZONE_NAME,
    approvedOn: ISSUE_SCENARIO.approvedOn,
    ...ZONE_IN_FORCE,
    ...data,
  },
});

export const submitAnnualReport = (
  year: number,
  submittedOn: string,
  indicators: Partial<ZoneIndicators> = {},
): SubmitAnnualReport => ({
  type: 'SubmitAnnualReport',
  data: { zoneId: ZONE_ID, year, submittedOn, indicators: { ...FULL_MARKS_INDICATORS, ...indicators } },
});

export const recordZoneEvaluation = (on: string, grade: ZoneGrade): RecordZoneEvaluation => ({
  type: 'RecordZoneEvaluation',
  data: { zoneId: ZONE_ID, on, grade },
});
