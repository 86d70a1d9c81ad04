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
import { readFundingYear, readSubsidy, SUBSIDIES } from './subsidies.projection';
import { openProjectionHarness, ProjectionHarness, recordedEvent } from '../../../../test/support/projector-harness';
import { SubsidyLedgerEvent } from '@ledger/domain/subsidy/subsidy.events';
import { streamIdOf } from '@ledger/domain/subsidy/subsidy.routing';

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
});
