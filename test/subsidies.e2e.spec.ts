import { enterprise, MEMBERS } from '@ledger/domain/consortium/consortium.fixtures';
import { filingBody, unitBody } from './support/consortium-requests';
import { ACTORS, RunningLedger, startLedger, STORY_TODAY } from './support/ledger-test-app';
import {
  capOf,
  consortiumWith,
  FundedConsortium,
  getFunding,
  leadFactory,
  parseCsv,
  postGrant,
  postSubsidy,
} from './support/subsidy-requests';
import { CommandBus } from '@nestjs/cqrs';
import { entityIdFor, newCommandMetadata } from '@ledger/platform';
import { SubsidyCommandMessage } from '../apps/command/src/subsidies/subsidy-command.message';
import { csvField, UTF8_BOM } from '@ledger/presentation/exports';
import { fenToYuan, yuanToFen } from '@ledger/domain/shared/money';

/** The subsidy ledger over real HTTP, on a real SQLite data directory: grants under every policy, the money's life, the reads. */
describe('subsidies over HTTP', () => {
  let ledger: RunningLedger;
  const leads = leadFactory(2000);
  const head = async (): Promise<number> => (await ledger.http.get('/health', { as: 'viewer' })).body.log.headPosition;

  // The consortia's timelines approve them on 2025-10-12 (Tianjin: 2020-06-08); grants are dated after that.
  const ON_2025 = { fiscalYear: 2025, grantedOn: '2025-11-03' };
  const ON_2020 = { fiscalYear: 2020, grantedOn: '2020-07-01' };

  beforeAll(async () => {
    ledger = await startLedger({ today: STORY_TODAY, acceptLanguage: 'en' });
  });
  afterAll(async () => {
    await ledger.close();
  });

  describe('every category, granted once on an active consortium of its policy', () => {
    const consortia: Record<string, FundedConsortium> = {};
    beforeAll(async () => {
      consortia.liaoning = await consortiumWith(ledger, 'liaoning-2021-alliance', leads['liaoning-2021-alliance']());
      consortia.luzhou = await consortiumWith(ledger, 'luzhou-2024-consortium', leads['luzhou-2024-consortium']());
      consortia.nmg = await consortiumWith(ledger, 'nmg-2024-consortium', leads['nmg-2024-consortium']());
      consortia.tianjin = await consortiumWith(ledger, 'tianjin-2018-alliance', leads['tianjin-2018-alliance']());
    });

    it('no Tianjin evaluation can be recorded, so tianjin.evaluation-award cannot be granted (tianjin.end-wins)', async () => {
      const evaluated = await ledger.http.post(
        `/v1/consortia/${consortia.tianjin.id}/evaluations`,
        { period: '2020', on: '2020-06-20', grade: 'excellent' },
        { as: 'officer' },
      );
      expect(evaluated.status).toBe(422);
      expect(evaluated.body).toMatchObject({
        error: 'rule-violated',
        rule: 'tianjin.evaluation-cycle',
        citation: '第十八条',
      });
      expect(evaluated.body.message).toContain('no evaluation can be recorded');
      const award = await postGrant(ledger, {
        consortiumId: consortia.tianjin.id,
        recipient: consortia.tianjin.lead.creditCode,
        category: 'tianjin.evaluation-award',
        amount: '300000',
        ...ON_2020,
      });
      expect(award.status).toBe(422);
      expect(award.body).toMatchObject({ error: 'rule-violated', rule: 'tianjin.evaluation-award' });
      expect(award.body.message).toContain('no Tianjin evaluation can be recorded');
    });

    /** A cap as the grant answer shows it: `used` counts this grant; `headroom` is what is left after it. */
    type ExpectedCap = {
      rule: string;
      citation: string;
      limit: string | null;
      used: string | null;
      headroom: string | null;
    };
    const cap = (
      rule: string,
      citation: string,
      limit: string | null,
      used: string | null,
      headroom: string | null,
    ): ExpectedCap => ({ rule, citation, limit, used, headroom });
    const NO_ALLIANCE_CAP = cap('liaoning.alliance-no-cap', '若干政策 7', null, null, null);

    // In order, to fresh consortia: the three Liaoning grants go to one 盟主 in 2025, so its annual cap fills up.
    it.each([
      [
        'liaoning',
        'liaoning.operating',
        '3000000',
        {},
        ON_2025,
        [
          cap('liaoning.operating-funds', '若干政策 1', '3000000.00', '3000000.00', '0.00'),
          NO_ALLIANCE_CAP,
          cap('liaoning.mengzhu-annual-cap', '若干政策 7', '20000000.00', '3000000.00', '17000000.00'),
        ],
      ],
      [
        'liaoning',
        'liaoning.jiebang',
        '10000000',
        { projectId: 'LN-E2E-JB-1', projectTotalInvestment: '50000000' },
        ON_2025,
        [
          cap('liaoning.jiebang', '若干政策 2', '10000000.00', '10000000.00', '0.00'),
          NO_ALLIANCE_CAP,
          cap('liaoning.mengzhu-annual-cap', '若干政策 7', '20000000.00', '13000000.00', '7000000.00'),
        ],
      ],
      [
        'liaoning',
        'liaoning.talent',
        '6000000',
        {},
        ON_2025,
        [
          cap('liaoning.talent', '若干政策 3', '10000000.00', '6000000.00', '4000000.00'),
          NO_ALLIANCE_CAP,
          cap('liaoning.mengzhu-annual-cap', '若干政策 7', '20000000.00', '19000000.00', '1000000.00'),
        ],
      ],
      [
        'luzhou',
        'luzhou.platform',
        '1000000',
        { platformId: 'LZ-E2E-PF-1' },
        ON_2025,
        [cap('luzhou.platform-cap', '第四条(三)', '1000000.00', '1000000.00', '0.00')],
      ],
      [
        'luzhou',
        'luzhou.transformation',
        '4000000.50',
        { projectId: 'LZ-E2E-TR-1' },
        ON_2025,
        [cap('luzhou.transformation-cap', '第四条(四)', '5000000.00', '4000000.50', '999999.50')],
      ],
      [
        'tianjin',
        'tianjin.filing',
        '500000',
        {},
        ON_2020,
        [cap('tianjin.filing-subsidy', '第十三条', '500000.00', '500000.00', '0.00')],
      ],
      [
        'tianjin',
        'tianjin.national-pilot',
        '500000',
        {},
        ON_2020,
        [cap('tianjin.national-pilot', '第十三条', '500000.00', '500000.00', '0.00')],
      ],
      [
        'nmg',
        'nmg.project',
        '8000000',
        { projectId: 'NMG-E2E-1' },
        ON_2025,
        [cap('ledger.nmg-project', '五(三)', null, '8000000.00', null)],
      ],
    ] as const)(
      '%s: %s %s → 201 granted, recording every cap it was checked against',
      async (key, category, amount, extra, on, caps) => {
        const consortium = consortia[key];
        const answer = await postGrant(ledger, {
          consortiumId: consortium.id,
          recipient: consortium.lead.creditCode,
          category,
          amount,
          ...on,
          ...extra,
        });
        expect(answer.status).toBe(201);
        expect(answer.body).toMatchObject({
          id: expect.any(String),
          status: 'granted',
          category,
          recipient: consortium.lead.creditCode,
          position: expect.any(Number),
        });
        const shown = answer.body.caps.map(({ rule, citation, limit, used, headroom }: ExpectedCap) => ({
          rule,
          citation,
          limit,
          used,
          headroom,
        }));
        expect(shown).toEqual(caps);
        // Where a cap has a number: limit − used = headroom, in integer fen.
        for (const c of shown.filter((c: ExpectedCap) => c.limit !== null)) {
          expect([c.rule, yuanToFen(c.limit) - yuanToFen(c.used)]).toEqual([c.rule, yuanToFen(c.headroom)]);
        }
        expect(answer.body.granted).toBe(fenToYuan(yuanToFen(amount)));
        expect(answer.body.decisions[0]).toMatchObject({
          type: 'SubsidyGranted',
          rule: expect.any(String),
          citation: expect.any(String),
        });
      },
    );

    it.each([
      ['liaoning', 'liaoning.operating', { fiscalYear: 2021, grantedOn: '2021-02-28' }, {}],
      ['luzhou', 'luzhou.platform', { fiscalYear: 2024, grantedOn: '2024-05-14' }, { platformId: 'PF-EARLY' }],
      ['nmg', 'nmg.project', { fiscalYear: 2024, grantedOn: '2024-12-18' }, { projectId: 'NP-EARLY' }],
    ] as const)(
      'refuses a %s grant dated the day before its policy is in force: 422 lifecycle.in-force, nothing recorded',
      async (policy, category, dated, fields) => {
        const { id, lead } = consortia[policy];
        const before = await head();
        const early = await postGrant(ledger, {
          consortiumId: id,
          recipient: lead.creditCode,
          category,
          amount: '1000000',
          ...dated,
          ...fields,
        });
        expect(early.status).toBe(422);
        expect(early.body).toMatchObject({ error: 'policy-not-in-force', rule: 'lifecycle.in-force' });
        expect(await head()).toBe(before);
      },
    );

    it('refuses a second tianjin.filing to the same alliance (once, 第十三条) and a Tianjin grant dated after 2020-12-31 (第二十一条)', async () => {
      const { id, lead } = consortia.tianjin;
      const again = await postGrant(ledger, {
        consortiumId: id,
        recipient: lead.creditCode,
        category: 'tianjin.filing',
        amount: '100000',
        ...ON_2020,
      });
      expect(again.status).toBe(422);
      expect(again.body).toMatchObject({
        error: 'rule-violated',
        rule: 'tianjin.filing-subsidy',
        citation: '第十三条',
      });
      const late = await postGrant(ledger, {
        consortiumId: id,
        recipient: lead.creditCode,
        category: 'tianjin.national-pilot',
        amount: '100000',
        fiscalYear: 2021,
        grantedOn: '2021-01-05',
      });
      expect(late.status).toBe(422);
      expect(late.body).toMatchObject({ error: 'policy-not-in-force', citation: '第二十一条' });
    });
  });

  describe('the caps of liaoning-2021-alliance', () => {
    let alliance: FundedConsortium;
    beforeAll(async () => {
      alliance = await consortiumWith(ledger, 'liaoning-2021-alliance', leads['liaoning-2021-alliance']());
    });

    it('300万 operating + 1000万 揭榜挂帅 + 600万 talent to one 盟主 in 2025; 200万 more is refused (liaoning.mengzhu-annual-cap) and accepted in 2026', async () => {
      const mengzhu = alliance.lead.creditCode;
      const grant = (body: Record<string, unknown>) =>
        postGrant(ledger, { consortiumId: alliance.id, recipient: mengzhu, ...ON_2025, ...body });
      expect((await grant({ category: 'liaoning.operating', amount: '3000000' })).status).toBe(201);
      expect(
        (
          await grant({
            category: 'liaoning.jiebang',
            amount: '10000000',
            projectId: 'LN-E2E-JB-2',
            projectTotalInvestment: '50000000',
          })
        ).status,
      ).toBe(201);
      const talent = await grant({ category: 'liaoning.talent', amount: '6000000' });
      expect(talent.status).toBe(201);
      expect(capOf(talent.body, 'liaoning.mengzhu-annual-cap')).toMatchObject({
        limit: '20000000.00',
        usedBefore: '13000000.00',
        used: '19000000.00',
        headroom: '1000000.00',
        citation: '若干政策 7',
      });

      const before = await head();
      const refused = await grant({ category: 'liaoning.talent', amount: '2000000' });
      expect(refused.status).toBe(422);
      expect(refused.body).toMatchObject({
        error: 'cap-exceeded',
        rule: 'liaoning.mengzhu-annual-cap',
        citation: '若干政策 7',
        limit: '20000000.00',
        used: '19000000.00',
        requested: '2000000.00',
        headroom: '1000000.00',
      });
      expect(refused.body.message).toContain('liaoning.mengzhu-annual-cap');
      expect(refused.body.details).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ rule: 'liaoning.talent', ok: true, limit: '10000000.00' }),
          expect.objectContaining({
            rule: 'liaoning.mengzhu-annual-cap',
            ok: false,
            limit: '20000000.00',
            used: '19000000.00',
            headroom: '1000000.00',
          }),
        ]),
      );
      expect(await head()).toBe(before);

      const nextYear = await grant({
        category: 'liaoning.talent',
        amount: '2000000',
        fiscalYear: 2026,
        grantedOn: '2026-01-15',
      });
      expect(nextYear.status).toBe(201);
      expect(capOf(nextYear.body, 'liaoning.mengzhu-annual-cap')).toMatchObject({
        used: '2000000.00',
        headroom: '18000000.00',
      });

      const funding = await getFunding(ledger, mengzhu, 2025, nextYear.body.position);
      expect(funding.status).toBe(200);
      expect(funding.body).toMatchObject({
        creditCode: mengzhu,
        fiscalYear: 2025,
        granted: '19000000.00',
        undisbursed: '19000000.00',
      });
      expect(capOf(funding.body, 'liaoning.mengzhu-annual-cap')).toMatchObject({
        limit: '20000000.00',
        used: '19000000.00',
        headroom: '1000000.00',
      });
      expect(capOf(funding.body, 'liaoning.jiebang')).toMatchObject({
        limit: '10000000.00',
        used: '10000000.00',
        headroom: '0.00',
        scope: 'project-LN-E2E-JB-2',
      });
      expect(funding.body.subsidies).toHaveLength(3);
    });

    it('a 揭榜挂帅 project of 2000万 in total takes 400万 and refuses 300万 more: 30% of its total is 600万 (liaoning.jiebang)', async () => {
      const member = alliance.members[0].creditCode;
      const grant = (amount: string) =>
        postGrant(ledger, {
          consortiumId: alliance.id,
          recipient: member,
          category: 'liaoning.jiebang',
          amount,
          projectId: 'LN-E2E-JB-3',
          projectTotalInvestment: '20000000',
          ...ON_2025,
        });
      const first = await grant('4000000');
      expect(first.status).toBe(201);
      expect(capOf(first.body, 'liaoning.jiebang')).toMatchObject({
        limit: '6000000.00',
        used: '4000000.00',
        headroom: '2000000.00',
      });
      const more = await grant('3000000');
      expect(more.status).toBe(422);
      expect(more.body).toMatchObject({
        error: 'cap-exceeded',
        rule: 'liaoning.jiebang',
        citation: '若干政策 2',
        limit: '6000000.00',
        used: '4000000.00',
        requested: '3000000.00',
        headroom: '2000000.00',
      });
    });

    it('operating funds lie in [100万, 300万]: 50万 breaks liaoning.operating-funds, 350万 exceeds its cap', async () => {
      const grant = (amount: string) =>
        postGrant(ledger, {
          consortiumId: alliance.id,
          recipient: alliance.lead.creditCode,
          category: 'liaoning.operating',
          amount,
          fiscalYear: 2027,
          grantedOn: '2027-02-01',
        });
      const small = await grant('500000');
      expect(small.status).toBe(422);
      expect(small.body).toMatchObject({
        error: 'rule-violated',
        rule: 'liaoning.operating-funds',
        citation: '若干政策 1',
      });
      const large = await grant('3500000');
      expect(large.status).toBe(422);
      expect(large.body).toMatchObject({
        error: 'cap-exceeded',
        rule: 'liaoning.operating-funds',
        limit: '3000000.00',
        requested: '3500000.00',
        headroom: '3000000.00',
      });
    });

    it('refuses a non-member, a consortium that is not active, a category of another policy, and a dissolved consortium — each naming its rule', async () => {
      const outsider = enterprise('beijing', 2999).creditCode;
      const nonMember = await postGrant(ledger, {
        consortiumId: alliance.id,
        recipient: outsider,
        category: 'liaoning.talent',
        amount: '1000000',
        ...ON_2025,
      });
      expect(nonMember.status).toBe(422);
      expect(nonMember.body).toMatchObject({ error: 'rule-violated', rule: 'ledger.recipient-member' });

      const wrongCategory = await postGrant(ledger, {
        consortiumId: alliance.id,
        recipient: alliance.lead.creditCode,
        category: 'luzhou.platform',
        amount: '100000',
        platformId: 'X',
        ...ON_2025,
      });
      expect(wrongCategory.status).toBe(422);
      expect(wrongCategory.body).toMatchObject({ error: 'rule-violated', rule: 'ledger.category-of-policy' });

      const lead = leads['liaoning-2021-alliance']();
      const filed = await ledger.http.post(
        '/v1/consortia',
        filingBody('liaoning-2021-alliance', { lead: unitBody(lead) }),
        { as: 'officer' },
      );
      expect(filed.status).toBe(201);
      const notActive = await postGrant(ledger, {
        consortiumId: filed.body.id,
        recipient: lead.creditCode,
        category: 'liaoning.talent',
        amount: '1000000',
        ...ON_2025,
      });
      expect(notActive.status).toBe(422);
      expect(notActive.body).toMatchObject({ error: 'invalid-state', rule: 'ledger.consortium-active' });

      const ended = await consortiumWith(ledger, 'liaoning-2021-alliance', leads['liaoning-2021-alliance']());
      await ledger.http.post(
        `/v1/consortia/${ended.id}/dissolution`,
        { on: '2025-10-20', reason: '联盟任务完成' },
        { as: 'officer' },
      );
      const dissolved = await postGrant(ledger, {
        consortiumId: ended.id,
        recipient: ended.lead.creditCode,
        category: 'liaoning.talent',
        amount: '1000000',
        ...ON_2025,
      });
      expect(dissolved.status).toBe(422);
      expect(dissolved.body).toMatchObject({ error: 'invalid-state', rule: 'ledger.consortium-active' });
      expect(dissolved.body.message).toContain('dissolved');
    });
  });

  describe("a subsidy's money: tranches, cancellation, clawback, refund, termination", () => {
    it('pays in tranches, releases headroom on cancellation but not on clawback, takes refunds, and terminates', async () => {
      const alliance = await consortiumWith(ledger, 'liaoning-2021-alliance', leads['liaoning-2021-alliance']());
      const mengzhu = alliance.lead.creditCode;
      const granted = await postGrant(ledger, {
        consortiumId: alliance.id,
        recipient: mengzhu,
        category: 'liaoning.talent',
        amount: '10000000',
        ...ON_2025,
      });
      expect(granted.status).toBe(201);
      const id: string = granted.body.id;
      const mengzhuCap = async (position: number) =>
        capOf((await getFunding(ledger, mengzhu, 2025, position)).body, 'liaoning.mengzhu-annual-cap');
      expect(await mengzhuCap(granted.body.position)).toMatchObject({ used: '10000000.00', headroom: '10000000.00' });

      const first = await postSubsidy(ledger, id, 'disbursements', {
        amount: '3000000',
        paidOn: '2025-11-10',
        voucher: 'PZ-1',
      });
      expect(first.status).toBe(201);
      const second = await postSubsidy(ledger, id, 'disbursements', {
        amount: '2000000.00',
        paidOn: '2025-12-10',
        voucher: 'PZ-2',
      });
      expect(second.body).toMatchObject({
        disbursed: '5000000.00',
        undisbursed: '5000000.00',
        position: expect.any(Number),
      });
      const beyond = await postSubsidy(ledger, id, 'disbursements', {
        amount: '6000000',
        paidOn: '2025-12-11',
        voucher: 'PZ-3',
      });
      expect(beyond.status).toBe(422);
      expect(beyond.body).toMatchObject({
        error: 'rule-violated',
        rule: 'ledger.disburse-within-grant',
        headroom: '5000000.00',
      });

      const cancelled = await postSubsidy(ledger, id, 'cancellation', {
        amount: '3000000',
        on: '2025-12-15',
        reason: '预算调整',
      });
      expect(cancelled.status).toBe(201);
      expect(cancelled.body).toMatchObject({ cancelled: '3000000.00', undisbursed: '2000000.00' });
      expect(cancelled.body.decisions.map((d: { type: string }) => d.type)).toEqual([
        'SubsidyCancelled',
        'FundingReleased',
      ]);
      expect(await mengzhuCap(cancelled.body.position)).toMatchObject({ used: '7000000.00', headroom: '13000000.00' });
      expect(
        (await postSubsidy(ledger, id, 'cancellation', { amount: '3000000', on: '2025-12-16', reason: '再调整' })).body,
      ).toMatchObject({ error: 'rule-violated', rule: 'ledger.cancel-undisbursed' });

      const clawedBack = await postSubsidy(ledger, id, 'clawbacks', {
        amount: '1000000',
        on: '2025-12-20',
        reason: 'misuse',
      });
      expect(clawedBack.status).toBe(201);
      expect(clawedBack.body).toMatchObject({ clawedBack: '1000000.00', receivable: '1000000.00' });
      expect(await mengzhuCap(clawedBack.body.position)).toMatchObject({ used: '7000000.00', headroom: '13000000.00' });

      const refunded = await postSubsidy(ledger, id, 'refunds', {
        amount: '600000',
        receivedOn: '2025-12-28',
        voucher: 'TK-1',
      });
      expect(refunded.body).toMatchObject({ refunded: '600000.00', receivable: '400000.00' });
      expect(
        (await postSubsidy(ledger, id, 'refunds', { amount: '500000', receivedOn: '2025-12-29', voucher: 'TK-2' }))
          .body,
      ).toMatchObject({ error: 'rule-violated', rule: 'ledger.refund-within-clawback' });

      const terminated = await postSubsidy(ledger, id, 'termination', { on: '2025-12-30', reason: '任务未执行' });
      expect(terminated.status).toBe(201);
      expect(terminated.body).toMatchObject({
        status: 'terminated',
        granted: '10000000.00',
        cancelled: '5000000.00',
        disbursed: '5000000.00',
        clawedBack: '5000000.00',
        refunded: '600000.00',
        undisbursed: '0.00',
        receivable: '4400000.00',
        terminated: { rule: 'ledger.terminate-and-recover', on: '2025-12-30' },
      });
      expect(await mengzhuCap(terminated.body.position)).toMatchObject({ used: '5000000.00', headroom: '15000000.00' });
      const afterwards = await postSubsidy(ledger, id, 'disbursements', {
        amount: '1',
        paidOn: '2026-01-05',
        voucher: 'PZ-9',
      });
      expect(afterwards.status).toBe(422);
      expect(afterwards.body).toMatchObject({ error: 'invalid-state', rule: 'ledger.terminated-subsidy' });
      const lastRefund = await postSubsidy(ledger, id, 'refunds', {
        amount: '4400000',
        receivedOn: '2026-01-20',
        voucher: 'TK-3',
      });
      expect(lastRefund.body).toMatchObject({ status: 'terminated', refunded: '5000000.00', receivable: '0.00' });

      const detail = await ledger.http.get(`/v1/subsidies/${id}?minPosition=${lastRefund.body.position}`, {
        as: 'viewer',
      });
      expect(detail.status).toBe(200);
      expect(detail.body).toMatchObject({
        id,
        status: 'terminated',
        rule: 'liaoning.talent',
        citation: '若干政策 3',
        refunded: '5000000.00',
      });
      expect(detail.body.movements.map((m: { type: string }) => m.type)).toEqual([
        'SubsidyDisbursed',
        'SubsidyDisbursed',
        'SubsidyCancelled',
        'SubsidyClawedBack',
        'SubsidyRefunded',
        'SubsidyTerminated',
        'SubsidyCancelled',
        'SubsidyClawedBack',
        'SubsidyRefunded',
      ]);
      expect(detail.body.movements[0]).toMatchObject({ amount: '3000000.00', paidOn: '2025-11-10', voucher: 'PZ-1' });
    });

    it("stops payments when the consortium is dissolved until the project's authority decides it goes on (ledger.project-change)", async () => {
      const alliance = await consortiumWith(ledger, 'liaoning-2021-alliance', leads['liaoning-2021-alliance']());
      const granted = await postGrant(ledger, {
        consortiumId: alliance.id,
        recipient: alliance.lead.creditCode,
        category: 'liaoning.talent',
        amount: '2000000',
        ...ON_2025,
      });
      const id: string = granted.body.id;
      const dissolved = await ledger.http.post(
        `/v1/consortia/${alliance.id}/dissolution`,
        { on: '2025-12-01', reason: '联盟任务完成' },
        { as: 'officer' },
      );
      expect(dissolved.status).toBe(201);

      const paidBefore = await postSubsidy(ledger, id, 'disbursements', {
        amount: '500000',
        paidOn: '2025-11-20',
        voucher: 'PZ-BEFORE',
      });
      expect(paidBefore.status).toBe(201);
      const before = await head();
      const stopped = await postSubsidy(ledger, id, 'disbursements', {
        amount: '500000',
        paidOn: '2025-12-02',
        voucher: 'PZ-AFTER',
      });
      expect(stopped.status).toBe(422);
      expect(stopped.body).toMatchObject({ error: 'rule-violated', rule: 'ledger.project-change' });
      expect(stopped.body.message).toContain(`/v1/subsidies/${id}/continuation`);
      expect(await head()).toBe(before);

      const asOfficer = await ledger.http.post(
        `/v1/subsidies/${id}/continuation`,
        { on: '2025-12-05', authority: '辽宁省科学技术厅', reference: '辽科发〔2025〕88号' },
        { as: 'officer' },
      );
      expect(asOfficer.status).toBe(403);
      const missing = await postSubsidy(ledger, id, 'continuation', {
        on: '2025-12-05',
        authority: '辽宁省科学技术厅',
      });
      expect(missing.status).toBe(400);
      expect(JSON.stringify(missing.body)).toContain('reference');
      const continued = await postSubsidy(ledger, id, 'continuation', {
        on: '2025-12-05',
        authority: '辽宁省科学技术厅',
        reference: '辽科发〔2025〕88号',
      });
      expect(continued.status).toBe(201);
      expect(continued.body).toMatchObject({
        continuation: { rule: 'ledger.project-change', on: '2025-12-05', reference: '辽科发〔2025〕88号' },
      });
      const again = await postSubsidy(ledger, id, 'continuation', {
        on: '2025-12-06',
        authority: '辽宁省科学技术厅',
        reference: '辽科发〔2025〕89号',
      });
      expect(again.body).toMatchObject({ error: 'invalid-state', rule: 'ledger.project-change' });

      const resumed = await postSubsidy(ledger, id, 'disbursements', {
        amount: '500000',
        paidOn: '2025-12-10',
        voucher: 'PZ-RESUMED',
      });
      expect(resumed.status).toBe(201);
      const detail = await ledger.http.get(`/v1/subsidies/${id}?minPosition=${resumed.body.position}`, {
        as: 'viewer',
      });
      expect(detail.body).toMatchObject({
        disbursed: '1000000.00',
        continuation: { authority: '辽宁省科学技术厅', reference: '辽科发〔2025〕88号' },
      });
      expect(detail.body.movements.map((m: { type: string }) => m.type)).toEqual([
        'SubsidyDisbursed',
        'SubsidyContinued',
        'SubsidyDisbursed',
      ]);
    });

    it('refuses a disbursement paid before the grant and a clawback dated before the payment (ledger.movement-dates); nothing recorded', async () => {
      const alliance = await consortiumWith(ledger, 'liaoning-2021-alliance', leads['liaoning-2021-alliance']());
      const granted = await postGrant(ledger, {
        consortiumId: alliance.id,
        recipient: alliance.lead.creditCode,
        category: 'liaoning.talent',
        amount: '2000000',
        ...ON_2025,
      });
      expect(granted.status).toBe(201);
      const id: string = granted.body.id;

      const before = await head();
      const early = await postSubsidy(ledger, id, 'disbursements', {
        amount: '1000000',
        paidOn: '2019-01-01',
        voucher: 'PZ-EARLY',
      });
      expect(early.status).toBe(422);
      expect(early.body).toMatchObject({
        error: 'rule-violated',
        rule: 'ledger.movement-dates',
        citation: expect.stringContaining('API.md Subsidies'),
        details: [{ field: 'paidOn', date: '2019-01-01', notBefore: ON_2025.grantedOn, grantedOn: ON_2025.grantedOn }],
      });
      expect(early.body.message).toContain(`paidOn 2019-01-01 is before ${ON_2025.grantedOn}`);
      expect(await head()).toBe(before);
      const detail = await ledger.http.get(`/v1/subsidies/${id}?minPosition=${granted.body.position}`, {
        as: 'viewer',
      });
      expect(detail.body).toMatchObject({ disbursed: '0.00', undisbursed: '2000000.00', movements: [] });

      const paid = await postSubsidy(ledger, id, 'disbursements', {
        amount: '1000000',
        paidOn: '2025-11-20',
        voucher: 'PZ-ON-TIME',
      });
      expect(paid.status).toBe(201);
      const afterPaying = await head();
      const clawedBackEarly = await postSubsidy(ledger, id, 'clawbacks', {
        amount: '1000000',
        on: '2025-11-19',
        reason: 'misuse',
      });
      expect(clawedBackEarly.status).toBe(422);
      expect(clawedBackEarly.body).toMatchObject({
        error: 'rule-violated',
        rule: 'ledger.movement-dates',
        details: [{ field: 'on', notBefore: '2025-11-20' }],
      });
      expect(await head()).toBe(afterPaying);
    });

    it('terminates an nmg project under nmg.terminate-and-recover (六(二)): the rest is cancelled, the paid money clawed back', async () => {
      const consortium = await consortiumWith(ledger, 'nmg-2024-consortium', leads['nmg-2024-consortium']());
      const granted = await postGrant(ledger, {
        consortiumId: consortium.id,
        recipient: consortium.members[0].creditCode,
        category: 'nmg.project',
        amount: '5000000',
        projectId: 'NMG-E2E-2',
        ...ON_2025,
      });
      expect(granted.status).toBe(201);
      expect(capOf(granted.body, 'ledger.nmg-project')).toMatchObject({
        limit: null,
        headroom: null,
        used: '5000000.00',
      });
      await postSubsidy(ledger, granted.body.id, 'disbursements', {
        amount: '2000000',
        paidOn: '2025-11-20',
        voucher: 'NMG-PZ-1',
      });
      const terminated = await postSubsidy(ledger, granted.body.id, 'termination', {
        on: '2025-12-01',
        reason: '经费分配不当',
      });
      expect(terminated.status).toBe(201);
      expect(terminated.body).toMatchObject({
        status: 'terminated',
        cancelled: '3000000.00',
        clawedBack: '2000000.00',
        terminated: { rule: 'nmg.terminate-and-recover', citation: '六(二)' },
      });
      expect(terminated.body.decisions).toEqual([
        { type: 'SubsidyTerminated', rule: 'nmg.terminate-and-recover', citation: '六(二)' },
        { type: 'SubsidyCancelled', rule: 'nmg.terminate-and-recover', citation: '六(二)' },
        { type: 'SubsidyClawedBack', rule: 'nmg.terminate-and-recover', citation: '六(二)' },
        {
          type: 'FundingReleased',
          boundary: `funding-${consortium.members[0].creditCode}-2025`,
          rule: 'nmg.terminate-and-recover',
          citation: '六(二)',
        },
        {
          type: 'FundingReleased',
          boundary: 'project-NMG-E2E-2',
          rule: 'nmg.terminate-and-recover',
          citation: '六(二)',
        },
      ]);
    });

    it('tianjin.fraud (第十六条): fraud records the recipient and the responsible unit as dishonest; no later grant to them under any policy', async () => {
      const alliance = await consortiumWith(ledger, 'tianjin-2018-alliance', leads['tianjin-2018-alliance']());
      const member = alliance.members[0];
      const granted = await postGrant(ledger, {
        consortiumId: alliance.id,
        recipient: member.creditCode,
        category: 'tianjin.national-pilot',
        amount: '500000',
        ...ON_2020,
      });
      expect(granted.status).toBe(201);
      await postSubsidy(ledger, granted.body.id, 'disbursements', {
        amount: '500000',
        paidOn: '2020-07-10',
        voucher: 'TJ-PZ-1',
      });
      const fraud = await postSubsidy(ledger, granted.body.id, 'clawbacks', {
        amount: '500000',
        on: '2020-09-01',
        reason: 'fraud',
      });
      expect(fraud.status).toBe(201);
      expect(fraud.body.decisions).toEqual([
        { type: 'SubsidyClawedBack', rule: 'tianjin.fraud', citation: '第十六条' },
        { type: 'UnitRecordedDishonest', creditCode: member.creditCode, rule: 'tianjin.fraud', citation: '第十六条' },
        {
          type: 'UnitRecordedDishonest',
          creditCode: alliance.lead.creditCode,
          rule: 'tianjin.fraud',
          citation: '第十六条',
        },
      ]);

      // Both units join a Liaoning alliance later: neither gets a grant there.
      const liaoning = await consortiumWith(ledger, 'liaoning-2021-alliance', leads['liaoning-2021-alliance'](), [
        ...MEMBERS['liaoning-2021-alliance'],
        member,
        alliance.lead,
      ]);
      for (const unit of [member, alliance.lead]) {
        const refused = await postGrant(ledger, {
          consortiumId: liaoning.id,
          recipient: unit.creditCode,
          category: 'liaoning.talent',
          amount: '1000000',
          ...ON_2025,
        });
        expect(refused.status).toBe(422);
        expect(refused.body).toMatchObject({ error: 'rule-violated', rule: 'tianjin.fraud', citation: '第十六条' });
      }
      const honest = await postGrant(ledger, {
        consortiumId: liaoning.id,
        recipient: liaoning.members[0].creditCode,
        category: 'liaoning.talent',
        amount: '1000000',
        ...ON_2025,
      });
      expect(honest.status).toBe(201);
    });
  });

  describe('reads', () => {
    let alliance: FundedConsortium;
    let grant: { id: string; position: number };
    beforeAll(async () => {
      alliance = await consortiumWith(ledger, 'liaoning-2021-alliance', leads['liaoning-2021-alliance']());
      const answer = await postGrant(ledger, {
        consortiumId: alliance.id,
        recipient: alliance.lead.creditCode,
        category: 'liaoning.operating',
        amount: '2000000',
        ...ON_2025,
      });
      grant = answer.body;
    });

    it('the history shows SubsidyGranted with its checks, its caps and its actor (supervisor only)', async () => {
      const history = await ledger.http.get(`/v1/subsidies/${grant.id}/history?minPosition=${grant.position}`, {
        as: 'supervisor',
      });
      expect(history.status).toBe(200);
      const [granted] = history.body.events;
      expect(granted).toMatchObject({
        type: 'SubsidyGranted',
        actor: ACTORS.finance,
        rule: 'liaoning.operating-funds',
        citation: '若干政策 1',
        position: expect.any(Number),
        recordedAt: expect.any(String),
      });
      expect(granted.data).toMatchObject({ amount: '2000000.00', recipientRole: 'lead', fiscalYear: 2025 });
      expect(granted.data.checks.map((c: { rule: string }) => c.rule)).toEqual(
        expect.arrayContaining(['ledger.consortium-active', 'ledger.recipient-member', 'tianjin.fraud']),
      );
      expect(granted.data.caps).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            rule: 'liaoning.mengzhu-annual-cap',
            citation: '若干政策 7',
            limit: '20000000.00',
            usedBefore: '0.00',
            headroomAfter: '18000000.00',
          }),
          expect.objectContaining({ rule: 'liaoning.alliance-no-cap', limit: null }),
        ]),
      );
      expect((await ledger.http.get(`/v1/subsidies/${grant.id}/history`, { as: 'viewer' })).status).toBe(403);
      expect((await ledger.http.get('/v1/subsidies/nope/history', { as: 'supervisor' })).status).toBe(404);
    });

    it('the detail and the list; 404 for an unknown subsidy, to queries and to commands', async () => {
      const detail = await ledger.http.get(`/v1/subsidies/${grant.id}?minPosition=${grant.position}`, { as: 'viewer' });
      expect(detail.body).toMatchObject({
        id: grant.id,
        status: 'granted',
        consortiumId: alliance.id,
        granted: '2000000.00',
        checks: expect.any(Array),
      });
      const list = await ledger.http.get(`/v1/subsidies?consortiumId=${alliance.id}`, { as: 'finance' });
      expect(list.body).toMatchObject({ total: 1, items: [{ id: grant.id, granted: '2000000.00' }] });
      expect((await ledger.http.get('/v1/subsidies/nope', { as: 'viewer' })).body).toMatchObject({
        error: 'not-found',
      });
      for (const [action, body] of [
        ['disbursements', { amount: '1', paidOn: '2025-11-10', voucher: 'V' }],
        ['cancellation', { amount: '1', on: '2025-11-10', reason: 'r' }],
        ['clawbacks', { amount: '1', on: '2025-11-10', reason: 'misuse' }],
        ['refunds', { amount: '1', receivedOn: '2025-11-10', voucher: 'V' }],
        ['termination', { on: '2025-11-10', reason: 'r' }],
      ] as const) {
        const answer = await postSubsidy(ledger, 'nope', action, body);
        expect([action, answer.status, answer.body.error]).toEqual([action, 404, 'not-found']);
      }
    });

    it('the OpenAPI description lists the subsidy ledger', async () => {
      const docs = await ledger.http.get('/docs-json', { as: null });
      expect(Object.keys(docs.body.paths)).toEqual(
        expect.arrayContaining([
          '/v1/subsidies',
          '/v1/subsidies/{id}',
          '/v1/subsidies/{id}/history',
          '/v1/subsidies/{id}/disbursements',
          '/v1/subsidies/{id}/cancellation',
          '/v1/subsidies/{id}/clawbacks',
          '/v1/subsidies/{id}/refunds',
          '/v1/subsidies/{id}/termination',
          '/v1/funding/{creditCode}',
          '/v1/reconciliation',
        ]),
      );
    });

    it('the funding view: 400 on a bad credit code or fiscal year, zeros for a recipient without grants', async () => {
      expect((await ledger.http.get('/v1/funding/91210100MA0000001X?fiscalYear=2025', { as: 'viewer' })).status).toBe(
        400,
      );
      const badYear = await ledger.http.get(`/v1/funding/${alliance.lead.creditCode}?fiscalYear=20x5`, {
        as: 'viewer',
      });
      expect(badYear.status).toBe(400);
      expect(badYear.body.details.map((d: { field: string }) => d.field)).toContain('fiscalYear');
      expect((await ledger.http.get(`/v1/funding/${alliance.lead.creditCode}`, { as: 'viewer' })).status).toBe(400);
      expect(
        (await ledger.http.get(`/v1/funding/${alliance.lead.creditCode}?fiscalYear=2025&colour=red`, { as: 'viewer' }))
          .status,
      ).toBe(400);
      const none = await ledger.http.get(`/v1/funding/${enterprise('dalian', 2998).creditCode}?fiscalYear=2025`, {
        as: 'finance',
      });
      expect(none.status).toBe(200);
      expect(none.body).toMatchObject({ granted: '0.00', refunded: '0.00', caps: [], subsidies: [] });
    });
  });

  describe('the reconciliation', () => {
    it('answers per subsidy and totals as JSON, and the same as RFC 4180 CSV whose TOTAL row parses back to the JSON totals', async () => {
      const consortium = await consortiumWith(ledger, 'luzhou-2024-consortium', leads['luzhou-2024-consortium']());
      const on2027 = { fiscalYear: 2027, grantedOn: '2027-03-01' };
      const platform = await postGrant(ledger, {
        consortiumId: consortium.id,
        recipient: consortium.lead.creditCode,
        category: 'luzhou.platform',
        amount: '800000',
        platformId: 'LZ-E2E-PF-2',
        ...on2027,
      });
      const project = await postGrant(ledger, {
        consortiumId: consortium.id,
        recipient: consortium.members[0].creditCode,
        category: 'luzhou.transformation',
        amount: '4000000',
        projectId: 'LZ-E2E-TR-2',
        ...on2027,
      });
      await postSubsidy(ledger, platform.body.id, 'disbursements', {
        amount: '500000',
        paidOn: '2027-04-01',
        voucher: 'LZ,PZ "1"',
      });
      await postSubsidy(ledger, project.body.id, 'cancellation', {
        amount: '1000000',
        on: '2027-04-02',
        reason: '调整',
      });
      await postSubsidy(ledger, project.body.id, 'disbursements', {
        amount: '2000000',
        paidOn: '2027-04-03',
        voucher: 'LZ-PZ-2',
      });
      await postSubsidy(ledger, project.body.id, 'clawbacks', { amount: '500000', on: '2027-05-01', reason: 'other' });
      const last = await postSubsidy(ledger, project.body.id, 'refunds', {
        amount: '200000',
        receivedOn: '2027-05-20',
        voucher: 'LZ-TK-1',
      });

      const path = `/v1/reconciliation?fiscalYear=2027&policy=luzhou-2024-consortium&minPosition=${last.body.position}`;
      const json = await ledger.http.get(path, { as: 'finance' });
      expect(json.status).toBe(200);
      expect(json.body).toMatchObject({ fiscalYear: 2027, policy: 'luzhou-2024-consortium' });
      expect(json.body.subsidies.map((s: { id: string }) => s.id).sort()).toEqual(
        [platform.body.id, project.body.id].sort(),
      );
      expect(json.body.totals).toEqual({
        subsidies: 2,
        granted: '4800000.00',
        cancelled: '1000000.00',
        disbursed: '2500000.00',
        clawedBack: '500000.00',
        refunded: '200000.00',
        undisbursed: '1300000.00',
        receivable: '300000.00',
      });
      expect(json.body.subsidies.find((s: { id: string }) => s.id === project.body.id)).toMatchObject({
        undisbursed: '1000000.00',
        receivable: '300000.00',
      });

      // In English the headers are the JSON fields; a BOM first, so that Excel reads UTF-8; the totals in yuan, then 万元.
      const csv = await ledger.http.get(path, {
        as: 'viewer',
        headers: { accept: 'text/csv', 'accept-language': 'en' },
      });
      expect(csv.status).toBe(200);
      expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
      expect(csv.text.startsWith(UTF8_BOM)).toBe(true);
      expect(csv.text.endsWith('\r\n')).toBe(true);
      const [header, ...rows] = parseCsv(csv.text.slice(UTF8_BOM.length));
      const wanTotal = rows.pop()!;
      const total = rows.pop()!;
      expect(wanTotal.slice(0, 1)).toEqual(['TOTAL (万元)']);
      const record = (row: string[]) => Object.fromEntries(header.map((column, i) => [column, row[i]]));
      expect(rows).toHaveLength(json.body.subsidies.length);
      for (const row of rows) {
        const line = json.body.subsidies.find((s: { id: string }) => s.id === record(row).id);
        expect(record(row)).toEqual(Object.fromEntries(header.map((column) => [column, String(line[column])])));
      }
      expect(record(total)).toMatchObject({ id: 'TOTAL', policy: 'luzhou-2024-consortium', fiscalYear: '2027' });
      const { subsidies: _count, ...money } = json.body.totals;
      for (const [field, value] of Object.entries(money)) expect([field, record(total)[field]]).toEqual([field, value]);

      const all = await ledger.http.get(`/v1/reconciliation?minPosition=${last.body.position}`, { as: 'viewer' });
      expect(all.body).toMatchObject({ fiscalYear: null, policy: null });
      const sum = (field: string) =>
        all.body.subsidies.reduce(
          (acc: bigint, s: Record<string, string>) => acc + BigInt(s[field].replace('.', '')),
          0n,
        );
      for (const field of [
        'granted',
        'cancelled',
        'disbursed',
        'clawedBack',
        'refunded',
        'undisbursed',
        'receivable',
      ]) {
        expect([field, sum(field)]).toEqual([field, BigInt(all.body.totals[field].replace('.', ''))]);
      }
      const dashboard = await ledger.http.get(`/v1/dashboard?minPosition=${last.body.position}`, { as: 'viewer' });
      const { undisbursed: _u, receivable: _r, ...flows } = money;
      expect(dashboard.body.money).toContainEqual({ policy: 'luzhou-2024-consortium', fiscalYear: 2027, ...flows });

      expect((await ledger.http.get('/v1/reconciliation?fiscalYear=2027.5', { as: 'viewer' })).status).toBe(400);
      expect((await ledger.http.get('/v1/reconciliation?policy=beijing', { as: 'viewer' })).status).toBe(400);
      expect((await ledger.http.get('/v1/reconciliation', { as: 'officer' })).status).toBe(403);
    });

    it('quotes CSV fields per RFC 4180', () => {
      expect(csvField('LZ,PZ "1"')).toBe('"LZ,PZ ""1"""');
      expect(csvField('line\r\nbreak')).toBe('"line\r\nbreak"');
      expect(csvField('plain')).toBe('plain');
      expect(parseCsv(`a,${csvField('b,"c"')}\r\n`)).toEqual([['a', 'b,"c"']]);
    });
  });

  describe('the edge', () => {
    let alliance: FundedConsortium;
    beforeAll(async () => {
      alliance = await consortiumWith(ledger, 'liaoning-2021-alliance', leads['liaoning-2021-alliance']());
    });
    const body = (overrides: Record<string, unknown>) => ({
      consortiumId: alliance.id,
      recipient: alliance.lead.creditCode,
      category: 'liaoning.talent',
      amount: '1000000',
      ...ON_2025,
      ...overrides,
    });

    it.each([
      ['money written "1e6"', 'amount', { amount: '1e6' }],
      ['money as a JSON number', 'amount', { amount: 1000000 }],
      ['a negative amount', 'amount', { amount: '-1000000' }],
      ['nothing at all', 'amount', { amount: '0.00' }],
      ['three decimals', 'amount', { amount: '1000000.005' }],
      ['a credit code with a wrong check character', 'recipient', { recipient: '91210100MA0000001X' }],
      ['an unknown category', 'category', { category: 'liaoning.marketing' }],
      ['a fiscal year that is not an integer', 'fiscalYear', { fiscalYear: 2025.5 }],
      ['a fiscal year as a string', 'fiscalYear', { fiscalYear: '2025' }],
      ['an impossible date', 'grantedOn', { grantedOn: '2025-02-30' }],
      ['an unknown field', 'currency', { currency: 'CNY' }],
      ['a 揭榜挂帅 grant without its project', 'projectId', { category: 'liaoning.jiebang' }],
    ])('%s → 400 naming %s, nothing recorded', async (_why, field, overrides) => {
      const before = await head();
      const answer = await postGrant(ledger, body(overrides));
      expect(answer.status).toBe(400);
      expect(answer.body.error).toBe('invalid-input');
      expect(answer.body.details.map((d: { field: string }) => d.field)).toContain(field);
      expect(await head()).toBe(before);
    });

    it('bad amounts, dates and reasons on the other commands → 400 naming the field', async () => {
      const granted = await postGrant(ledger, body({ amount: '1000000' }));
      const before = await head();
      for (const [action, payload, field] of [
        ['disbursements', { amount: 100, paidOn: '2025-11-10', voucher: 'V' }, 'amount'],
        ['disbursements', { amount: '100', paidOn: '2025-11-10' }, 'voucher'],
        ['cancellation', { amount: '100.123', on: '2025-11-10', reason: 'r' }, 'amount'],
        ['clawbacks', { amount: '100', on: '2025-11-10', reason: 'greed' }, 'reason'],
        ['refunds', { amount: '100', receivedOn: '11/10/2025', voucher: 'V' }, 'receivedOn'],
        ['termination', { on: '2025-11-10' }, 'reason'],
      ] as const) {
        const answer = await postSubsidy(ledger, granted.body.id, action, payload);
        expect([action, answer.status, answer.body.details?.map((d: { field: string }) => d.field)]).toEqual([
          action,
          400,
          expect.arrayContaining([field]),
        ]);
      }
      expect(await head()).toBe(before);
    });

    it('401 without a token, 403 for an officer or a viewer; nothing recorded', async () => {
      const before = await head();
      expect((await ledger.http.post('/v1/subsidies', body({}), { as: null })).status).toBe(401);
      const officer = await ledger.http.post('/v1/subsidies', body({}), { as: 'officer' });
      expect(officer.status).toBe(403);
      expect(officer.body.error).toBe('forbidden');
      expect((await ledger.http.post('/v1/subsidies', body({}), { as: 'viewer' })).status).toBe(403);
      expect(
        (await ledger.http.get(`/v1/funding/${alliance.lead.creditCode}?fiscalYear=2025`, { as: null })).status,
      ).toBe(401);
      expect(await head()).toBe(before);
    });

    it('a command repeated after a crash (same command id, its answer lost) answers from what it recorded and records nothing new', async () => {
      const bus = ledger.app.get(CommandBus);
      const meta = newCommandMetadata({ actor: ACTORS.finance, today: STORY_TODAY });
      const command = {
        type: 'GrantSubsidy' as const,
        data: {
          subsidyId: entityIdFor('subsidy', meta.commandId),
          consortiumId: alliance.id,
          recipient: alliance.lead.creditCode,
          category: 'liaoning.talent' as const,
          amountFen: 1_200_000_00,
          ...ON_2025,
        },
      };
      const first = await bus.execute(new SubsidyCommandMessage(command, meta));
      const after = await head();
      const again = await bus.execute(new SubsidyCommandMessage(command, meta));
      expect(again).toMatchObject({
        id: first.id,
        position: first.position,
        granted: '1200000.00',
        caps: first.caps,
        decisions: [],
      });
      expect(await head()).toBe(after);

      const payMeta = newCommandMetadata({ actor: ACTORS.finance, today: STORY_TODAY });
      const pay = {
        type: 'DisburseSubsidy' as const,
        data: { subsidyId: first.id, amountFen: 100_000_00, paidOn: '2025-11-20', voucher: 'PZ-R' },
      };
      const paid = await bus.execute(new SubsidyCommandMessage(pay, payMeta));
      const repaid = await bus.execute(new SubsidyCommandMessage(pay, payMeta));
      expect(repaid).toMatchObject({ disbursed: '100000.00', position: paid.position });
      expect(await head()).toBe(after + 1);
    });

    it('Idempotency-Key: a repeated grant answers the same id and records nothing new', async () => {
      const headers = { 'idempotency-key': 'grant-talent-edge-1' };
      const first = await postGrant(ledger, body({ amount: '1500000' }), headers);
      expect(first.status).toBe(201);
      const after = await head();
      const again = await postGrant(ledger, body({ amount: '1500000' }), headers);
      expect(again.status).toBe(201);
      expect(again.body).toEqual(first.body);
      expect(again.headers.get('idempotent-replayed')).toBe('true');
      expect(await head()).toBe(after);
      const other = await postGrant(ledger, body({ amount: '1600000' }), headers);
      expect(other.status).toBe(422);
      expect(other.body.error).toBe('idempotency-key-reused');
    });
  });
});
