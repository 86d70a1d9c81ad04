import { wan } from '@ledger/domain/shared/money';
import {
  cancel,
  clawBack,
  disburse,
  grant,
  recorded,
  refund,
  terminate,
  UNITS,
} from '@ledger/domain/subsidy/subsidy.fixtures';
import { FundingBoundaryState } from '@ledger/domain/policies/funding/funding-boundary';
import { FUNDING_BOUNDARIES } from '../funding/funding-boundaries.projection';
import { reconciliationReport } from '../reconciliation/reconciliation.report';
import { moneyByPolicyAndYear } from './subsidies-dashboard';
import {
  readFundingYear,
  readPolicyYearMoney,
  readSubsidies,
  readSubsidy,
  SUBSIDIES,
  subsidyKeys,
} from './subsidies.projection';
import { openProjectionHarness, ProjectionHarness, recordedEvent } from '../../../../test/support/projector-harness';
import { SubsidyLedgerEvent } from '@ledger/domain/subsidy/subsidy.events';
import { streamIdOf } from '@ledger/domain/subsidy/subsidy.routing';
import { Unit } from '@ledger/domain/shared/unit';
import { Jurisdiction } from '@ledger/platform';

/** Events decided with the domain's fixtures, each on its own stream, in order, as the store would hand them over. */
const onTheirStreams = (events: SubsidyLedgerEvent[], from = 1) =>
  events.map((event, i) => recordedEvent(streamIdOf(event), event, from + i, { actor: 'finance.wang' }));

