import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { isRejection } from '@ledger/domain/shared/decision';
import { expectedRevisionOf } from '@ledger/event-store';
import { CommandRunner, foldStream, RejectionException, toEventsToAppend } from '@ledger/platform';
import { regionalAverageDecider } from '@ledger/domain/zone/regional-average.decider';
import { RegionalAverageState } from '@ledger/domain/zone/regional-average.state';
import { RegionalAverageRecorded } from '@ledger/domain/zone/zone.events';
import { regionalAverageStreamId } from '@ledger/domain/zone/zone.streams';
import { RegionalAverageAnswer, regionalAverageAnswer } from './regional-average-answer';
import { RegionalAverageCommandMessage } from './regional-average-command.message';

/** Recording the region's average for a year: load the year's stream → decide → append, under the stream's lock. */
@CommandHandler(RegionalAverageCommandMessage)
export class RegionalAverageCommandHandler implements ICommandHandler<RegionalAverageCommandMessage> {
  constructor(private readonly runner: CommandRunner) {}

  execute({ command, meta }: RegionalAverageCommandMessage): Promise<RegionalAverageAnswer> {
    const streamId = regionalAverageStreamId(command.data.year);
    return this.runner.run([streamId], async (store) => {
      const { state, revision, recordedByCommandAt } = await foldStream<RegionalAverageState, RegionalAverageRecorded>(
        store,
        streamId,
        regionalAverageDecider.evolve,
        regionalAverageDecider.initialState(),
        meta.commandId,
      );
      if (recordedByCommandAt !== undefined) return regionalAverageAnswer(state, [], recordedByCommandAt);
      const decision = regionalAverageDecider.decide(command, state, { today: meta.today });
      if (isRejection(decision)) throw new RejectionException(decision);
      const result = await store.appendToStreams([
        {
          streamId,
          expectedRevision: expectedRevisionOf(revision),
          events: toEventsToAppend(decision, meta, streamId),
        },
      ]);
      return regionalAverageAnswer(
        decision.reduce(regionalAverageDecider.evolve, state),
        decision,
        result.lastPosition,
      );
    });
  }
}
