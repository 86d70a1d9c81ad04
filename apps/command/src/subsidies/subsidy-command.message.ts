import { Command } from '@nestjs/cqrs';
import { SubsidyCommand } from '@ledger/domain/subsidy/subsidy.commands';
import { CommandMetadata } from '@ledger/platform';
import { SubsidyAnswer } from './subsidy-answer';

/** The envelope that carries a subsidy command (a plain value) and who sent it over the command bus. */
export class SubsidyCommandMessage extends Command<SubsidyAnswer> {
  constructor(
    readonly command: SubsidyCommand,
    readonly meta: CommandMetadata,
  ) {
    super();
  }
}
