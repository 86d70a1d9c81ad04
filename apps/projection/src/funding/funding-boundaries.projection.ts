import { FundingBoundaryState, initialBoundaryState } from '@ledger/domain/policies/funding/funding-boundary';
import { FundingBoundaryEvent } from '@ledger/domain/subsidy/subsidy.events';
import { evolveBoundary } from '@ledger/domain/subsidy/subsidy.state';
import { documentProjection, domainEventOf } from '@ledger/platform';

const BOUNDARY_EVENTS: ReadonlySet<string> = new Set(['FundingCommitted', 'FundingReleased']);

/**
 * Every funding boundary stream (a recipient's year, a project, a platform, an alliance's once-only grants) folded with
 * the domain's own `evolveBoundary`, the same fold the command handler decides caps on: the funding view evaluates the
 * caps "now" from these (see funding-caps.ts).
 */
export const FUNDING_BOUNDARIES = documentProjection<FundingBoundaryState>({
  name: 'funding-boundaries',
  // 2: commitments are a list (were an object keyed by subsidy id).
  version: 2,
  columns: {},
  documentOf: (event) =>
    BOUNDARY_EVENTS.has(event.type) && (event.data as { boundary?: unknown }).boundary === event.streamId
      ? event.streamId
      : undefined,
  initialState: () => initialBoundaryState(),
  evolve: (state, event) => evolveBoundary(state, domainEventOf<FundingBoundaryEvent>(event)),
  exists: () => true,
  columnsOf: () => ({}),
});
