import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { isRejection } from '@ledger/domain/shared/decision';
import { AppendRequest, EventStore, ExpectedRevision } from '@ledger/event-store';
import {
  CommandMetadata,
  CommandRunner,
  foldStream,
  Folded,
  RejectionException,
  toEventsToAppend,
} from '@ledger/platform';
import { consortiumAnswer, ConsortiumAnswer } from './consortium-answer';
import { ConsortiumCommandMessage } from './consortium-command.message';
import { ConsortiumCommand } from '@ledger/domain/consortium/consortium.commands';
import { consortiumDecider } from '@ledger/domain/consortium/consortium.decider';
import { consortiumStreamId, leadRegistryStreamId } from '@ledger/domain/consortium/consortium.streams';
import {
  evolveLeadClaim,
  LeadClaim,
  leadRegistryChanges,
  LeadRegistryEvent,
  leadRegistryStreamOf,
} from '@ledger/domain/consortium/lead-registry';
import { consortiumPolicies } from '@ledger/domain/policies/consortium-policies';

const expected = (revision: number): ExpectedRevision => (revision === -1 ? 'no-stream' : revision);

/**
 * Every consortium command: fold the consortium's stream (and, for a filing, its lead's registry stream), decide,
 * and append the consortium's events together with the registry's claims and releases in one atomic request.
 */
@CommandHandler(ConsortiumCommandMessage)
export class ConsortiumCommandHandler implements ICommandHandler<ConsortiumCommandMessage> {
  constructor(private readonly runner: CommandRunner) {}

  execute({ command, meta }: ConsortiumCommandMessage): Promise<ConsortiumAnswer> {
    const streamId = consortiumStreamId(command.data.consortiumId);
    const filingLeadStream = filingRegistryStream(command);
    const lockKeys = filingLeadStream ? [streamId, filingLeadStream] : [streamId];
    return this.runner.run(lockKeys, (store) => this.decideAndAppend(store, command, meta, streamId, filingLeadStream));
  }

  private async decideAndAppend(
    store: EventStore,
    command: ConsortiumCommand,
    meta: CommandMetadata,
    streamId: string,
    filingLeadStream: string | undefined,
  ): Promise<ConsortiumAnswer> {
    const consortium = await foldStream(
      store,
      streamId,
      consortiumDecider.evolve,
      consortiumDecider.initialState(),
      meta.commandId,
    );
    if (consortium.recordedByCommandAt !== undefined)
      return consortiumAnswer(consortium.state, [], consortium.recordedByCommandAt);
    const registry = new Map<string, Folded<LeadClaim | null>>();
    if (filingLeadStream) registry.set(filingLeadStream, await foldRegistry(store, filingLeadStream));

    const policy =
      consortiumPolicies[command.type === 'FileConsortium' ? command.data.policy : consortium.state.policy];
    const leadClaim = filingLeadStream ? registry.get(filingLeadStream)?.state : undefined;
    const decision = consortiumDecider.decide(command, consortium.state, { today: meta.today, policy, leadClaim });
    if (isRejection(decision)) throw new RejectionException(decision);

    const after = decision.reduce(consortiumDecider.evolve, consortium.state);
    const registryEvents = leadRegistryChanges(consortium.state, after);
    const requests: AppendRequest[] = [
      { streamId, expectedRevision: expected(consortium.revision), events: toEventsToAppend(decision, meta, streamId) },
      ...(await this.registryRequests(store, registryEvents, registry, meta)),
    ];
    const result = await store.appendToStreams(requests);
    return consortiumAnswer(after, decision, result.lastPosition);
  }

  private async registryRequests(
    store: EventStore,
    events: LeadRegistryEvent[],
    read: Map<string, Folded<LeadClaim | null>>,
    meta: CommandMetadata,
  ): Promise<AppendRequest[]> {
    const byStream = new Map<string, LeadRegistryEvent[]>();
    for (const event of events)
      byStream.set(leadRegistryStreamOf(event), [...(byStream.get(leadRegistryStreamOf(event)) ?? []), event]);
    const requests: AppendRequest[] = [];
    for (const [registryStream, streamEvents] of byStream) {
      const folded = read.get(registryStream) ?? (await foldRegistry(store, registryStream));
      requests.push({
        streamId: registryStream,
        expectedRevision: expected(folded.revision),
        events: toEventsToAppend(streamEvents, meta, registryStream),
      });
    }
    return requests;
  }
}

/** The lead registry a filing is decided on, when its policy has a rule spanning consortia. */
function filingRegistryStream(command: ConsortiumCommand): string | undefined {
  if (command.type !== 'FileConsortium') return undefined;
  if (!consortiumPolicies[command.data.policy]?.leadClaim) return undefined;
  return leadRegistryStreamId(command.data.policy, command.data.lead.creditCode);
}

const foldRegistry = (store: EventStore, streamId: string) =>
  foldStream<LeadClaim | null, LeadRegistryEvent>(store, streamId, evolveLeadClaim, null);
