import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { isRejection } from '@ledger/domain/shared/decision';
import { CommandRunner, foldStream, RejectionException, toEventsToAppend } from '@ledger/platform';
import { ZoneAnswer, zoneAnswer } from './zone-answer';
import { ZoneCommandMessage } from './zone-command.message';
import { zoneDecider } from '@ledger/domain/zone/zone.decider';
import { zoneStreamId } from '@ledger/domain/zone/zone.events';

/** Every zone command: load the zone's stream → decide → append, under the zone's lock. A zone is its own boundary. */
@CommandHandler(ZoneCommandMessage)
export class ZoneCommandHandler implements ICommandHandler<ZoneCommandMessage> {
  constructor(private readonly runner: CommandRunner) {}

  execute({ command, meta }: ZoneCommandMessage): Promise<ZoneAnswer> {
    const streamId = zoneStreamId(command.data.zoneId);
    return this.runner.run([streamId], async (store) => {
      const { state, revision, recordedByCommandAt } = await foldStream(
        store,
        streamId,
        zoneDecider.evolve,
        zoneDecider.initialState(),
        meta.commandId,
      );
      if (recordedByCommandAt !== undefined) return zoneAnswer(state, [], recordedByCommandAt);
      const decision = zoneDecider.decide(command, state, { today: meta.today });
      if (isRejection(decision)) throw new RejectionException(decision);
      const result = await store.appendToStreams([
        {
          streamId,
          expectedRevision: revision === -1 ? 'no-stream' : revision,
          events: toEventsToAppend(decision, meta, streamId),
        },
      ]);
      return zoneAnswer(decision.reduce(zoneDecider.evolve, state), decision, result.lastPosition);
    });
  }
}
