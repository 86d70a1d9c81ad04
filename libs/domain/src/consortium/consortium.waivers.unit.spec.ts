import { deciderSpec } from '../testing/decider-spec';
import { consortiumDecider } from './consortium.decider';
import {
  commandsFor,
  CONSORTIUM_IDS,
  contextFor,
  enterprise,
  eventsOf,
  fileConsortium,
  FIXTURE_ACTOR,
  historyUpTo,
  LEADS,
  MEMBERS,
  registryWith,
  stateOf,
  TIMELINES,
  university,
  verdictOf,
} from './consortium.fixtures';
import { ConsortiumPolicyId } from '../shared/policy-ids';
import { RuleCheck } from '../shared/rule';
import { inEnglish } from '../policies/rules/in-english';

const NMG = 'nmg-2024-consortium' as const;
const LUZHOU = 'luzhou-2024-consortium' as const;
const specOf = (policy: ConsortiumPolicyId) => deciderSpec(consortiumDecider, () => contextFor(policy));
const nmg = commandsFor(NMG);
const luzhou = commandsFor(LUZHOU);
const WAIVER = { reference: '内科发〔2025〕31号', reason: '上游单位不足,经厅务会研究同意', actor: FIXTURE_ACTOR };

/** An nmg consortium with 9 member units (lead included): nmg.members-min fails, the rest passes. */
const nineUnits = { members: MEMBERS[NMG].slice(0, 8) };
const shortOfMembers = () => historyUpTo(NMG, 'public-notice', nineUnits);
const approvalOn = TIMELINES[NMG].approvedOn;