describe('the subsidy projections', () => {
  let harness: ProjectionHarness;
  beforeEach(async () => {
    harness = await openProjectionHarness([SUBSIDIES, FUNDING_BOUNDARIES]);
  });
  afterEach(() => harness.close());
  const boundary = async (streamId: string) =>
    (await harness.readStore.getDocument<FundingBoundaryState>(FUNDING_BOUNDARIES.name, streamId))?.state;

  it('fold a subsidy through grant, tranches, cancellation, clawback, refund and termination', async () => {
    const events = recorded([
      grant('S-1', 'liaoning.talent', wan(1000)),
      disburse('S-1', wan(300)),
      cancel('S-1', wan(200)),
      clawBack('S-1', wan(100)),
      refund('S-1', wan(40)),
      terminate('S-1'),
    ]);
    await harness.apply(onTheirStreams(events));
    expect((await readSubsidy(harness.readStore, 'S-1'))?.state).toMatchObject({
      status: 'terminated',
      grantedFen: wan(1000),
      cancelledFen: wan(700),
      disbursedFen: wan(300),
      clawedBackFen: wan(300),
      refundedFen: wan(40),
    });
    expect(await readFundingYear(harness.readStore, UNITS.liaoningMengzhu.creditCode, 2025)).toMatchObject({
      subsidies: 1,
      grantedFen: wan(1000),
      cancelledFen: wan(700),
    });
    expect(
      (await boundary(`funding-${UNITS.liaoningMengzhu.creditCode}-2025`))?.commitments.find(
        (c) => c.subsidyId === 'S-1',
      ),
    ).toMatchObject({
      grantedFen: wan(1000),
      releasedFen: wan(700),
    });
    expect(await moneyByPolicyAndYear(harness.readStore)).toEqual([
      {
        policy: 'liaoning-2021-alliance',
        fiscalYear: 2025,
        granted: '10000000.00',
        cancelled: '7000000.00',
        disbursed: '3000000.00',
        clawedBack: '3000000.00',
        refunded: '400000.00',
      },
    ]);
    expect((await reconciliationReport(harness.readStore, { fiscalYear: 2025 })).totals).toMatchObject({
      subsidies: 1,
      undisbursed: '0.00',
      receivable: '2600000.00',
    });
  });

  it('ignore events of streams that are not theirs', async () => {
    const [granted, committed] = recorded([grant('S-2', 'liaoning.talent', wan(100))]);
    await harness.apply([
      recordedEvent('consortium-x', granted, 1), // a subsidy event type on a consortium stream
      recordedEvent('consortium-funding-x', committed, 2), // a boundary event whose boundary is another stream
      recordedEvent('subsidy-S-2', { type: 'ConsortiumFiled', data: { subsidyId: 'S-2' } }, 3),
    ]);
    expect(await harness.readStore.countDocuments(SUBSIDIES.name)).toBe(0);
    expect(await harness.readStore.countDocuments(FUNDING_BOUNDARIES.name)).toBe(0);
    expect(await harness.readStore.counters('money')).toEqual([]);
    expect(await harness.readStore.counters('funding-year')).toEqual([]);
  });

  it('a reset empties documents and counters (a rebuild starts from nothing)', async () => {
    await harness.apply(onTheirStreams(recorded([grant('S-3', 'luzhou.platform', wan(80), { platformId: 'PF-1' })])));
    expect(await moneyByPolicyAndYear(harness.readStore)).toHaveLength(1);
    await harness.readStore.transaction(async (tx) => {
      await tx.reset(SUBSIDIES);
      await tx.reset(FUNDING_BOUNDARIES);
    });
    expect((await reconciliationReport(harness.readStore, {})).subsidies).toEqual([]);
    expect(await moneyByPolicyAndYear(harness.readStore)).toEqual([]);
  });

  // INTERPRETATIONS.md, Statement matching and jurisdictions: a lead change moves the consortium and its subsidies.
  describe('a lead change moves its consortium’s subsidies to the new lead’s region', () => {
    const SHENYANG: Jurisdiction = { policies: [], regions: ['2101'] };
    const DALIAN: Jurisdiction = { policies: [], regions: ['2102'] };
    const leadChange = (previousLead: Unit, newLead: Unit, on: string) => ({
      type: 'LeadChanged',
      data: {
        consortiumId: 'C-LN-1',
        on,
        previousLead,
        newLead,
        leadChecks: [],
        eligibility: [],
        rule: 'liaoning.mengzhu',
        citation: '组建基本条件 一',
      },
    });
    const idsIn = async (jurisdiction: Jurisdiction) =>
      (await readSubsidies(harness.readStore, { jurisdiction }, { limit: 100, offset: 0 })).subsidies
        .map((record) => record.state.subsidyId)
        .sort();
    const divisionOf = async (id: string) => subsidyKeys((await readSubsidy(harness.readStore, id))!).division;
    const positionOf = async (id: string) => (await harness.readStore.getDocument(SUBSIDIES.name, id))!.position;
    const money = (jurisdiction: Jurisdiction) => readPolicyYearMoney(harness.readStore, { jurisdiction });

    it('moves them (their division, their money by division, every read), leaves them where the region stays, and a rebuild says the same', async () => {
      const { liaoningMengzhu: shenyang, liaoningUniversity: alsoShenyang, liaoningMember: dalian } = UNITS;
      const decided = recorded([
        grant('S-1', 'liaoning.talent', wan(1000)),
        grant('S-2', 'liaoning.talent', wan(100), { fiscalYear: 2026, grantedOn: '2026-01-10' }),
        grant('S-LZ', 'luzhou.platform', wan(80), { platformId: 'PF-1' }),
        disburse('S-1', wan(300), '2026-03-10'),
      ]);
      const payment = decided.findIndex((event) => event.type === 'SubsidyDisbursed');
      const granted = onTheirStreams(decided.slice(0, payment));
      const next = granted.length + 1;
      const [sameRegion, moved, ...paid] = [
        recordedEvent('consortium-C-LN-1', leadChange(shenyang, alsoShenyang, '2026-02-01'), next),
        recordedEvent('consortium-C-LN-1', leadChange(alsoShenyang, dalian, '2026-03-01'), next + 1),
        ...onTheirStreams(decided.slice(payment), next + 2),
      ];
      const log = await harness.record([...granted, sameRegion, moved, ...paid]);
      const batches = [log.slice(0, granted.length), log.slice(granted.length, next), log.slice(next)];

      await harness.apply(batches[0]);
      expect(await idsIn(SHENYANG)).toEqual(['S-1', 'S-2']);
      const grantedAt = await positionOf('S-2');
      // A lead change within the region changes none of them: not even their position.
      await harness.apply(batches[1]);
      expect(await idsIn(SHENYANG)).toEqual(['S-1', 'S-2']);
      expect(await positionOf('S-2')).toBe(grantedAt);

      // To Dalian (read from the store, as a later batch finds them): both subsidies, with their money.
      await harness.apply(batches[2]);
      expect([await divisionOf('S-1'), await divisionOf('S-2'), await divisionOf('S-LZ')]).toEqual([
        '210200',
        '210200',
        '510502',
      ]);
      expect(await positionOf('S-2')).toBe(next + 1);
      expect(await idsIn(DALIAN)).toEqual(['S-1', 'S-2']);
      expect(await idsIn(SHENYANG)).toEqual([]);
      expect(await harness.readStore.countDocuments(SUBSIDIES.name, { division: '210100' })).toBe(0);
      expect(await money(SHENYANG)).toEqual([]);
      expect(await money(DALIAN)).toEqual([
        expect.objectContaining({ fiscalYear: 2025, subsidies: 1, grantedFen: wan(1000), disbursedFen: wan(300) }),
        expect.objectContaining({ fiscalYear: 2026, subsidies: 1, grantedFen: wan(100) }),
      ]);
      expect((await harness.readStore.counters('money-by-division')).map(({ key }) => key).sort()).toEqual([
        ['liaoning-2021-alliance', 2025, '210200'],
        ['liaoning-2021-alliance', 2026, '210200'],
        ['luzhou-2024-consortium', 2025, '510502'],
      ]);

      const documents = await harness.readStore.findDocuments(SUBSIDIES.name, { limit: 100 });
      const counters = await harness.readStore.counters('money-by-division');
      expect(await harness.engine.rebuild()).toBe(log.length);
      expect(await harness.readStore.findDocuments(SUBSIDIES.name, { limit: 100 })).toEqual(documents);
      expect(await harness.readStore.counters('money-by-division')).toEqual(counters);
    });
  });
});
