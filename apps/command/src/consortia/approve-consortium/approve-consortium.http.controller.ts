import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ConsortiumAnswerDto } from '@ledger/presentation/consortium.view.dto';
import { CommandMeta, CommandMetadata, Roles } from '@ledger/platform';
import { ConsortiumCommandMessage } from '../consortium-command.message';
import { ApproveConsortiumDto } from './approve-consortium.dto';

@ApiTags('consortia')
@ApiBearerAuth()
@Controller('v1/consortia')
export class ApproveConsortiumHttpController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':id/approval')
  @Roles('officer')
  @ApiCreatedResponse({ type: ConsortiumAnswerDto })
  @ApiOperation({ summary: 'Approve (list / file): active, or 422 naming every unmet rule in details.' })
  handle(@Param('id') id: string, @Body() dto: ApproveConsortiumDto, @CommandMeta() meta: CommandMetadata) {
    return this.commandBus.execute(
      new ConsortiumCommandMessage({ type: 'ApproveConsortium', data: { consortiumId: id, on: dto.on } }, meta),
    );
  }
}
