import { FUNDING_POLICIES } from './funding-catalog';
import { citationOf, interpretationOf, wordedCap, wordedCheck } from './funding-texts';
import { LEDGER_FUNDING_RULES } from './ledger-funding-rules';
import { TIANJIN_FRAUD } from './tianjin-funding';
import { GrantSaid } from './grant-sentences';
import { say } from '../../shared/sentence';

const grantUnder = (policy: GrantSaid['policy']): GrantSaid => ({
  consortiumId: 'C-1',
  recipient: '91210100MA0000001G',
  category: 'liaoning.operating',
  amountFen: 1,
  fiscalYear: 2025,
  grantedOn: '2025-04-01',
  policy,
  recipientRole: 'lead',
});
const LIAONING = grantUnder('liaoning-2021-alliance');
const TIANJIN = grantUnder('tianjin-2018-alliance');

/**
 * A grant records rule ids and figures; the views render the clause and interpretation from the catalogue. Every cap
 * is built from one parameter (capOf: its rule, citation and interpretation) and every check from a rule of the
 * policy, so the words rendered by rule id must be exactly those a grant used to record.
 */
describe('funding texts: the words a slim grant renders are the words it was decided on', () => {
  describe.each(FUNDING_POLICIES.map((f) => [f.policy, f] as const))('%s', (policy, funding) => {
    const params = [...Object.values(funding.params), ...funding.categories.flatMap((c) => Object.values(c.params))];

    it.each(params.map((p) => [p.rule, p] as const))('%s: its clause, and its interpretation', (_rule, p) => {
      expect(citationOf(policy, p.rule)).toBe(p.citation);
      if (p.interpretation) expect(interpretationOf(policy, p.rule)).toBe(p.interpretation);
    });

    it('every rule a grant check names: the category rules, the ledger rules, the period, integrity', () => {
      const refs = [
        ...funding.categories.map((c) => c.grantRule),
        ...Object.values(LEDGER_FUNDING_RULES).filter((r) => typeof r === 'object'),
        funding.inForce,
        funding.termination,
        funding.projectChange,
        TIANJIN_FRAUD,
      ];
      for (const ref of refs) expect([ref.rule, citationOf(policy, ref.rule)]).toEqual([ref.rule, ref.citation]);
    });
  });

  it('words recorded on a grant decided before version 2 are shown as recorded', () => {
    const recorded = {
      rule: 'liaoning.mengzhu-annual-cap',
      citation: '若干政策 7',
      scope: 'funding-X-2025',
      limitFen: 1,
      usedBeforeFen: 0,
      headroomAfterFen: 1,
      detail: 'd',
      interpretation: 'the reading of 2025',
    };
    expect(wordedCap(recorded, LIAONING)).toEqual(recorded);
    const { interpretation: _none, ...withoutInterpretation } = recorded;
    expect(wordedCap(withoutInterpretation, LIAONING)).not.toHaveProperty('interpretation');
    expect(
      wordedCheck({ rule: 'tianjin.fraud', citation: 'as recorded', ok: true, detail: 'd' }, TIANJIN),
    ).toMatchObject({ citation: 'as recorded' });
  });

  it('a cap and a check of version 2 get the catalogue words, their sentences as recorded', () => {
    const slim = {
      rule: 'liaoning.mengzhu-annual-cap',
      scope: 's',
      limitFen: 1,
      usedBeforeFen: 0,
      headroomAfterFen: 1,
      detail: 'd',
    };
    expect(wordedCap(slim, LIAONING)).toMatchObject({
      citation: '若干政策 7',
      interpretation: expect.stringContaining('盟主'),
    });
    expect(wordedCheck({ rule: 'tianjin.fraud', ok: true, detail: 'd' }, TIANJIN)).toEqual({
      rule: 'tianjin.fraud',
      citation: '第十六条',
      ok: true,
      detail: 'd',
    });
  });

  it('a cap and a check of version 3 get their sentences from the grant, their recorded facts and the catalogue', () => {
    const grant: GrantSaid = { ...LIAONING, recipientLeads: ['C-1', 'C-2'] };
    const figures = {
      rule: 'liaoning.mengzhu-annual-cap',
      scope: 's',
      limitFen: 1,
      usedBeforeFen: 0,
      headroomAfterFen: 1,
    };
    expect(wordedCap(figures, grant)).toEqual({
      ...figures,
      detail: say`the 盟主 ${grant.recipient} (of ${'C-1, C-2'}) in fiscal year ${2025}, all categories and roles together`,
      citation: '若干政策 7',
      interpretation: expect.stringContaining('盟主'),
    });
    const approval = {
      rule: 'ledger.consortium-active',
      ok: true,
      variant: 'approval',
      facts: { approvedOn: '2024-05-01' },
    };
    expect(wordedCheck(approval, grant)).toEqual({
      rule: 'ledger.consortium-active',
      citation: 'API.md Subsidies: the consortium must be active',
      ok: true,
      detail: say`consortium ${'C-1'} was approved on ${'2024-05-01'}; the grant is dated ${'2025-04-01'}`,
    });
  });
});
