import { Type } from '@nestjs/common';
import { Projector } from '@ledger/platform';
import { AuditTrailProjector } from './audit/audit-trail.projector';
import { ConsortiumStatusProjector } from './consortia/consortium-status.projector';
import { SUBSIDY_PROJECTORS } from './subsidies/subsidy-projectors';
import { ZoneStatusProjector } from './zones/zone-status.projector';

/** Every read model, in the order they are applied. Projectors take no constructor arguments (the CLI builds them). */
export const PROJECTORS: Array<Type<Projector> & (new () => Projector)> = [
  ConsortiumStatusProjector,
  ZoneStatusProjector,
  ...SUBSIDY_PROJECTORS,
  AuditTrailProjector,
];
