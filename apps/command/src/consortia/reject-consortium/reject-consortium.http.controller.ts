import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ConsortiumAnswerDto } from '@ledger/presentation/consortium.view.dto';
import { CommandMeta, CommandMetadata, Roles } from '@ledger/platform';
import { ConsortiumCommandMessage } from '../consortium-command.message';
import { RejectConsortiumDto } from './reject-consortium.dto';

@ApiTags('consortia')
@ApiBearerAuth()
@Controller('v1/consortia')
export class RejectConsortiumHttpController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':id/rejection')
  @Roles('officer')
  @ApiCreatedResponse({ type: ConsortiumAnswerDto })
  @ApiOperation({ summary: 'Reject the filing.' })
  handle(@Param('id') id: string, @Body() dto: RejectConsortiumDto, @CommandMeta() meta: CommandMetadata) {
    return this.commandBus.execute(
      new ConsortiumCommandMessage(
        { type: 'RejectConsortium', data: { consortiumId: id, on: dto.on, reason: dto.reason } },
        meta,
      ),
    );
  }
}
