/**
 * The registry of leads as today's rules keep it, for consortia recorded before they did: liaoning's 盟主 status
 * (`liaoning.mengzhu-status`, catalogue 2026-12-01) is claimed at approval, so an alliance approved by an earlier
 * version holds no claim, and its 盟主 would escape the annual cap when it receives as a member elsewhere. This claims,
 * for every consortium that has not ended, what the registry is missing — through the lead-registry decider, appended
 * with a check of the consortium's stream at the revision read (a concurrent change makes it fail and be run again).
 * Running it again claims nothing more.
 */
import { consortiumDecider } from '@ledger/domain/consortium/consortium.decider';
import { ConsortiumEvent } from '@ledger/domain/consortium/consortium.events';
import { leadRegistryRequests } from '@ledger/domain/consortium/consortium.lead-claims';
import { ConsortiumState, ENDED_STATUSES } from '@ledger/domain/consortium/consortium.state';
import { leadRegistryDecider } from '@ledger/domain/lead-registry/lead-registry.decider';
import { LeadRegistryEvent } from '@ledger/domain/lead-registry/lead-registry.events';
import { LeadRegistryState } from '@ledger/domain/lead-registry/lead-registry.state';
import { streamKindOf } from '@ledger/domain/ledger-streams';
import { isRejection } from '@ledger/domain/shared/decision';
import { EventStore, expectedRevisionOf } from '@ledger/event-store';
import { CommandMetadata, foldStream, toEventsToAppend } from '@ledger/platform';

export interface LeadClaimBackfilled {
  consortiumId: string;
  registry: string;
  position: number;
}

const PAGE = 5_000;

export async function backfillLeadRegistries(store: EventStore, meta: CommandMetadata): Promise<LeadClaimBackfilled[]> {
  const claimed: LeadClaimBackfilled[] = [];
  for (const streamId of await consortiumStreams(store)) {
    const consortium = await foldStream<ConsortiumState, ConsortiumEvent>(
      store,
      streamId,
      consortiumDecider.evolve,
      consortiumDecider.initialState(),
    );
    if (!consortium.state.exists || ENDED_STATUSES.includes(consortium.state.status)) continue;
    for (const request of leadRegistryRequests(consortiumDecider.initialState(), consortium.state)) {
      if (request.command.type !== 'ClaimLead') continue;
      const registry = await foldStream<LeadRegistryState, LeadRegistryEvent>(
        store,
        request.streamId,
        leadRegistryDecider.evolve,
        leadRegistryDecider.initialState(),
      );
      if (registry.state.claims.some((claim) => claim.consortiumId === consortium.state.id)) continue;
      const events = leadRegistryDecider.decide(request.command, registry.state, request.context);
      if (isRejection(events) || events.length === 0) continue;
      const result = await store.appendToStreams([
        { streamId, expectedRevision: consortium.revision, events: [] },
        {
          streamId: request.streamId,
          expectedRevision: expectedRevisionOf(registry.revision),
          events: toEventsToAppend(events, meta, request.streamId),
        },
      ]);
      claimed.push({ consortiumId: consortium.state.id, registry: request.streamId, position: result.lastPosition });
    }
  }
  return claimed;
}

/** Every consortium stream in the log, in the order they were first written. */
async function consortiumStreams(store: EventStore): Promise<string[]> {
  const streams = new Set<string>();
  for (let after = 0; ;) {
    const page = await store.readAll({ after, maxCount: PAGE });
    if (page.length === 0) return [...streams];
    for (const event of page) if (streamKindOf(event.streamId)?.kind === 'consortium') streams.add(event.streamId);
    after = page[page.length - 1].position;
  }
}
