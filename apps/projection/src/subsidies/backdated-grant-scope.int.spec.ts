import { wan } from '@ledger/domain/shared/money';
import { activeConsortium, FIXTURE_TODAY, grant, UNITS } from '@ledger/domain/subsidy/subsidy.fixtures';
import { subsidyDecider } from '@ledger/domain/subsidy/subsidy.decider';
import { SubsidyLedgerEvent } from '@ledger/domain/subsidy/subsidy.events';
import { streamIdOf } from '@ledger/domain/subsidy/subsidy.routing';
import { consortiumKeys, Jurisdiction } from '@ledger/platform';
import { readSubsidies, readSubsidy, SUBSIDIES, subsidyKeys } from './subsidies.projection';
import { openProjectionHarness, ProjectionHarness, recordedEvent } from '../../../../test/support/projector-harness';

/** Found by a review: the read side put such a grant in the former lead's region, the command side in the new one's. */
describe('a grant recorded after a lead change, dated before it', () => {
  let harness: ProjectionHarness;
  beforeEach(async () => {
    harness = await openProjectionHarness([SUBSIDIES]);
  });
  afterEach(() => harness.close());

  it('is where its consortium is now (the new lead’s region), as the command side scopes it', async () => {
    const { liaoningMengzhu: shenyang, liaoningMember: dalian, liaoningUniversity: university } = UNITS;
    // The consortium after its lead (Shenyang) handed over to the member (Dalian) on 2025-05-01.
    const consortium = activeConsortium('liaoning-2021-alliance', {
      lead: dalian,
      members: [university, shenyang],
      lastOn: '2025-05-01',
      formerCompositions: [{ from: '2024-03-01', until: '2025-05-01', lead: shenyang, members: [university, dalian] }],
    });
    // A grant to the university dated before the change, decided by the domain now.
    const decided = subsidyDecider.decide(
      grant('S-1', 'liaoning.talent', wan(100), { recipient: university.creditCode, grantedOn: '2025-04-02' }),
      subsidyDecider.initialState(),
      { today: FIXTURE_TODAY, consortium },
    ) as SubsidyLedgerEvent[];
    expect(Array.isArray(decided)).toBe(true);
    const leadChange = recordedEvent(
      'consortium-C-LN-1',
      {
        type: 'LeadChanged',
        data: {
          consortiumId: 'C-LN-1',
          on: '2025-05-01',
          previousLead: shenyang,
          newLead: dalian,
          leadChecks: [],
          eligibility: [],
          rule: 'liaoning.mengzhu',
          citation: '组建基本条件 一',
        },
      },
      1,
    );
    const log = await harness.record([
      leadChange,
      ...decided.map((e, i) => recordedEvent(streamIdOf(e), e, 2 + i, { actor: 'finance.wang' })),
    ]);
    await harness.apply(log);

    // The command side (subsidy-command.handler.ts) scopes the subsidy by its consortium's lead now: Dalian.
    const commandSide = consortiumKeys('liaoning-2021-alliance', consortium.lead.creditCode);
    const readSide = subsidyKeys((await readSubsidy(harness.readStore, 'S-1'))!);
    const DALIAN: Jurisdiction = { policies: [], regions: ['2102'] };
    const ids = (
      await readSubsidies(harness.readStore, { jurisdiction: DALIAN }, { limit: 10, offset: 0 })
    ).subsidies.map((r) => r.state.subsidyId);
    expect({ readSide: readSide.division, ids }).toEqual({ readSide: commandSide.division, ids: ['S-1'] });
  });
});
