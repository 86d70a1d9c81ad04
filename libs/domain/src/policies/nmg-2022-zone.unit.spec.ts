import { wan } from '../shared/money';
import { LEDGER_INTERPRETATIONS } from './ledger-interpretations';
import { paramOn } from '../shared/rule';
import { AT_THRESHOLD_INDICATORS, FULL_MARKS_INDICATORS } from '../zone/zone.fixtures';
import {
  assessZoneIndicators,
  isZonePolicyInForce,
  nmg2022Zone,
  nmg2022ZoneParams,
  zonePolicyById,
} from './nmg-2022-zone';
import { inEnglish } from './rules/in-english';

const ZONE_RULES = [
  'zone.tech-contract-turnover',
  'zone.high-value-patents',
  'zone.transfer-institutions',
  'zone.brokers',
  'zone.park-enterprises',
  'zone.hightech-share',
  'zone.hightech-revenue-share',
  'zone.financing-institutions',
  'zone.incubated-enterprises',
  'zone.special-fund',
  // 四(三) and 四(二): not in POLICIES.md's table; the ledger names them so and cites the clauses.
  'zone.rd-intensity',
  'zone.growth',
  'zone.annual-report-due',
  'zone.evaluation-cycle',
  'zone.excellent-recommend',
  'zone.rectification',
  'zone.removal',
];
const ON = '2025-12-31';

const findingOf = (rule: string, indicators = AT_THRESHOLD_INDICATORS) => {
  const finding = assessZoneIndicators(indicators, ON).find((f) => f.rule === rule);
  if (!finding) throw new Error(`no finding for ${rule}`);
  return finding;
};

describe('zone.evaluation-cycle — 六(四) 对批准设立满3年的示范区组织开展绩效评估: no evaluation before the anniversary', () => {
  it("the zone's own window: a cycle is evaluated from its due date on (0 months), cited to 六(四), not ledger.evaluation-window's 3 months", () => {
    expect(nmg2022ZoneParams.evaluationWindowMonths).toMatchObject({
      rule: 'zone.evaluation-cycle',
      citation: '六(四)',
    });
    expect(paramOn(nmg2022ZoneParams.evaluationWindowMonths, ON)).toBe(0);
    expect(nmg2022ZoneParams.evaluationWindowMonths.interpretation).toBe(
      LEDGER_INTERPRETATIONS.zoneEvaluationFromAnniversary.text,
    );
  });

  it('is a dated Ledger interpretation (2026-12-03) that replaces the 3-month window for zones', () =>
    expect(LEDGER_INTERPRETATIONS.zoneEvaluationFromAnniversary).toMatchObject({
      id: 'zone.evaluation-from-anniversary',
      since: '2026-12-03',
      rules: ['zone.evaluation-cycle', 'zone.rectification'],
      replaces: expect.stringMatching(/3 months before/),
    }));
});

describe('nmg-2022-zone — the policy as data', () => {
  it('is issued by 内蒙古自治区科学技术厅 on 2022-11-14 and in force from then, without end', () => {
    expect(nmg2022Zone).toMatchObject({
      id: 'nmg-2022-zone',
      issuer: '内蒙古自治区科学技术厅',
      issuedOn: '2022-11-14',
      inForce: { from: '2022-11-14' },
    });
    expect(nmg2022Zone.inForce.to).toBeUndefined();
    expect(nmg2022Zone.inForce).toMatchObject({ rule: 'zone.in-force', citation: '发布时间 2022-11-14' });
    expect(nmg2022ZoneParams.inForce.interpretation).toMatch(/no period of validity.*no end date/s);
    expect(isZonePolicyInForce(nmg2022Zone, '2022-11-13')).toBe(false);
    expect(isZonePolicyInForce(nmg2022Zone, '2022-11-14')).toBe(true);
    expect(isZonePolicyInForce(nmg2022Zone, '2099-12-31')).toBe(true);
  });

  it("has a named parameter with a citation for every zone.* rule of POLICIES.md and 四(二)(三), and the ledger's zone.in-force", () => {
    const params = Object.values(nmg2022ZoneParams).filter((p) => p.rule.startsWith('zone.'));
    expect([...new Set(params.map((p) => p.rule))].sort()).toEqual([...ZONE_RULES, 'zone.in-force'].sort());
    for (const p of params) {
      expect(p.citation).toMatch(/^(附件2|四|六|七|发布时间)/);
      expect(p.description).not.toHaveLength(0);
      expect(p.versions[0].from).toBe('2022-11-14');
    }
  });

  it('holds the thresholds of 附件2 in exact integer units', () => {
    expect(paramOn(nmg2022ZoneParams.techContractTurnoverMinFen, ON)).toBe(wan(5000));
    expect(paramOn(nmg2022ZoneParams.highValuePatentsPer10kMinHundredths, ON)).toBe(150);
    expect(paramOn(nmg2022ZoneParams.hightechShareMinBasisPoints, ON)).toBe(3000);
    expect(paramOn(nmg2022ZoneParams.hightechRevenueShareMinBasisPoints, ON)).toBe(3000);
    expect(paramOn(nmg2022ZoneParams.evaluationCycleYears, ON)).toBe(3);
    expect(paramOn(nmg2022ZoneParams.rectificationYears, ON)).toBe(2);
    expect(paramOn(nmg2022ZoneParams.annualReportDueMonthDay, ON)).toBe('12-31');
  });

  it('states the Ledger interpretation of the evaluation cycle', () =>
    expect(nmg2022ZoneParams.evaluationCycleYears.interpretation).toMatch(
      /anniversary of approval every 3 years.*approval\s+year \+ 3.*count from the evaluation that ended it.*from its due date on/s,
    ));

  it('states that a rectification is judged when it ends (zone.rectification-at-end, replacing the early end)', () => {
    expect(nmg2022ZoneParams.rectificationYears.interpretation).toMatch(
      /\(zone\.rectification-at-end\): no evaluation before its end date is accepted.*3 years after it and accepted from that anniversary on/s,
    );
    expect(LEDGER_INTERPRETATIONS.zoneRectificationAtEnd).toMatchObject({
      since: '2026-12-01',
      replaces: expect.stringMatching(/ended it early/),
    });
  });

  it('is found by its id', () => {
    expect(zonePolicyById('nmg-2022-zone')).toBe(nmg2022Zone);
    expect(zonePolicyById('nmg-2024-consortium')).toBeUndefined();
  });
});

