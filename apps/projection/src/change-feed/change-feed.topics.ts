/**
 * What other departments receive (LEDGER_BUS=kafka): each read model of an entity, changed, on a compacted topic keyed
 * by the entity's id, shown as the API shows it (money in yuan strings). `v1` as in `/v1`: a change of shape is a new
 * topic, so that a subscriber reads one shape per topic.
 */
import { ConsortiumState } from '@ledger/domain/consortium/consortium.state';
import { ZoneState } from '@ledger/domain/zone/zone.state';
import { ChangeFeedTopic } from '@ledger/platform';
import { consortiumView } from '@ledger/presentation/consortium.view';
import { withYuan } from '@ledger/presentation/money.view';
import { subsidyView } from '@ledger/presentation/subsidy.view';
import { zoneView } from '@ledger/presentation/zone.view';
import { CONSORTIA } from '../consortia/consortia.projection';
import { FUNDING_BOUNDARIES } from '../funding/funding-boundaries.projection';
import { SubsidyRecord, SUBSIDIES } from '../subsidies/subsidies.projection';
import { ZONES } from '../zones/zones.projection';

export const CHANGE_FEED_TOPICS: ReadonlyArray<ChangeFeedTopic> = [
  {
    projection: CONSORTIA.name,
    kind: 'consortium',
    topic: 'ledger.consortia.v1',
    view: (state) => consortiumView(state as ConsortiumState),
  },
  {
    projection: SUBSIDIES.name,
    kind: 'subsidy',
    topic: 'ledger.subsidies.v1',
    view: (state) => {
      const { state: subsidy, movements } = state as SubsidyRecord;
      return { ...subsidyView(subsidy), movements: movements.map(withYuan) };
    },
  },
  {
    // A funding boundary (a recipient's year, a project, a platform, an alliance's once-only grants): its commitments.
    projection: FUNDING_BOUNDARIES.name,
    kind: 'funding-boundary',
    topic: 'ledger.funding.v1',
    view: (state) => withYuan(state),
  },
  { projection: ZONES.name, kind: 'zone', topic: 'ledger.zones.v1', view: (state) => zoneView(state as ZoneState) },
];
