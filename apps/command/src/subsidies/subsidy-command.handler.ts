import { recordCalled } from '@ledger/platform';
import { leadRegistryDecider } from '@ledger/domain/lead-registry/lead-registry.decider';
import { LeadRegistryEvent } from '@ledger/domain/lead-registry/lead-registry.events';
import { LeadRegistryState } from '@ledger/domain/lead-registry/lead-registry.state';
import { recipientRegistryStream } from '@ledger/domain/subsidy/subsidy.routing';
import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { isRejection } from '@ledger/domain/shared/decision';
import { AppendRequest, EventStore, expectedRevisionOf, StreamRevision } from '@ledger/event-store';
import {
  assertCovers,
  CommandMetadata,
  CommandRunner,
  consortiumKeys,
  foldStream,
  LEDGER_CONFIG,
  LedgerConfig,
  RejectionException,
  recordedMetadata,
  toEventsToAppend,
} from '@ledger/platform';
import { DualControlSetting } from '@ledger/domain/subsidy/subsidy.context';
import { SubsidyAnswer, subsidyAnswer } from './subsidy-answer';
import { SubsidyCommandMessage } from './subsidy-command.message';
import { inApiTerms } from './subsidy-rejection';
import { consortiumDecider } from '@ledger/domain/consortium/consortium.decider';
import { consortiumStreamId } from '@ledger/domain/consortium/consortium.streams';
import { ConsortiumEvent } from '@ledger/domain/consortium/consortium.events';
import { ConsortiumState } from '@ledger/domain/consortium/consortium.state';
import { subsidyDecider } from '@ledger/domain/subsidy/subsidy.decider';
import { SubsidyCommand } from '@ledger/domain/subsidy/subsidy.commands';
import { SubsidyLedgerEvent } from '@ledger/domain/subsidy/subsidy.events';
import {
  joinStates,
  SubsidyLedgerState,
  SubsidyState,
  subsidyAfter,
  subsidyIn,
} from '@ledger/domain/subsidy/subsidy.state';
import {
  eventsByStream,
  fundingStreamsFor,
  streamsWrittenBy,
  writtenAmong,
} from '@ledger/domain/subsidy/subsidy.routing';
import { subsidyStreamId } from '@ledger/domain/subsidy/subsidy.streams';

type Attempt = { answer: SubsidyAnswer } | { relock: string[] };

/** How often a command may find that its subsidy names streams it did not lock (only a grant racing it can cause it). */
const MAX_RELOCKS = 3;

/**
 * Every subsidy command. The streams it reads are its consistency boundary (`fundingStreamsFor`): the subsidy's own,
 * the funding boundaries its caps are counted on, the integrity records of the units concerned, and for a grant the
 * consortium's stream and the recipient's registry of leads. It locks in-process the ones it may write (so grants
 * against one cap queue instead of conflicting), folds them all, decides, and appends every event together with a
 * check of every stream it read, at the revision it read, in one atomic request. A write in between to a stream it
 * only read (here or in another process) fails that check and the runner decides again.
 */
@CommandHandler(SubsidyCommandMessage)
export class SubsidyCommandHandler implements ICommandHandler<SubsidyCommandMessage> {
  private readonly dualControl: DualControlSetting | undefined;

  constructor(
    private readonly runner: CommandRunner,
    @Inject(LEDGER_CONFIG) config: LedgerConfig,
  ) {
    this.dualControl = config.dualControl;
  }

  async execute({ command, meta }: SubsidyCommandMessage): Promise<SubsidyAnswer> {
    // A grant's streams follow from the command alone: named once, for its locks and for its folds.
    const grantStreams =
      command.type === 'GrantSubsidy' ? fundingStreamsFor(command, undefined, this.dualControl) : undefined;
    let lockKeys = grantStreams ? writtenAmong(command, grantStreams) : await this.streamsToLock(command);
    for (let relocks = 0; ; relocks++) {
      const attempt = await this.runner.run(lockKeys, (store) =>
        this.decideAndAppend(store, command, meta, lockKeys, grantStreams),
      );
      if ('answer' in attempt) return attempt.answer;
      if (relocks >= MAX_RELOCKS)
        throw new Error(`subsidy ${command.data.subsidyId}: its streams kept changing while locking`);
      lockKeys = attempt.relock;
    }
  }

