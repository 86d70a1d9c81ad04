import { wan } from '../../shared/money';
import { deciderSpec } from '../../testing/decider-spec';
import { subsidyDecider } from '../../subsidy/subsidy.decider';
import { cancel, grant, luzhouConsortium, recorded, UNITS } from '../../subsidy/subsidy.fixtures';
import { FIXTURE_TODAY } from '../../subsidy/subsidy.fixtures';

const { given } = deciderSpec(subsidyDecider, () => ({ today: FIXTURE_TODAY, consortium: luzhouConsortium() }));
const lead = UNITS.luzhouLead.creditCode;
const member = UNITS.luzhouMember.creditCode;
const platformGrant = (id: string, amountFen: number, platformId = 'PF-1', extra = {}) =>
  grant(id, 'luzhou.platform', amountFen, { platformId, ...extra });
const transformationGrant = (id: string, amountFen: number, projectId = 'TP-1', extra = {}) =>
  grant(id, 'luzhou.transformation', amountFen, { projectId, ...extra });
const committedTo = (...boundaries: string[]) =>
  boundaries.map((boundary) => ({ type: 'FundingCommitted', data: { boundary } }));

describe('luzhou.platform-cap — 第四条(三)', () => {
  it('grants a post-subsidy of 100万 to a new pilot platform', () => {
    given([])
      .when(platformGrant('S-1', wan(100)))
      .thenMatches([
        {
          type: 'SubsidyGranted',
          data: {
            rule: 'luzhou.platform-cap',
            citation: '第四条(三)',
            platformId: 'PF-1',
            caps: [
              {
                rule: 'luzhou.platform-cap',
                scope: 'platform-PF-1',
                limitFen: wan(100),
                usedBeforeFen: 0,
                headroomAfterFen: 0,
              },
            ],
          },
        },
        ...committedTo(`funding-${lead}-2025`, 'platform-PF-1'),
      ]);
  });

  it('counts every grant to the platform: 60万 granted, 50万 more refused with headroom 40万', () => {
    given(recorded([platformGrant('S-1', wan(60))]))
      .when(platformGrant('S-2', wan(50), 'PF-1', { recipient: member }))
      .thenRejects({
        code: 'cap-exceeded',
        rule: 'luzhou.platform-cap',
        citation: '第四条(三)',
        cap: { limit: wan(100), used: wan(60), requested: wan(50), headroom: wan(40) },
      });
  });

  it('another platform has its own cap', () => {
    given(recorded([platformGrant('S-1', wan(100))]))
      .when(platformGrant('S-2', wan(100), 'PF-2'))
      .thenMatches([{ type: 'SubsidyGranted' }, ...committedTo(`funding-${lead}-2025`, 'platform-PF-2')]);
  });

  it('a cancellation releases the platform headroom', () => {
    given(recorded([platformGrant('S-1', wan(100)), cancel('S-1', wan(30))]))
      .when(platformGrant('S-2', wan(30)))
      .thenMatches([{ type: 'SubsidyGranted' }, ...committedTo(`funding-${lead}-2025`, 'platform-PF-1')]);
  });

  it('needs the platform', () => {
    given([])
      .when(grant('S-1', 'luzhou.platform', wan(50)))
      .thenRejects({ code: 'invalid-input', rule: 'ledger.grant-fields' });
  });
});

describe('luzhou.transformation-cap — 第四条(四)', () => {
  it('grants up to 500万 to one transformation project over several grants', () => {
    given(recorded([transformationGrant('S-1', wan(300))]))
      .when(transformationGrant('S-2', wan(200)))
      .thenMatches([
        {
          type: 'SubsidyGranted',
          data: {
            rule: 'luzhou.transformation-cap',
            citation: '第四条(四)',
            caps: [
              {
                rule: 'luzhou.transformation-cap',
                scope: 'project-TP-1',
                limitFen: wan(500),
                usedBeforeFen: wan(300),
                headroomAfterFen: 0,
              },
            ],
          },
        },
        ...committedTo(`funding-${lead}-2025`, 'project-TP-1'),
      ]);
  });

  it('refuses one yuan beyond 500万 for the project', () => {
    given(recorded([transformationGrant('S-1', wan(500))]))
      .when(transformationGrant('S-2', 100))
      .thenRejects({
        code: 'cap-exceeded',
        rule: 'luzhou.transformation-cap',
        cap: { limit: wan(500), used: wan(500), requested: 100, headroom: 0 },
      });
  });

  it('refuses 600万 in one grant', () => {
    given([])
      .when(transformationGrant('S-1', wan(600)))
      .thenRejects({
        code: 'cap-exceeded',
        rule: 'luzhou.transformation-cap',
        cap: { limit: wan(500), used: 0, requested: wan(600), headroom: wan(500) },
      });
  });

  it('needs the project', () => {
    given([])
      .when(grant('S-1', 'luzhou.transformation', wan(50)))
      .thenRejects({ code: 'invalid-input', rule: 'ledger.grant-fields' });
  });
});
