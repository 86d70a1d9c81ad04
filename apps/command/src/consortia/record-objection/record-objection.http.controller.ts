import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ConsortiumAnswerDto } from '@ledger/presentation/consortium.view.dto';
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
  @ApiCreatedResponse({ type: ConsortiumAnswerDto })
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