  /**
   * The streams a command other than a grant may write (see `streamsWrittenBy`): they follow from the subsidy (its
   * boundaries, recipient and policy are fixed by its grant), read here without a lock and checked again under it.
   */
  private async streamsToLock(command: SubsidyCommand): Promise<string[]> {
    const { state } = await this.foldLedger(this.runner.store, subsidyStreamId(command.data.subsidyId));
    return streamsWrittenBy(command, state.subsidies[command.data.subsidyId], this.dualControl);
  }

  private async decideAndAppend(
    store: EventStore,
    command: SubsidyCommand,
    meta: CommandMetadata,
    locked: string[],
    grantStreams: string[] | undefined,
  ): Promise<Attempt> {
    const subsidyId = command.data.subsidyId;
    const own = subsidyStreamId(subsidyId);
    // A grant's streams (named from the command) are folded with its own, so that a store reading over the network
    // reads them in one round trip (the loop below joins these folds instead of asking for them again).
    const early = grantStreams?.filter((streamId) => streamId !== own) ?? [];
    const folds = [this.foldLedger(store, own, meta.commandId)];
    for (const streamId of early) folds.push(this.foldLedger(store, streamId));
    const folded = await Promise.all(folds);
    const subsidy = folded[0];
    // Looked up once (`subsidyIn`): a new subsidy's id is a key no object has yet, and each lookup of such a key asks
    // V8's table of strings (~0.4 µs, the first ~1.3 µs with its hash).
    const current = subsidyIn(subsidy.state, subsidyId);
    const streams = grantStreams ?? fundingStreamsFor(command, current, this.dualControl);
    if (subsidy.recordedByCommandAt !== undefined) {
      // A repeat of a command already recorded (its answer was lost): answer from what it recorded.
      const position = await lastPositionOf(store, streams, meta.commandId, subsidy.recordedByCommandAt);
      return { answer: subsidyAnswer(current!, [], position) }; // it recorded on the subsidy's stream: it exists
    }
    const context = contextStreamsOf(command, current);
    const written = writtenAmong(command, streams);
    if (!written.every((streamId) => locked.includes(streamId)))
      return { relock: [...new Set([...locked, ...written])] };

    let state = subsidy.state;
    const revisions = new Map<string, StreamRevision>([[own, subsidy.revision]]);
    for (const streamId of streams) {
      if (revisions.has(streamId)) continue;
      const at = early.indexOf(streamId);
      const fold = at >= 0 ? folded[at + 1] : await this.foldLedger(store, streamId);
      // A stream not yet written (a new project's, most integrity records) folds to the initial state: nothing to join.
      if (fold.revision !== -1) state = joinStates(state, fold.state);
      revisions.set(streamId, fold.revision);
    }
    const consortium = context.consortium ? await this.consortiumOf(store, context.consortium, revisions) : undefined;
    const recipientRegistry = context.registry ? await this.registryOf(store, context.registry, revisions) : undefined;
    if (current?.exists) {
      // A subsidy is where its consortium is now (a lead change moves both), not where its responsible unit is: for a
      // user with a jurisdiction, its consortium's lead, read here where the decision does not read the consortium
      // anyway, and checked on append like every stream read.
      if (meta.jurisdiction) {
        const ofSubsidy =
          consortium ?? (await this.consortiumOf(store, consortiumStreamId(current.consortiumId), revisions));
        const lead = ofSubsidy.exists ? ofSubsidy.lead.creditCode : current.responsibleUnit;
        assertCovers(meta, consortiumKeys(current.policy, lead), recordCalled('subsidy', subsidyId));
      }
    } else if (command.type === 'GrantSubsidy' && consortium?.exists)
      assertCovers(
        meta,
        consortiumKeys(consortium.policy, consortium.lead.creditCode),
        recordCalled('consortium', command.data.consortiumId),
      );

    const decision = subsidyDecider.decide(command, state, {
      today: meta.today,
      consortium,
      recipientRegistry,
      actor: meta.actor,
      dualControl: this.dualControl,
    });
    if (isRejection(decision)) throw new RejectionException(inApiTerms(decision));

    const routed = eventsByStream(decision);
    const result = await store.appendToStreams(appendRequests(routed, revisions, meta));
    // The answer shows the subsidy: only its own stream's events are folded into it (not the boundaries').
    const after = subsidyAfter(current, subsidyId, routed.get(own) ?? []);
    return { answer: subsidyAnswer(after, decision, result.lastPosition) };
  }

