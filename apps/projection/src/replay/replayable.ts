import { consortiumDecider } from '@ledger/domain/consortium/consortium.decider';
import { CONSORTIUM_EVENT_TYPES, ConsortiumEvent } from '@ledger/domain/consortium/consortium.events';
import { consortiumStreamId } from '@ledger/domain/consortium/consortium.streams';
import { ConsortiumState } from '@ledger/domain/consortium/consortium.state';
import { streamKindOf } from '@ledger/domain/ledger-streams';
import { isSubsidyEvent } from '@ledger/domain/subsidy/subsidy.events';
import { subsidyStreamId } from '@ledger/domain/subsidy/subsidy.streams';
import { zoneDecider } from '@ledger/domain/zone/zone.decider';
import { ZONE_EVENT_TYPES, ZoneEvent } from '@ledger/domain/zone/zone.events';
import { zoneStreamId } from '@ledger/domain/zone/zone.streams';
import { ZoneState } from '@ledger/domain/zone/zone.state';
import { RecordedEvent } from '@ledger/event-store';
import { domainEventOf } from '@ledger/platform';
import { consortiumView } from '@ledger/presentation/consortium.view';
import { withYuan } from '@ledger/presentation/money.view';
import { eventDataWithWords } from '@ledger/presentation/subsidy.view';
import { zoneView } from '@ledger/presentation/zone.view';
import { evolveSubsidyRecord, initialSubsidyRecord, SubsidyRecord } from '../subsidies/subsidies.projection';
import { subsidyDetailView } from '../subsidies/subsidy-detail.view';
import { zoneEventDataView } from '../zones/zone-history.view';

/**
 * An entity whose life can be stepped through: its stream, the domain's own fold of its events (the one its read model
 * and its decisions use), and how the query API shows its state and its events' data. Replay, diff, as-of and the
 * CLI's `replay` read these, so a step shows the entity exactly as `GET /v1/{collection}/{id}` shows it.
 */
export interface Replayable<State = unknown> {
  /** The URL's collection: `/v1/{collection}/{id}`. */
  collection: 'consortia' | 'subsidies' | 'zones';
  noun: 'consortium' | 'subsidy' | 'zone';
  streamIdOf(id: string): string;
  /** The stream's events that are the entity's (what its read model folds). */
  isOwn(event: RecordedEvent): boolean;
  initialState(id: string): State;
  evolve(state: State, event: RecordedEvent): State;
  /** The state as the query API shows it (money in yuan, clauses in words). */
  view(state: State): object;
  /** An event's data as its history shows it. */
  dataView(type: string, data: unknown): unknown;
}

const CONSORTIUM_EVENTS: ReadonlySet<string> = new Set(CONSORTIUM_EVENT_TYPES);
const ZONE_EVENTS: ReadonlySet<string> = new Set(ZONE_EVENT_TYPES);

export const CONSORTIUM_REPLAY: Replayable<ConsortiumState> = {
  collection: 'consortia',
  noun: 'consortium',
  streamIdOf: consortiumStreamId,
  isOwn: (event) => CONSORTIUM_EVENTS.has(event.type),
  initialState: () => consortiumDecider.initialState(),
  evolve: (state, event) => consortiumDecider.evolve(state, domainEventOf<ConsortiumEvent>(event)),
  view: consortiumView,
  dataView: (_type, data) => withYuan(data),
};

export const SUBSIDY_REPLAY: Replayable<SubsidyRecord> = {
  collection: 'subsidies',
  noun: 'subsidy',
  streamIdOf: subsidyStreamId,
  isOwn: isSubsidyEvent,
  initialState: initialSubsidyRecord,
  evolve: evolveSubsidyRecord,
  view: subsidyDetailView,
  // A grant's checks and caps with their clauses and interpretations, from the catalogue (funding-texts.ts).
  dataView: (type, data) => withYuan(eventDataWithWords(type, data)),
};

export const ZONE_REPLAY: Replayable<ZoneState> = {
  collection: 'zones',
  noun: 'zone',
  streamIdOf: zoneStreamId,
  isOwn: (event) => ZONE_EVENTS.has(event.type),
  initialState: () => zoneDecider.initialState(),
  evolve: (state, event) => zoneDecider.evolve(state, domainEventOf<ZoneEvent>(event)),
  view: zoneView,
  dataView: zoneEventDataView,
};

const BY_STREAM_KIND: Readonly<Record<string, Replayable>> = {
  consortium: CONSORTIUM_REPLAY,
  subsidy: SUBSIDY_REPLAY,
  zone: ZONE_REPLAY,
};

/** `consortium-<id>` → the consortium replay and its id; undefined for streams that are no entity's (boundaries …). */
export function replayableStream(streamId: string): { replayable: Replayable; id: string } | undefined {
  const parsed = streamKindOf(streamId);
  const replayable = parsed && BY_STREAM_KIND[parsed.kind];
  return replayable && parsed ? { replayable, id: parsed.id } : undefined;
}
