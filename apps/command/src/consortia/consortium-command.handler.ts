import { recordCalled } from '@ledger/platform';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { ConsortiumCommand } from '@ledger/domain/consortium/consortium.commands';
import { consortiumDecider } from '@ledger/domain/consortium/consortium.decider';
import { filingRegistryStream, leadRegistryRequests } from '@ledger/domain/consortium/consortium.lead-claims';
import { consortiumStreamId } from '@ledger/domain/consortium/consortium.streams';
import { leadRegistryDecider } from '@ledger/domain/lead-registry/lead-registry.decider';
import { LeadRegistryEvent } from '@ledger/domain/lead-registry/lead-registry.events';
import { LeadRegistryState } from '@ledger/domain/lead-registry/lead-registry.state';
import { consortiumPolicies } from '@ledger/domain/policies/consortium-policies';
import { isRejection } from '@ledger/domain/shared/decision';
import { AppendRequest, EventStore, expectedRevisionOf } from '@ledger/event-store';
import {
  assertCovers,
  CommandMetadata,
  CommandRunner,
  consortiumKeys,
  foldStream,
  Folded,
  RejectionException,
  toEventsToAppend,
} from '@ledger/platform';
import { consortiumAnswer, ConsortiumAnswer } from './consortium-answer';
import { ConsortiumCommandMessage } from './consortium-command.message';

/**
 * Every consortium command: fold the consortium's stream (and, for a filing, its lead's registry stream), decide,
 * decide what the transition asks of the lead registry, and append the consortium's events together with the
 * registry's in one atomic request.
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
    if (consortium.recordedByCommandAt !== undefined) {
      return consortiumAnswer(consortium.state, [], consortium.recordedByCommandAt);
    }
    const keys =
      command.type === 'FileConsortium'
        ? consortiumKeys(command.data.policy, command.data.lead?.creditCode ?? '')
        : consortium.state.exists
          ? consortiumKeys(consortium.state.policy, consortium.state.lead.creditCode)
          : undefined;
    if (keys) assertCovers(meta, keys, recordCalled('consortium', command.data.consortiumId));
    const registries = new Map<string, Folded<LeadRegistryState>>();
    if (filingLeadStream) registries.set(filingLeadStream, await foldRegistry(store, filingLeadStream));

    const policy =
      consortiumPolicies[command.type === 'FileConsortium' ? command.data.policy : consortium.state.policy];
    const leadRegistry = filingLeadStream ? registries.get(filingLeadStream)?.state : undefined;
    const decision = consortiumDecider.decide(command, consortium.state, {
      today: meta.today,
      policy,
      leadRegistry,
      actor: meta.actor,
    });
    if (isRejection(decision)) throw new RejectionException(decision);

    const after = decision.reduce(consortiumDecider.evolve, consortium.state);
    const requests: AppendRequest[] = [
      {
        streamId,
        expectedRevision: expectedRevisionOf(consortium.revision),
        events: toEventsToAppend(decision, meta, streamId),
      },
    ];
    for (const { streamId: registryStream, command: registryCommand, context } of leadRegistryRequests(
      consortium.state,
      after,
    )) {
      const registry = registries.get(registryStream) ?? (await foldRegistry(store, registryStream));
      const events = leadRegistryDecider.decide(registryCommand, registry.state, context);
      if (isRejection(events)) throw new RejectionException(events);
      requests.push({
        streamId: registryStream,
        expectedRevision: expectedRevisionOf(registry.revision),
        events: toEventsToAppend(events, meta, registryStream),
      });
    }
    const result = await store.appendToStreams(requests);
    return consortiumAnswer(after, decision, result.lastPosition);
  }
}

const foldRegistry = (store: EventStore, streamId: string) =>
  foldStream<LeadRegistryState, LeadRegistryEvent>(
    store,
    streamId,
    leadRegistryDecider.evolve,
    leadRegistryDecider.initialState(),
  );