  /** The consortium a decision reads, folded from its own stream; its revision is checked on append. */
  private async consortiumOf(
    store: EventStore,
    streamId: string,
    revisions: Map<string, StreamRevision>,
  ): Promise<ConsortiumState> {
    const folded = await foldStream<ConsortiumState, ConsortiumEvent>(
      store,
      streamId,
      consortiumDecider.evolve,
      consortiumDecider.initialState(),
    );
    if (!revisions.has(streamId)) revisions.set(streamId, folded.revision);
    return folded.state;
  }

  /** A lead registry the grant reads (the recipient's 盟主 status); its revision is checked on append. */
  private async registryOf(
    store: EventStore,
    streamId: string,
    revisions: Map<string, StreamRevision>,
  ): Promise<LeadRegistryState> {
    const folded = await foldStream<LeadRegistryState, LeadRegistryEvent>(
      store,
      streamId,
      leadRegistryDecider.evolve,
      leadRegistryDecider.initialState(),
    );
    if (!revisions.has(streamId)) revisions.set(streamId, folded.revision);
    return folded.state;
  }

  /** One stream of the ledger, folded on its own (the decision reads the join of them: `joinStates`). */
  private foldLedger(store: EventStore, streamId: string, commandId?: string) {
    return foldStream<SubsidyLedgerState, SubsidyLedgerEvent>(
      store,
      streamId,
      subsidyDecider.evolve,
      subsidyDecider.initialState(),
      commandId,
    );
  }
}

/**
 * The streams a decision reads besides the subsidy ledger's own: a grant's consortium and the recipient's registry of
 * leads (where its policy keeps one); the consortium of the subsidy a disbursement or continuation concerns (a project
 * is not paid after its consortium ended). Each is checked at the revision read when the decision is appended.
 */
function contextStreamsOf(command: SubsidyCommand, subsidy?: SubsidyState): { consortium?: string; registry?: string } {
  switch (command.type) {
    case 'GrantSubsidy': {
      const registry = recipientRegistryStream(command.data);
      return { consortium: consortiumStreamId(command.data.consortiumId), ...(registry && { registry }) };
    }
    case 'DisburseSubsidy':
    case 'ContinueSubsidy':
      return subsidy?.exists ? { consortium: consortiumStreamId(subsidy.consortiumId) } : {};
    default:
      return {};
  }
}

/** The log position of the last event a command recorded on these streams (its answer's `position`). */
async function lastPositionOf(
  store: EventStore,
  streams: string[],
  commandId: string,
  atLeast: number,
): Promise<number> {
  let last = atLeast;
  for (const streamId of streams) {
    for (const event of await store.readStream(streamId))
      if (event.metadata.commandId === commandId) last = Math.max(last, event.position);
  }
  return last;
}

/** Every stream read, at the revision read: with its new events, or none (a check the decision depended on). */
function appendRequests(
  routed: Map<string, SubsidyLedgerEvent[]>,
  revisions: Map<string, StreamRevision>,
  meta: CommandMetadata,
): AppendRequest[] {
  for (const streamId of routed.keys()) {
    if (!revisions.has(streamId)) throw new Error(`the decision wrote to ${streamId}, a stream it did not read`);
  }
  const metadata = recordedMetadata(meta);
  return Array.from(revisions, ([streamId, revision]) => ({
    streamId,
    expectedRevision: expectedRevisionOf(revision),
    events: toEventsToAppend(routed.get(streamId) ?? [], meta, streamId, metadata),
  }));
}
