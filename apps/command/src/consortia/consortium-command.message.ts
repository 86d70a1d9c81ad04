import { Command } from '@nestjs/cqrs';
import { ConsortiumCommand } from '@ledger/domain/consortium/consortium.commands';
import { CommandMetadata } from '@ledger/platform';
import { ConsortiumAnswer } from './consortium-answer';

/** The envelope that carries a domain command (a plain value) and who sent it over the command bus. */
export class ConsortiumCommandMessage extends Command<ConsortiumAnswer> {
  constructor(
    readonly command: ConsortiumCommand,
    readonly meta: CommandMetadata,
  ) {
    super();
  }
}
