import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CommandMeta, CommandMetadata, Roles } from '@ledger/platform';
import { ConsortiumCommandMessage } from '../consortium-command.message';
import { RecordObjectionDto } from './record-objection.dto';

@ApiTags('consortia')
@ApiBearerAuth()
@Controller('v1/consortia')
export class RecordObjectionHttpController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':id/objections')
  @Roles('officer')
  @ApiOperation({ summary: 'Record an objection raised during the public notice; objections are numbered from 1.' })
  handle(@Param('id') id: string, @Body() dto: RecordObjectionDto, @CommandMeta() meta: CommandMetadata) {
    return this.commandBus.execute(
      new ConsortiumCommandMessage(
        { type: 'RecordObjection', data: { consortiumId: id, on: dto.on, text: dto.text } },
        meta,
      ),
    );
  }
}
