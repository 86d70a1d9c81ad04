import { recordCalled } from '@ledger/platform';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { isRejection } from '@ledger/domain/shared/decision';
import { AppendRequest, EventStore, expectedRevisionOf } from '@ledger/event-store';
import { assertCovers, CommandRunner, foldStream, RejectionException, toEventsToAppend } from '@ledger/platform';
import { ZoneAnswer, zoneAnswer } from './zone-answer';
import { ZoneCommandMessage } from './zone-command.message';
import { zoneDecider } from '@ledger/domain/zone/zone.decider';
import { ZoneCommand } from '@ledger/domain/zone/zone.commands';
import { RegionalAverageRecorded } from '@ledger/domain/zone/zone.events';
import { regionalAverageStreamId, zoneStreamId } from '@ledger/domain/zone/zone.streams';
import { regionalAverageDecider } from '@ledger/domain/zone/regional-average.decider';
import { RegionalAverageState } from '@ledger/domain/zone/regional-average.state';

/**
 * Every zone command: load the zone's stream → decide → append, under the zone's lock. A zone is its own boundary,
 * except that an annual report also reads the region's averages for its year (zone.rd-intensity 四(三)): that stream
 * is locked too and its revision checked on append, so a report and a new average recorded at once cannot cross —
 * the report is judged on the average or decided again after it.
 */
@CommandHandler(ZoneCommandMessage)
export class ZoneCommandHandler implements ICommandHandler<ZoneCommandMessage> {
  constructor(private readonly runner: CommandRunner) {}

  execute({ command, meta }: ZoneCommandMessage): Promise<ZoneAnswer> {
    const streamId = zoneStreamId(command.data.zoneId);
    const averageStream = regionalAverageStreamOf(command);
    return this.runner.run([streamId, ...(averageStream ? [averageStream] : [])], async (store) => {
      const { state, revision, recordedByCommandAt } = await foldStream(
        store,
        streamId,
        zoneDecider.evolve,
        zoneDecider.initialState(),
        meta.commandId,
      );
      if (recordedByCommandAt !== undefined) return zoneAnswer(state, [], recordedByCommandAt);
      const policy = command.type === 'DesignateZone' ? command.data.policy : state.exists ? state.policy : undefined;
      if (policy !== undefined) assertCovers(meta, { policy }, recordCalled('zone', command.data.zoneId));
      const average = averageStream ? await foldAverage(store, averageStream) : undefined;
      const decision = zoneDecider.decide(command, state, {
        today: meta.today,
        ...(average && { regionalAverage: average.state }),
      });
      if (isRejection(decision)) throw new RejectionException(decision);
      const requests: AppendRequest[] = [
        {
          streamId,
          expectedRevision: expectedRevisionOf(revision),
          events: toEventsToAppend(decision, meta, streamId),
        },
        ...(average && averageStream
          ? [{ streamId: averageStream, expectedRevision: expectedRevisionOf(average.revision), events: [] }]
          : []),
      ];
      const result = await store.appendToStreams(requests);
      return zoneAnswer(decision.reduce(zoneDecider.evolve, state), decision, result.lastPosition);
    });
  }
}

/** The stream of the region's averages an annual report reads: the one of its year. */
function regionalAverageStreamOf(command: ZoneCommand): string | undefined {
  return command.type === 'SubmitAnnualReport' && Number.isSafeInteger(command.data.year)
    ? regionalAverageStreamId(command.data.year)
    : undefined;
}

const foldAverage = (store: EventStore, streamId: string) =>
  foldStream<RegionalAverageState, RegionalAverageRecorded>(
    store,
    streamId,
    regionalAverageDecider.evolve,
    regionalAverageDecider.initialState(),
  );
