import { Command } from '@nestjs/cqrs';
import { CommandMetadata } from '@ledger/platform';
import { RecordRegionalAverage } from '@ledger/domain/zone/zone.commands';
import { RegionalAverageAnswer } from './regional-average-answer';

/** The envelope that carries a regional-average command (a plain value) and who sent it over the command bus. */
export class RegionalAverageCommandMessage extends Command<RegionalAverageAnswer> {
  constructor(
    readonly command: RecordRegionalAverage,
    readonly meta: CommandMetadata,
  ) {
    super();
  }
}
