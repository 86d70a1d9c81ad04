import { Command } from '@nestjs/cqrs';
import { CommandMetadata } from '@ledger/platform';
import { ZoneAnswer } from './zone-answer';
import { ZoneCommand } from '@ledger/domain/zone/zone.commands';

/** The envelope that carries a zone command (a plain value) and who sent it over the command bus. */
export class ZoneCommandMessage extends Command<ZoneAnswer> {
  constructor(
    readonly command: ZoneCommand,
    readonly meta: CommandMetadata,
  ) {
    super();
  }
}