describe('assessZoneIndicators — one finding per indicator of 附件2', () => {
  it('judges all ten indicators, in the order of 附件2, each naming rule, citation, threshold and value', () => {
    const findings = assessZoneIndicators(FULL_MARKS_INDICATORS, ON);
    expect(findings.map((f) => f.rule)).toEqual(
      ZONE_RULES.slice(0, 7).concat('zone.special-fund', 'zone.financing-institutions', 'zone.incubated-enterprises'),
    );
    expect(findings.every((f) => f.ok)).toBe(true);
    expect(inEnglish(findings[0])).toEqual({
      rule: 'zone.tech-contract-turnover',
      citation: '附件2 序号1; 四(二)',
      ok: true,
      indicator: 'techContractTurnover',
      unit: 'fen',
      threshold: wan(5000),
      value: wan(6000),
      detail: '技术合同成交额 60000000.00 元; at least 50000000.00 元 required',
    });
  });

  it('passes every indicator exactly at its threshold (≥; 以上 includes the number)', () =>
    expect(assessZoneIndicators(AT_THRESHOLD_INDICATORS, ON).filter((f) => !f.ok)).toEqual([]));

  it('writes shares as percentages and the patent ratio as a decimal', () => {
    expect(inEnglish(findingOf('zone.hightech-share').detail)).toBe(
      '高新技术企业和科技型中小企业占比 30%; at least 30% required',
    );
    expect(
      inEnglish(
        findingOf('zone.high-value-patents', { ...AT_THRESHOLD_INDICATORS, highValuePatentsPer10kHundredths: 149 })
          .detail,
      ),
    ).toBe('每万人口高价值发明专利拥有量 1.49; at least 1.5 required');
  });

  describe('the combined indicators accept a total or the parts, and sum the parts (POLICIES.md "together")', () => {
    it('zone.transfer-institutions: 4 + 3 + 2 + 1 = 10 passes, with the parts on the finding', () => {
      const parts = { national: 4, regional: 3, universityAndInstitute: 2, other: 1 };
      expect(
        findingOf('zone.transfer-institutions', { ...AT_THRESHOLD_INDICATORS, transferInstitutions: parts }),
      ).toMatchObject({ ok: true, value: 10, threshold: 10, parts });
    });

    it('zone.transfer-institutions: parts summing to 9 fail', () => {
      const parts = { national: 3, regional: 3, universityAndInstitute: 2, other: 1 };
      expect(
        findingOf('zone.transfer-institutions', { ...AT_THRESHOLD_INDICATORS, transferInstitutions: parts }),
      ).toMatchObject({ ok: false, value: 9 });
    });

    it('zone.financing-institutions: 2 + 3 + 4 + 1 = 10 passes; 2 + 3 + 4 + 0 = 9 fails', () => {
      const parts = { investmentAndFinancing: 2, makerSpaces: 3, incubators: 4, otherPlatforms: 1 };
      expect(
        findingOf('zone.financing-institutions', { ...AT_THRESHOLD_INDICATORS, financingInstitutions: parts }),
      ).toMatchObject({ ok: true, value: 10, parts });
      expect(
        findingOf('zone.financing-institutions', {
          ...AT_THRESHOLD_INDICATORS,
          financingInstitutions: { ...parts, otherPlatforms: 0 },
        }),
      ).toMatchObject({ ok: false, value: 9 });
    });

    it('a total carries no parts', () => expect(findingOf('zone.financing-institutions')).not.toHaveProperty('parts'));
  });
});
