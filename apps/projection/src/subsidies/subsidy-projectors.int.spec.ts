import type Database from 'better-sqlite3';
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
import { Projector } from '@ledger/platform';
import { readBoundary, readFundingYear } from '../funding/funding.projector';
import { reconciliationReport } from '../reconciliation/reconciliation.report';
import { moneyByPolicyAndYear } from './subsidies-dashboard';
import { readSubsidyRow } from './subsidies.projector';
import { SUBSIDY_PROJECTORS } from './subsidy-projectors';
import { openTempReadStore, recordedEvent } from '../../../../test/support/projector-harness';
import { SubsidyLedgerEvent } from '@ledger/domain/subsidy/subsidy.events';
import { streamIdOf } from '@ledger/domain/subsidy/subsidy.routing';

/** Hands events decided with the domain's fixtures to the projectors, in order, each on its own stream, as the engine would. */
function project(db: Database.Database, events: SubsidyLedgerEvent[], projectors: Projector[]): void {
  events.forEach((event, i) => {
    for (const projector of projectors)
      projector.apply(recordedEvent(streamIdOf(event), event, i + 1, { actor: 'finance.wang' }), db);
  });
}

describe('the subsidy projectors', () => {
  let store: ReturnType<typeof openTempReadStore>;
  let db: Database.Database;
  let projectors: Projector[];
  beforeEach(() => {
    store = openTempReadStore();
    db = store.db;
    projectors = SUBSIDY_PROJECTORS.map((P) => new P());
    for (const p of projectors) p.setup(db);
  });
  afterEach(() => store.close());

  it('fold a subsidy through grant, tranches, cancellation, clawback, refund and termination', () => {
    const events = recorded([
      grant('S-1', 'liaoning.talent', wan(1000)),
      disburse('S-1', wan(300)),
      cancel('S-1', wan(200)),
      clawBack('S-1', wan(100)),
      refund('S-1', wan(40)),
      terminate('S-1'),
    ]);
    project(db, events, projectors);
    expect(readSubsidyRow(db, 'S-1')?.state).toMatchObject({
      status: 'terminated',
      grantedFen: wan(1000),
      cancelledFen: wan(700),
      disbursedFen: wan(300),
      clawedBackFen: wan(300),
      refundedFen: wan(40),
    });
    expect(readFundingYear(db, UNITS.liaoningMengzhu.creditCode, 2025)).toMatchObject({
      subsidies: 1,
      grantedFen: wan(1000),
      cancelledFen: wan(700),
    });
    expect(readBoundary(db, `funding-${UNITS.liaoningMengzhu.creditCode}-2025`).commitments['S-1']).toMatchObject({
      grantedFen: wan(1000),
      releasedFen: wan(700),
    });
    expect(moneyByPolicyAndYear(db)).toEqual([
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
    expect(reconciliationReport(db, { fiscalYear: 2025 }).totals).toMatchObject({
      subsidies: 1,
      undisbursed: '0.00',
      receivable: '2600000.00',
    });
  });

  it('ignore events of streams that are not theirs', () => {
    const [granted, committed] = recorded([grant('S-2', 'liaoning.talent', wan(100))]);
    for (const p of projectors) {
      p.apply(recordedEvent('consortium-x', granted, 1), db); // a subsidy event type on a consortium stream
      p.apply(recordedEvent('consortium-funding-x', committed, 2), db); // a boundary event whose boundary is another stream
      p.apply(recordedEvent('subsidy-S-2', { type: 'ConsortiumFiled', data: { subsidyId: 'S-2' } }, 3), db);
    }
    for (const table of ['subsidies', 'subsidy_money', 'funding_years', 'funding_boundaries']) {
      expect([table, db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get()]).toEqual([table, { n: 0 }]);
    }
  });

  it('drop and set up again to empty tables (a rebuild starts from nothing)', () => {
    project(db, recorded([grant('S-3', 'luzhou.platform', wan(80), { platformId: 'PF-1' })]), projectors);
    for (const p of projectors) (p.drop(db), p.setup(db));
    expect(reconciliationReport(db, {}).subsidies).toEqual([]);
    expect(moneyByPolicyAndYear(db)).toEqual([]);
  });
});
