/**
 * The change feed's kinds of entity: which read model each is, how its state is shown (as the API shows it, money
 * in yuan strings) and what it is scoped by (jurisdiction.ts, from its read model: the keys the reads filter on). The same entries go to the compacted topics (LEDGER_BUS=kafka) and to the dashboard's stream. A
 * topic's `v1` is as in `/v1`: a change of shape is a new topic, so that a subscriber reads one shape per topic.
 */
import { ConsortiumState } from '@ledger/domain/consortium/consortium.state';
import { ZoneState } from '@ledger/domain/zone/zone.state';
import { ChangeFeedKind, ChangeFeedTopics, consortiumKeys } from '@ledger/platform';
import { consortiumView } from '@ledger/presentation/consortium.view';
import { withYuan } from '@ledger/presentation/money.view';
import { subsidyView } from '@ledger/presentation/subsidy.view';
import { zoneView } from '@ledger/presentation/zone.view';
import { CONSORTIA } from '../consortia/consortia.projection';
import { FUNDING_BOUNDARIES } from '../funding/funding-boundaries.projection';
import { SubsidyRecord, SUBSIDIES, subsidyKeys } from '../subsidies/subsidies.projection';
import { ZONES } from '../zones/zones.projection';

export const CHANGE_FEED_KINDS: ReadonlyArray<ChangeFeedKind> = [
  {
    kind: 'consortium',
    projection: CONSORTIA.name,
    view: (state) => consortiumView(state as ConsortiumState),
    scope: (state) => {
      const { policy, lead } = state as ConsortiumState;
      return consortiumKeys(policy, lead.creditCode);
    },
  },
  {
    kind: 'subsidy',
    projection: SUBSIDIES.name,
    view: (state) => {
      const { state: subsidy, movements } = state as SubsidyRecord;
      return { ...subsidyView(subsidy), movements: movements.map(withYuan) };
    },
    // Its consortium's region now: a lead change moves it (and announces it) with its consortium.
    scope: (state) => subsidyKeys(state as SubsidyRecord),
  },
  // A funding boundary (a recipient's year, a project, a platform, an alliance's once-only grants): its commitments.
  // It may count grants of several consortia: no scope, so only users without a jurisdiction hear it.
  { kind: 'funding', projection: FUNDING_BOUNDARIES.name, view: (state) => withYuan(state) },
  {
    kind: 'zone',
    projection: ZONES.name,
    view: (state) => zoneView(state as ZoneState),
    scope: (state) => ({ policy: (state as ZoneState).policy }),
  },
];

/** kind → compacted topic (key = entity id). Settings an operator creates them with: deploy/README.md. */
export const CHANGE_FEED_TOPICS: ChangeFeedTopics = {
  consortium: 'ledger.consortia.v1',
  subsidy: 'ledger.subsidies.v1',
  funding: 'ledger.funding.v1',
  zone: 'ledger.zones.v1',
};