describe('ledger.waivers — 原则上 rules set aside for one consortium on the approving document (catalogue 2026-12-01)', () => {
  describe('by an officer, for a rule checked at approval', () => {
    it('records the waiver, naming the waived rule and its clause, the document, the reason and who granted it', () => {
      const [waived] = specOf(NMG)
        .given(shortOfMembers())
        .when(nmg.waive('nmg.members-min', '2025-10-10', WAIVER.reference, WAIVER.reason))
        .thenMatches([{ type: 'RuleWaived' }]);
      expect(waived.data).toEqual({
        consortiumId: CONSORTIUM_IDS[NMG],
        rule: 'nmg.members-min',
        citation: '三(三)',
        on: '2025-10-10',
        ...WAIVER,
      });
    });

    it('the waived rule then shows ok: true with the waiver, and approval goes through citing it', () => {
      const waived = eventsOf(
        NMG,
        [nmg.waive('nmg.members-min', '2025-10-10', WAIVER.reference, WAIVER.reason)],
        shortOfMembers(),
      );
      expect(stateOf(waived).eligibility.find((c) => c.rule === 'nmg.members-min')).toMatchObject({
        ok: true,
        waived: WAIVER,
      });
      const [approved] = specOf(NMG)
        .given(waived)
        .when(nmg.approve(approvalOn))
        .thenMatches([{ type: 'ConsortiumApproved' }]);
      expect(inEnglish(verdictOf([approved], 'nmg.members-min'))).toMatchObject({
        ok: true,
        citation: '三(三)',
        detail: expect.stringContaining('9'),
        waived: WAIVER,
      });
    });

    it('without the waiver, approval is refused naming nmg.members-min', () =>
      void specOf(NMG)
        .given(shortOfMembers())
        .when(nmg.approve(approvalOn))
        .thenRejects({ code: 'rule-violated', rule: 'nmg.members-min' }));

    it('a waiver carries into later re-assessments (a member change), and shows only where the rule fails', () => {
      const active = eventsOf(
        NMG,
        [nmg.waive('nmg.members-min', '2025-10-10'), nmg.approve(approvalOn)],
        shortOfMembers(),
      );
      const [added] = specOf(NMG)
        .given(active)
        .when(nmg.addMember('2025-11-01', enterprise('baotou', 70)))
        .thenMatches([{ type: 'MemberAdded' }]);
      const verdict = (added.data as { eligibility: RuleCheck[] }).eligibility.find(
        (c) => c.rule === 'nmg.members-min',
      );
      expect(verdict).toMatchObject({ ok: true });
      expect(verdict).not.toHaveProperty('waived');
    });

    it.each([
      ['nmg.lead-rd', 'a rule whose clause does not say 原则上'],
      ['nmg.agreement', 'another rule without 原则上'],
    ])('%s cannot be waived (%s): 422 naming ledger.waivers, nothing recorded', (rule) => {
      const rejection = specOf(NMG)
        .given(shortOfMembers())
        .when(nmg.waive(rule, '2025-10-10'))
        .thenRejects({ code: 'rule-violated', rule: 'ledger.waivers' });
      expect(inEnglish(rejection.message)).toContain('does not say 原则上');
    });

    it('a rule the policy does not have is invalid input naming `rule`', () =>
      void specOf(NMG)
        .given(shortOfMembers())
        .when(nmg.waive('nmg.members-max', '2025-10-10'))
        .thenRejects({ code: 'invalid-input', details: [{ field: 'rule' }] }));

    it('a rule decided at filing (nmg.one-per-lead) is waived in the filing body, not afterwards', () => {
      const rejection = specOf(NMG)
        .given(shortOfMembers())
        .when(nmg.waive('nmg.one-per-lead', '2025-10-10'))
        .thenRejects({ code: 'rule-violated', rule: 'ledger.waivers' });
      expect(inEnglish(rejection.message)).toContain("waive it in the filing's `waivers`");
    });

    it('a rule is waived once', () =>
      void specOf(NMG)
        .given(eventsOf(NMG, [nmg.waive('nmg.members-min', '2025-10-10')], shortOfMembers()))
        .when(nmg.waive('nmg.members-min', '2025-10-11'))
        .thenRejects({ code: 'invalid-state', rule: 'ledger.waivers' }));

    it('reason and reference are required', () =>
      void specOf(NMG)
        .given(shortOfMembers())
        .when({
          type: 'WaiveRule',
          data: {
            consortiumId: CONSORTIUM_IDS[NMG],
            rule: 'nmg.members-min',
            on: '2025-10-10',
            reason: '',
            reference: ' ',
          },
        })
        .thenRejects({ code: 'invalid-input', details: [{ field: 'reason' }, { field: 'reference' }] }));

    it('Liaoning has no 原则上 clause: nothing can be waived', () =>
      void specOf('liaoning-2021-alliance')
        .given(historyUpTo('liaoning-2021-alliance', 'filed'))
        .when(commandsFor('liaoning-2021-alliance').waive('liaoning.academic-member', '2025-09-02'))
        .thenRejects({ code: 'rule-violated', rule: 'ledger.waivers' }));
  });

  describe('in the filing body, for the rules that refuse the filing itself', () => {
    const otherNmg = {
      consortiumId: 'c-nmg-other',
      creditCode: LEADS[NMG].creditCode,
      policy: NMG,
      filedOn: '2025-03-01',
    };
    const waivers = [{ rule: 'nmg.one-per-lead', reason: WAIVER.reason, reference: WAIVER.reference }];

    it('nmg.one-per-lead: a lead already leading a live consortium may file with the waiver; verdict and events show it', () => {
      const [filed, waived] = specOf(NMG)
        .given([])
        .when(fileConsortium(NMG, { waivers }), { leadRegistry: registryWith(otherNmg) })
        .thenMatches([{ type: 'ConsortiumFiled' }, { type: 'RuleWaived' }]);
      expect(verdictOf([filed], 'nmg.one-per-lead')).toMatchObject({ ok: true, citation: '三(二)', waived: WAIVER });
      expect(filed.data).toMatchObject({ eligible: true });
      expect(waived.data).toMatchObject({
        rule: 'nmg.one-per-lead',
        on: TIMELINES[NMG].filedOn,
        lead: LEADS[NMG].creditCode,
        ...WAIVER,
      });
    });

    it('luzhou.annual-call: a second filing in the year goes through with the waiver', () => {
      const earlier = {
        consortiumId: 'c-lz-earlier',
        creditCode: LEADS[LUZHOU].creditCode,
        policy: LUZHOU,
        filedOn: '2025-03-01',
      };
      const [filed] = specOf(LUZHOU)
        .given([])
        .when(fileConsortium(LUZHOU, { waivers: [{ ...waivers[0], rule: 'luzhou.annual-call' }] }), {
          leadRegistry: registryWith(earlier),
        })
        .thenMatches([{ type: 'ConsortiumFiled' }, { type: 'RuleWaived', data: { rule: 'luzhou.annual-call' } }]);
      expect(verdictOf([filed], 'luzhou.annual-call')).toMatchObject({ ok: true, waived: WAIVER });
    });

    it('any waivable rule may be named at filing; a rule without 原则上 is refused (422), an unknown one is invalid input', () => {
      specOf(NMG)
        .given([])
        .when(fileConsortium(NMG, { ...nineUnits, waivers: [{ ...waivers[0], rule: 'nmg.members-min' }] }))
        .thenMatches([{ type: 'ConsortiumFiled', data: { eligible: true } }, { type: 'RuleWaived' }]);
      specOf(NMG)
        .given([])
        .when(fileConsortium(NMG, { waivers: [{ ...waivers[0], rule: 'nmg.lead-rd' }] }))
        .thenRejects({ code: 'rule-violated', rule: 'ledger.waivers' });
      specOf(NMG)
        .given([])
        .when(fileConsortium(NMG, { waivers: [{ ...waivers[0], rule: 'nmg.nothing' }] }))
        .thenRejects({ code: 'invalid-input', details: [{ field: 'waivers[0].rule' }] });
    });

    it('the same rule twice, or a waiver without its document, is invalid input naming the entry', () => {
      specOf(NMG)
        .given([])
        .when(fileConsortium(NMG, { waivers: [...waivers, ...waivers] }))
        .thenRejects({ code: 'invalid-input', details: [{ field: 'waivers[1].rule' }] });
      specOf(NMG)
        .given([])
        .when(fileConsortium(NMG, { waivers: [{ ...waivers[0], reference: '' }] }))
        .thenRejects({ code: 'invalid-input', details: [{ field: 'waivers[0].reference' }] });
    });
  });

  describe('a waiver of a rule about the lead holds while that unit leads', () => {
    const universityLead = university('luzhou', 62);

    it('luzhou.lead waived for a university lead; a lead change to another unit that fails the rule is refused', () => {
      const waived = eventsOf(
        LUZHOU,
        [luzhou.waive('luzhou.lead', '2025-10-10'), luzhou.approve(TIMELINES[LUZHOU].approvedOn)],
        historyUpTo(LUZHOU, 'public-notice', { lead: universityLead }),
      );
      expect(stateOf(waived)).toMatchObject({ status: 'active' });
      expect(stateOf(waived).eligibility.find((c) => c.rule === 'luzhou.lead')).toMatchObject({
        ok: true,
        waived: WAIVER_OF_FIXTURE,
      });
      specOf(LUZHOU)
        .given(waived)
        .when(luzhou.changeLead('2025-11-01', university('luzhou', 63)))
        .thenRejects({ code: 'rule-violated', rule: 'luzhou.lead' });
    });
  });
});

const WAIVER_OF_FIXTURE = { reference: '批复〔2025〕1号', reason: '经研究同意', actor: FIXTURE_ACTOR };
