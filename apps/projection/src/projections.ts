import { Projection } from '@ledger/platform';
import { CONSORTIA } from './consortia/consortia.projection';
import { LEAD_REGISTRIES } from './consortia/lead-registries.projection';
import { FUNDING_BOUNDARIES } from './funding/funding-boundaries.projection';
import { SUBSIDIES } from './subsidies/subsidies.projection';
import { ZONES } from './zones/zones.projection';
import { REGIONAL_AVERAGES } from './zones/regional-averages.projection';

/** Every read model, in the order they are applied. */
export const PROJECTIONS: ReadonlyArray<Projection> = [
  CONSORTIA,
  LEAD_REGISTRIES,
  ZONES,
  REGIONAL_AVERAGES,
  SUBSIDIES,
  FUNDING_BOUNDARIES,
];
